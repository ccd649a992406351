/**
 * Pure working-day arithmetic in China Standard Time (UTC+8, no daylight saving).
 * A day is a working day when it is a make-up workday, or a weekday that is not a holiday.
 */
export interface DayRules {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/** Office hours used for working-hour limits: 09:00–12:00 and 13:30–17:30 (7 hours). */
export const OFFICE_PERIODS: ReadonlyArray<readonly [number, number]> = [
  [9 * 60, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
];
const CST_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of the China calendar day a moment falls on. */
export function cstDate(at: Date): string {
  return new Date(at.getTime() + CST_MS).toISOString().slice(0, 10);
}

function dayStartUtc(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(rules: DayRules, day: string): boolean {
  if (rules.workdays.has(day)) return true;
  if (rules.holidays.has(day)) return false;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * The end of the N-th working day after `from`: the deadline of a limit of N working days that
 * starts at `from`. The starting day itself does not count (the usual 承诺时限 reading: accepted on
 * Monday with 1 working day → due by the end of Tuesday). Ends at 23:59:59.999 China time.
 */
export function addWorkingDays(rules: DayRules, from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('working days must be a whole number ≥ 0');
  let day = cstDate(from);
  let left = n;
  while (left > 0) {
    day = nextDay(day);
    if (isWorkingDay(rules, day)) left -= 1;
  }
  return new Date(dayStartUtc(day) + DAY_MS - 1);
}

/** The moment after `from` at which `hours` of office time have passed (working days only). */
export function addWorkingHours(rules: DayRules, from: Date, hours: number): Date {
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError('working hours must be ≥ 0');
  let leftMin = Math.round(hours * 60);
  let day = cstDate(from);
  let minuteOfDay = Math.floor((from.getTime() - dayStartUtc(day)) / 60_000);
  for (let guard = 0; guard < 3660; guard++) {
    if (isWorkingDay(rules, day)) {
      for (const [start, end] of OFFICE_PERIODS) {
        const s = Math.max(start, minuteOfDay);
        if (s >= end) continue;
        if (leftMin <= end - s) return new Date(dayStartUtc(day) + (s + leftMin) * 60_000);
        leftMin -= end - s;
      }
    }
    day = nextDay(day);
    minuteOfDay = 0;
  }
  throw new RangeError('working hours reach beyond ten years');
}

/** Working days strictly after `from`'s day up to and including `to`'s day (time used so far). */
export function workingDaysBetween(rules: DayRules, from: Date, to: Date): number {
  let day = cstDate(from);
  const end = cstDate(to);
  let n = 0;
  while (day < end) {
    day = nextDay(day);
    if (isWorkingDay(rules, day)) n += 1;
  }
  return n;
}
