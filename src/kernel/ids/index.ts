import { makeCitizenId } from './citizen-id.ts';
import { makeCreditCode } from './credit-code.ts';
import { seededRandom } from './random.ts';

export * from './citizen-id.ts';
export * from './credit-code.ts';
export * from './licence-id.ts';
export { seededRandom } from './random.ts';
export { newId } from './time-ordered.ts';

/** Synthetic but valid identifiers for seeds and tests. */
export function syntheticIds(seed: number) {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  return {
    citizenId(regionCode: string): string {
      const y = int(1950, 2005);
      const m = String(int(1, 12)).padStart(2, '0');
      const d = String(int(1, 28)).padStart(2, '0');
      return makeCitizenId(regionCode, `${y}-${m}-${d}`, int(1, 999));
    },
    creditCode(regionCode: string): string {
      const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
      let base = '';
      for (let i = 0; i < 8; i++) base += chars[int(0, chars.length - 1)];
      return makeCreditCode(regionCode, base);
    },
    phone(): string {
      return `1${[3, 5, 7, 8, 9][int(0, 4)]}${String(int(0, 999_999_999)).padStart(9, '0')}`;
    },
    int,
    pick<T>(xs: readonly T[]): T {
      return xs[int(0, xs.length - 1)];
    },
  };
}

/** Readable, per-region unique numbers: `152201-SQ-20261124-000123`. */
export function readableNumber(regionCode: string, kind: string, day: string, seq: number): string {
  return `${regionCode}-${kind}-${day.replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;
}
