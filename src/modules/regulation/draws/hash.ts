import { createHash, getHashes } from 'node:crypto';
import { sm3 } from 'sm-crypto-v2';
import type { HashFn } from './sortition.ts';

// Node's OpenSSL 3 has SM3 (faster); sm-crypto-v2 answers the same where a build lacks it.
const native = getHashes().includes('sm3');

/** SM3 over bytes, as the draw hashes each step. */
export const sm3Bytes: HashFn = native ? (data) => new Uint8Array(createHash('sm3').update(data).digest()) : (data) => Uint8Array.from(Buffer.from(sm3(data), 'hex'));

/** SM3 hex of a UTF-8 text, as the committed digests are written. */
export const sm3Hex = (text: string): string => (native ? createHash('sm3').update(text, 'utf8').digest('hex') : sm3(text));
