import { maskCitizenId } from '../../kernel/ids/index.ts';

/**
 * Masking by grade (脱敏): items graded L3 or L4 leave the gateway masked unless the grant allows
 * their clear values. The mask keeps what identifies the kind of value and hides the rest.
 */
export function maskValue(value: unknown, dataType: string, code: string): unknown {
  if (value == null) return value;
  if (dataType === 'date') return `${String(value instanceof Date ? value.toISOString() : value).slice(0, 4)}-**-**`;
  if (dataType !== 'string') return '***';
  const s = String(value);
  if (/^\d{17}[\dX]$/.test(s)) return maskCitizenId(s);
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(-4)}`;
  const chars = [...s];
  if (/name/i.test(code)) return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
  return chars.slice(0, Math.min(6, Math.ceil(chars.length / 2))).join('') + '****';
}

export const isMaskedGrade = (grade: string) => grade === 'L3' || grade === 'L4';
