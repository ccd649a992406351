/**
 * Fees are stored in integer fen (分, CONVENTIONS: money in integer fen) but people think and type
 * in yuan (元). These turn one into the other without floating-point drift: 12.5 元 is 1250 分,
 * never 1249.9999.
 */
export const MAX_FEE_FEN = 100_000_000;

export type YuanProblem = 'invalid' | 'negative' | 'decimals' | 'tooLarge';

/** Parses what was typed in 元 ("12.5", "12.50", "０" is refused) to fen, or names what is wrong. */
export function parseYuan(text: string | number | null | undefined): { fen: number } | { problem: YuanProblem } {
  const s = String(text ?? '').trim();
  if (s === '') return { fen: 0 };
  if (/^-/.test(s)) return { problem: 'negative' };
  const m = /^(\d{1,9})(?:\.(\d*))?$/.exec(s);
  if (!m) return { problem: 'invalid' };
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { problem: 'decimals' };
  const fen = Number(m[1]) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_FEE_FEN) return { problem: 'tooLarge' };
  return { fen };
}

/** Fen as 元 with two decimals, e.g. 1250 → "12.50". */
export function fenToYuan(fen: number): string {
  const f = Math.max(0, Math.round(fen));
  return `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`;
}

/** How a fee reads in a guide: ¥12.50. */
export const formatYuan = (fen: number): string => `¥${fenToYuan(fen)}`;
