import { creditCodeProblem } from './credit-code.ts';

/**
 * GB/T 36904 e-licence identifiers (证照标识):
 * `1.2.156.3005.2.<类型代码>.<颁发机构代码>.<流水号>.<版本号>.<校验位>`, where 类型代码 is the defining
 * authority's credit code plus 3 digits, 颁发机构代码 the issuer's credit code, 版本号 3 digits, and
 * the check character ISO/IEC 7064 MOD 37,36 over the fields after the prefix, without dots.
 */
export const LICENCE_ID_PREFIX = '1.2.156.3005.2';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO/IEC 7064 MOD 37,36 (hybrid system, M = 36) check character over digits and capital letters. */
export function mod3736Check(s: string): string {
  let p = 36;
  for (const ch of s) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`not a MOD 37,36 character: ${ch}`);
    let t = (p + v) % 36;
    if (t === 0) t = 36;
    p = (t * 2) % 37;
  }
  return ALPHABET[(37 - p) % 36];
}

export interface LicenceIdParts {
  typeCode: string;
  issuerCode: string;
  serial: string;
  version: string;
}

export type LicenceIdProblem = 'format' | 'type-code' | 'issuer-code' | 'check';

/** Splits an identifier into its fields, or says what is wrong with it. */
export function parseLicenceId(id: string): { parts: LicenceIdParts; check: string } | { problem: LicenceIdProblem } {
  if (id.length > 120 || !id.startsWith(`${LICENCE_ID_PREFIX}.`)) return { problem: 'format' };
  const fields = id.slice(LICENCE_ID_PREFIX.length + 1).split('.');
  if (fields.length !== 5) return { problem: 'format' };
  const [typeCode, issuerCode, serial, version, check] = fields;
  if (!/^[0-9A-Z]{18}\d{3}$/.test(typeCode) || !/^[0-9A-Z]{18}$/.test(issuerCode) || !/^[0-9A-Z]{1,40}$/.test(serial) || !/^\d{3}$/.test(version) || !/^[0-9A-Z]$/.test(check))
    return { problem: 'format' };
  if (creditCodeProblem(typeCode.slice(0, 18))) return { problem: 'type-code' };
  if (creditCodeProblem(issuerCode)) return { problem: 'issuer-code' };
  if (mod3736Check(`${typeCode}${issuerCode}${serial}${version}`) !== check) return { problem: 'check' };
  return { parts: { typeCode, issuerCode, serial, version }, check };
}

export function licenceIdProblem(id: string): LicenceIdProblem | null {
  const r = parseLicenceId(id);
  return 'problem' in r ? r.problem : null;
}

/** Builds an identifier from its fields, with its check character. */
export function makeLicenceId(p: LicenceIdParts): string {
  const body = `${p.typeCode}.${p.issuerCode}.${p.serial}.${p.version}`;
  const id = `${LICENCE_ID_PREFIX}.${body}.${mod3736Check(body.replace(/\./g, ''))}`;
  const problem = licenceIdProblem(id);
  if (problem) throw new RangeError(`cannot make a licence identifier: ${problem}`);
  return id;
}
