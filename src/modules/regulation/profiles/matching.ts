import type { Executor } from '../../../kernel/db/index.ts';
import { isValidCreditCode } from '../../../kernel/ids/index.ts';
import type { ObjectsPort, SupervisionObject } from '../ports.ts';
import type { ComplaintMatch } from './tables.ts';

/** The shortest registered name a complaint may be matched on (short trade names are shared by many). */
export const MIN_NAME_LENGTH = 6;
/** The longest name looked for (GB/T 名称 rules keep 企业名称 well under this). */
const MAX_NAME_LENGTH = 50;
/** Endings of registered names (组织形式 and the usual 字号 endings of 个体工商户); a name is looked for only where one ends. */
const NAME_ENDINGS = [
  '有限责任公司',
  '股份有限公司',
  '有限公司',
  '分公司',
  '公司',
  '合作社',
  '集团',
  '商行',
  '超市',
  '药店',
  '药房',
  '诊所',
  '医院',
  '门诊部',
  '餐厅',
  '饭店',
  '酒店',
  '宾馆',
  '经营部',
  '门市部',
  '加油站',
  '幼儿园',
  '厂',
  '店',
  '馆',
  '部',
  '行',
  '社',
];
/** At most this many places in one text are looked at, so a long text cannot make a case cost hundreds of queries. */
const MAX_ENDS = 12;
/** What one window search returns; fewer than this means the list is complete. */
const WINDOW_LIMIT = 50;

/** Valid GB 32100 credit codes written in a text (upper-cased, each once). */
export function creditCodesIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.toUpperCase().matchAll(/(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/g)) if (isValidCreditCode(m[0])) found.add(m[0]);
  return [...found];
}

/** Where a registered name could end in the text: after one of the usual endings, or after a number or code right behind one (“…有限公司2号店”, “…公司A区”). */
export function nameEndsIn(text: string): number[] {
  const ends = new Set<number>();
  for (const e of NAME_ENDINGS)
    for (let i = text.indexOf(e); i >= 0; i = text.indexOf(e, i + 1)) {
      const end = i + e.length;
      ends.add(end);
      const tail = /^[0-9A-Za-z]{1,8}/.exec(text.slice(end));
      if (tail) ends.add(end + tail[0].length);
    }
  return [...ends].sort((a, b) => a - b).slice(0, MAX_ENDS);
}

/**
 * The market entities a 12345 text names: by a credit code (valid check character, in the 名录库),
 * or by its exact registered name (≥ 6 characters).
 *
 * Exact only, because a link counts against the entity: it shows on its profile and feeds the
 * complaints indicator of its credit class, which sets how often it is drawn for inspection. A
 * partial name (“某某餐饮”) fits several entities, and linking the wrong one would raise an innocent
 * company's risk; a missed link costs less — the regulator can still link the case by hand.
 */
export async function entitiesNamedIn(ex: Executor, objects: ObjectsPort, text: string, regionCode: string): Promise<{ object: SupervisionObject; by: Exclude<ComplaintMatch, 'manual'> }[]> {
  const out = new Map<string, { object: SupervisionObject; by: Exclude<ComplaintMatch, 'manual'> }>();
  for (const code of creditCodesIn(text)) {
    const o = await objects.get(ex, code);
    if (o) out.set(o.creditCode, { object: o, by: 'credit-code' });
  }
  for (const end of nameEndsIn(text)) {
    const o = await nameEndingAt(ex, objects, text, end, regionCode);
    if (o && !out.has(o.creditCode)) out.set(o.creditCode, { object: o, by: 'name' });
  }
  return [...out.values()];
}

/** The longest registered name that the text holds exactly, ending at `end`. */
async function nameEndingAt(ex: Executor, objects: ObjectsPort, text: string, end: number, regionCode: string): Promise<SupervisionObject | null> {
  if (end < MIN_NAME_LENGTH) return null;
  const fits = (o: SupervisionObject) => o.name.length >= MIN_NAME_LENGTH && o.name.length <= end && text.slice(end - o.name.length, end) === o.name;
  const longest = (xs: SupervisionObject[]) => xs.filter(fits).sort((a, b) => b.name.length - a.name.length)[0] ?? null;
  // Every name ending here holds the last six characters: one search finds them all, unless the
  // list is full — then each possible start is asked for, longest first.
  const window = await objects.search(ex, text.slice(end - MIN_NAME_LENGTH, end), regionCode, WINDOW_LIMIT);
  if (window.length < WINDOW_LIMIT) return longest(window);
  for (let start = Math.max(0, end - MAX_NAME_LENGTH); start <= end - MIN_NAME_LENGTH; start++) {
    const q = text.slice(start, end);
    if (/[\s，。,.;；:：!！?？、“”"']/.test(q)) continue;
    const hit = longest(await objects.search(ex, q, regionCode, 5));
    if (hit) return hit;
  }
  return null;
}
