// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { chineseDaysYear } from './index.ts';
import { addWorkingDays, addWorkingHours, isWorkingDay, workingDaysBetween, type DayRules } from './working-time.ts';

function rulesFor(...years: number[]): DayRules {
  const days = years.flatMap((y) => chineseDaysYear(y) ?? []);
  return { holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.day)), workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.day)) };
}
const rules = rulesFor(2025, 2026);
const cst = (s: string) => new Date(`${s}+08:00`);

describe('working-day calendar', () => {
  it('knows 2025-09-28 is a working Sunday and the National Day week is off', () => {
    expect(isWorkingDay(rules, '2025-09-28')).toBe(true);
    expect(isWorkingDay(rules, '2025-10-01')).toBe(false);
    expect(isWorkingDay(rules, '2025-10-08')).toBe(false);
    expect(isWorkingDay(rules, '2025-09-27')).toBe(false);
  });
  it('skips the 2026 Spring Festival and counts its make-up Saturdays', () => {
    // Friday 13 Feb 2026 + 1 working day: Saturday 14 Feb is a make-up workday.
    expect(addWorkingDays(rules, cst('2026-02-13T10:00:00'), 1).toISOString()).toBe(cst('2026-02-14T23:59:59.999').toISOString());
    // + 2 working days: the festival runs 15–23 Feb, so the next is Tuesday 24 Feb.
    expect(addWorkingDays(rules, cst('2026-02-13T10:00:00'), 2).toISOString()).toBe(cst('2026-02-24T23:59:59.999').toISOString());
  });
  it('does not count the start day, and 0 days ends today', () => {
    expect(addWorkingDays(rules, cst('2026-03-02T09:00:00'), 0).toISOString()).toBe(cst('2026-03-02T23:59:59.999').toISOString());
    expect(addWorkingDays(rules, cst('2026-03-06T16:00:00'), 1).toISOString()).toBe(cst('2026-03-09T23:59:59.999').toISOString());
  });
  it('adds working hours within office hours and across a weekend', () => {
    expect(addWorkingHours(rules, cst('2026-03-02T11:00:00'), 2).toISOString()).toBe(cst('2026-03-02T14:30:00').toISOString());
    expect(addWorkingHours(rules, cst('2026-03-06T17:00:00'), 1).toISOString()).toBe(cst('2026-03-09T09:30:00').toISOString());
  });
  it('counts working days used between two moments', () => {
    expect(workingDaysBetween(rules, cst('2026-02-13T10:00:00'), cst('2026-02-25T10:00:00'))).toBe(3);
  });
  it('refuses negative or fractional day counts', () => {
    expect(() => addWorkingDays(rules, new Date(), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(rules, new Date(), 1.5)).toThrow(RangeError);
  });
});
