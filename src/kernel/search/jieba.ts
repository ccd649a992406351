import fs from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;

/** jieba with its standard dictionary plus our government terms, loaded once per process. */
export function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(fs.readFileSync(new URL('./gov-terms.txt', import.meta.url)));
  }
  return jieba;
}
