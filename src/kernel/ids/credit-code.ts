/**
 * GB 32100-2015 unified social credit codes: registration authority, entity type, 6-digit region,
 * 9-character organisation code (GB 11714, with its own check) and a check character.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** GB 11714 organisation code check character for its first 8 characters. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i];
    sum += (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

export type CreditCodeProblem = 'format' | 'check';

export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const v = code.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) return 'format';
  return creditCodeCheckChar(v) === v[17] ? null : 'check';
}

export const isValidCreditCode = (code: string): boolean => creditCodeProblem(code) === null;

/** Registration authority 9 (market regulation), type 1 (enterprise) unless given. */
export function makeCreditCode(regionCode: string, orgBase8: string, authority = '9', type = '1'): string {
  if (!/^\d{6}$/.test(regionCode) || !/^[0-9A-HJ-NPQRTUWXY]{8}$/.test(orgBase8)) throw new RangeError('region 6 digits, org base 8 characters');
  const first17 = `${authority}${type}${regionCode}${orgBase8}${orgCodeCheckChar(orgBase8)}`;
  return first17 + creditCodeCheckChar(first17);
}
