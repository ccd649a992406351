import { createHash, createHmac } from 'node:crypto';
import { sm3 } from 'sm-crypto-v2';

export type HashAlg = 'sm3' | 'sha256';

/** Hex digest of a UTF-8 string with the national (SM3) or international (SHA-256) hash. */
export function digest(alg: HashAlg, input: string): string {
  return alg === 'sm3' ? sm3(input) : createHash('sha256').update(input, 'utf8').digest('hex');
}

/** Keyed digest (HMAC-SM3 or HMAC-SHA-256), used for blind indexes of encrypted identifiers. */
export function keyedDigest(alg: HashAlg, keyHex: string, input: string): string {
  if (alg === 'sm3') return sm3(input, { key: keyHex, mode: 'hmac' });
  return createHmac('sha256', Buffer.from(keyHex, 'hex')).update(input, 'utf8').digest('hex');
}

/** JSON with object keys sorted, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}
