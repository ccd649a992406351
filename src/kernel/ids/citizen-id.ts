/** GB 11643-1999 citizen identity numbers: 6-digit region, 8-digit birth date, 3-digit sequence, check. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function citizenIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type CitizenIdProblem = 'format' | 'birthdate' | 'check';

/** `null` when valid, else what is wrong. A lowercase x is accepted as X. */
export function citizenIdProblem(id: string, today = new Date()): CitizenIdProblem | null {
  const v = id.toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(v)) return 'format';
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date > today) return 'birthdate';
  return citizenIdCheckChar(v) === v[17] ? null : 'check';
}

export const isValidCitizenId = (id: string): boolean => citizenIdProblem(id) === null;

/** Birth date and sex (odd sequence = male) that a valid number states. */
export function citizenIdFacts(id: string): { regionCode: string; birthDate: string; sex: 'male' | 'female' } {
  return {
    regionCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Shows the first 4 and last 4 characters only: 1522**********123X. */
export function maskCitizenId(id: string): string {
  return id.length < 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function makeCitizenId(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  if (!/^\d{17}$/.test(first17)) throw new RangeError('region 6 digits, date YYYY-MM-DD, sequence 0–999');
  return first17 + citizenIdCheckChar(first17);
}
