// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { citizenIdFacts, citizenIdProblem, creditCodeProblem, makeCitizenId, makeCreditCode, maskCitizenId, newId, syntheticIds } from './index.ts';

describe('GB 11643 citizen ID numbers', () => {
  it('accepts the standard example and its lower-case x', () => {
    expect(citizenIdProblem('11010519491231002X')).toBeNull();
    expect(citizenIdProblem('11010519491231002x')).toBeNull();
  });
  it('rejects a wrong check character, an impossible birth date and a wrong length', () => {
    expect(citizenIdProblem('110105194912310021')).toBe('check');
    expect(citizenIdProblem(makeCitizenId('152201', '1990-01-01', 1).slice(0, 6) + '19900230' + '0011')).toBe('birthdate');
    expect(citizenIdProblem('1101051949123100')).toBe('format');
  });
  it('reads birth date and sex, and masks all but the ends', () => {
    const id = makeCitizenId('152201', '1988-07-15', 123);
    expect(citizenIdFacts(id)).toEqual({ regionCode: '152201', birthDate: '1988-07-15', sex: 'male' });
    expect(maskCitizenId(id)).toMatch(/^1522\*{10}\d{3}[\dX]$/);
  });
  it('generates only valid synthetic numbers', () => {
    const ids = syntheticIds(7);
    for (let i = 0; i < 500; i++) expect(citizenIdProblem(ids.citizenId('152201'))).toBeNull();
  });
});

describe('GB 32100 unified social credit codes', () => {
  it('generates valid codes whose every single-character change is caught', () => {
    const code = makeCreditCode('152201', 'MA0K3L7P');
    expect(creditCodeProblem(code)).toBeNull();
    const other = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(creditCodeProblem(other)).toBe('check');
  });
  it('rejects letters the standard excludes (I, O, S, V, Z)', () => {
    expect(creditCodeProblem('91152201MA0K3L7PO1')).toBe('format');
  });
  it('generates only valid synthetic codes', () => {
    const ids = syntheticIds(9);
    for (let i = 0; i < 500; i++) expect(creditCodeProblem(ids.creditCode('152201'))).toBeNull();
  });
});

describe('newId (time-ordered ids from a pooled random source)', () => {
  it('makes valid, unique UUIDv7 ids that sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (const id of ids.slice(0, 50)) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // The time prefix is now's, to the millisecond (what lets an id order rows by creation).
    const ms = parseInt(newId().replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(1000);
  });
});
