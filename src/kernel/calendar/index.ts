import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sql } from 'kysely';
import type { Clock } from '../clock/index.ts';
import type { Db, Executor } from '../db/index.ts';
import { addWorkingDays, addWorkingHours, cstDate, isWorkingDay, workingDaysBetween, type DayRules } from './working-time.ts';

export { calendarMigration } from './migration.ts';
export * from './working-time.ts';

export interface CalendarDay {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
  source: string;
}

/** Holidays and make-up workdays the `chinese-days` package publishes for one year. */
export function chineseDaysYear(year: number): CalendarDay[] | null {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('chinese-days/package.json')), 'dist', 'years');
  const file = path.join(dir, `${year}.json`);
  if (!fs.existsSync(file)) return null;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { holidays: Record<string, string>; workdays: Record<string, string> };
  // Values look like "Spring Festival,春节,4": English, Chinese, length.
  const nameOf = (v: string) => v.split(',')[1] ?? v;
  return [
    ...Object.entries(data.holidays).map(([day, v]) => ({ day, kind: 'holiday' as const, name: nameOf(v), source: 'chinese-days' })),
    ...Object.entries(data.workdays).map(([day, v]) => ({ day, kind: 'workday' as const, name: `${nameOf(v)}调休`, source: 'chinese-days' })),
  ];
}

const CACHE_MS = 30_000;

/**
 * The working-day calendar stored in `kernel_calendar_day`. Rules are cached for a short while;
 * an edit on this node drops the cache at once, other nodes see it within CACHE_MS.
 */
export class WorkingCalendar {
  private cache: { rules: DayRules; at: number } | null = null;
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** `ex`: read inside the caller's transaction when the cache is stale (an event subscriber must not wait for a second connection). */
  async rules(ex: Executor = this.db): Promise<DayRules> {
    const now = Date.now();
    if (this.cache && now - this.cache.at < CACHE_MS) return this.cache.rules;
    const rows = await ex.selectFrom('kernel_calendar_day').select(['day', 'kind']).execute();
    const rules: DayRules = {
      holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => String(r.day))),
      workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => String(r.day))),
    };
    this.cache = { rules, at: now };
    return rules;
  }

  invalidate(): void {
    this.cache = null;
  }

  async isWorkingDay(day: string): Promise<boolean> {
    return isWorkingDay(await this.rules(), day);
  }
  async addWorkingDays(from: Date, n: number, ex?: Executor): Promise<Date> {
    return addWorkingDays(await this.rules(ex), from, n);
  }
  async addWorkingHours(from: Date, hours: number): Promise<Date> {
    return addWorkingHours(await this.rules(), from, hours);
  }
  async workingDaysBetween(from: Date, to: Date): Promise<number> {
    return workingDaysBetween(await this.rules(), from, to);
  }

  /** Loads a year from `chinese-days` without overwriting days an admin edited. */
  async seedYear(trx: Executor, year: number, actorId = 'system'): Promise<number> {
    const days = chineseDaysYear(year);
    if (!days || days.length === 0) return 0;
    const now = this.clock.now();
    await trx
      .insertInto('kernel_calendar_day')
      .values(days.map((d) => ({ ...d, updated_by: actorId, updated_at: now })))
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
    this.invalidate();
    return days.length;
  }

  /** Years that have at least one holiday stored, and whether next year is among them. */
  async status(): Promise<{ years: number[]; currentYear: number; nextYearLoaded: boolean }> {
    const r = await sql<{ y: number }>`SELECT DISTINCT extract(year FROM day)::int AS y FROM kernel_calendar_day WHERE kind = 'holiday' ORDER BY y`.execute(this.db);
    const years = r.rows.map((x) => Number(x.y));
    const currentYear = Number(cstDate(this.clock.now()).slice(0, 4));
    return { years, currentYear, nextYearLoaded: years.includes(currentYear + 1) };
  }
}
