import { advanceEm, type Face } from './fonts.ts';

/** A run of text in one face. */
export interface Run {
  text: string;
  face: Face;
}

/** 发文字号: 机关代字〔年份〕序号号 — 六角括号, the full year, no 第 and no leading zeros (GB/T 9704 §7.2.4). */
export const DOC_NUMBER = /^\S+〔\d{4}〕[1-9]\d*号$/;

export function formatDocNumber(agencyCode: string, year: number, serial: number): string {
  return `${agencyCode}〔${year}〕${serial}号`;
}

/** 成文日期 / 印发日期 in Arabic numerals with the full year and no leading zeros: 2026年9月18日. */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Characters that may not begin a line, and ones that may not end it (避头尾). */
const NO_START = new Set([...'，。、；：？！）》」』〕】’”…—%·,.;:?!)']);
const NO_END = new Set([...'（《「『〔【‘“(']);

interface Token {
  text: string;
  face: Face;
}

/** Latin letters and digits stay together (a year, "1.", a number); every other character stands alone. */
function tokens(runs: Run[]): Token[] {
  return runs.flatMap((r) => (r.text.match(/[A-Za-z0-9][A-Za-z0-9.\-%/]*|./gsu) ?? []).map((text) => ({ text, face: r.face })));
}

/** Width in points of a run at `size`, each character followed by `tracking` (PDF's Tc). */
export function widthOf(runs: Run[], size: number, tracking: number): number {
  let w = 0;
  for (const r of runs) for (const ch of r.text) w += advanceEm(r.face, ch) * size + tracking;
  return w;
}

/** Joins neighbouring tokens of the same face back into runs. */
function merge(ts: Token[]): Run[] {
  const out: Run[] = [];
  for (const t of ts) {
    const last = out[out.length - 1];
    if (last && last.face === t.face) last.text += t.text;
    else out.push({ text: t.text, face: t.face });
  }
  return out;
}

/**
 * Breaks runs into lines: the first `first` points wide, the rest `rest` wide, keeping 避头尾 by
 * carrying the last character over with a closing mark (or an opening mark onto the next line).
 */
export function wrap(runs: Run[], size: number, tracking: number, first: number, rest: number): Run[][] {
  const lines: Token[][] = [];
  let line: Token[] = [];
  let used = 0;
  const w = (t: Token) => widthOf([t], size, tracking);
  for (const t of tokens(runs)) {
    const limit = lines.length === 0 ? first : rest;
    if (line.length > 0 && used + w(t) > limit + 0.01) {
      const carried: Token[] = [];
      if (NO_START.has(t.text) && line.length > 1) carried.push(line.pop()!);
      while (line.length > 1 && NO_END.has(line[line.length - 1].text)) carried.unshift(line.pop()!);
      lines.push(line);
      line = carried;
      used = carried.reduce((s, c) => s + w(c), 0);
    }
    line.push(t);
    used += w(t);
  }
  if (line.length) lines.push(line);
  return lines.map(merge);
}
