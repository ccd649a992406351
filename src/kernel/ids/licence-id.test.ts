// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { licenceIdProblem, makeLicenceId, mod3736Check, parseLicenceId } from './licence-id.ts';

const REAL = '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F';

describe('GB/T 36904 e-licence identifiers', () => {
  it('accepts a real identifier and reads its fields', () => {
    expect(licenceIdProblem(REAL)).toBeNull();
    expect(parseLicenceId(REAL)).toEqual({ parts: { typeCode: '11100000000013338W032', issuerCode: '11220000013544541J', serial: '2430599', version: '001' }, check: 'F' });
  });

  it('computes the ISO/IEC 7064 MOD 37,36 check character over the fields without dots', () => {
    expect(mod3736Check('11100000000013338W03211220000013544541J2430599001')).toBe('F');
    expect(makeLicenceId({ typeCode: '11100000000013338W032', issuerCode: '11220000013544541J', serial: '2430599', version: '001' })).toBe(REAL);
    // Every single-character change of the body changes the check character.
    const body = '11100000000013338W03211220000013544541J2430599001';
    for (let i = 0; i < body.length; i++) {
      const changed = body.slice(0, i) + (body[i] === '0' ? '1' : '0') + body.slice(i + 1);
      expect(mod3736Check(changed), `position ${i}`).not.toBe('F');
    }
  });

  it('names what is wrong with a malformed identifier', () => {
    expect(licenceIdProblem(REAL.replace(/F$/, 'G'))).toBe('check');
    expect(licenceIdProblem(REAL.replace('2430599', '2430598'))).toBe('check');
    expect(licenceIdProblem(REAL.replace('1.2.156.3005.2', '1.2.156.3005.1'))).toBe('format');
    expect(licenceIdProblem(REAL.replace('.001.', '.01.'))).toBe('format');
    expect(licenceIdProblem(REAL.toLowerCase())).toBe('format');
    expect(licenceIdProblem(REAL.replace('13338W032', '13338X032'))).toBe('type-code');
    expect(licenceIdProblem(REAL.replace('13544541J', '13544541K'))).toBe('issuer-code');
    expect(licenceIdProblem('')).toBe('format');
    expect(licenceIdProblem(`${REAL}.1`)).toBe('format');
  });
});
