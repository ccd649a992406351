import { cstDate } from '../kernel/calendar/index.ts';
import { DomainError } from '../kernel/http/errors.ts';
import type { Kernel } from '../kernel/index.ts';
import type { Principal } from '../kernel/policy/index.ts';
import type { CasesModule, CaseScreenFigures } from '../modules/cases/index.ts';
import type { CityopsModule, CityScreenFigures } from '../modules/cityops/index.ts';
import type { DataModule, DataScreenFigures } from '../modules/data/index.ts';
import type { LicensesModule, LicenceScreenFigures } from '../modules/licenses/index.ts';
import type { ServicesModule, ServiceScreenFigures } from '../modules/services/index.ts';

export interface ScreenSources {
  services: Pick<ServicesModule, 'screenFigures'>;
  cases: Pick<CasesModule, 'screenFigures'>;
  data: Pick<DataModule, 'screenFigures'>;
  licenses: Pick<LicensesModule, 'screenFigures'>;
  cityops: Pick<CityopsModule, 'screenFigures'>;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** The days of the period in Beijing time, oldest first, ending today. */
function dayList(today: string, days: number): string[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** A section the viewer may not see (their role lacks that module's figures) is left out, not an error. */
async function ifAllowed<T>(f: () => Promise<T>): Promise<T | null> {
  try {
    return await f();
  } catch (err) {
    if (err instanceof DomainError && err.status === 403) return null;
    throw err;
  }
}

/**
 * 一屏统览: the command screen's figures in one read. Each pillar computes its own from its own
 * tables (through its index.ts, set-based SQL grouped by day); this flow only puts them side by
 * side, derives the rates and fills the days without records, so every trend has `days` points.
 */
export async function screenSummary(k: Kernel, m: ScreenSources, who: Principal, days = 30) {
  const now = k.clock.now();
  const today = cstDate(now);
  const dayStart = new Date(`${today}T00:00:00+08:00`);
  // One after another: PGlite serves one query at a time, and on PostgreSQL five small reads in a
  // row are still well inside the screen's budget.
  const svc: ServiceScreenFigures | null = await ifAllowed(() => m.services.screenFigures(who, days));
  const cs: CaseScreenFigures | null = await ifAllowed(() => m.cases.screenFigures(who, days));
  const data: DataScreenFigures | null = await ifAllowed(() => m.data.screenFigures(who, days));
  const lic: LicenceScreenFigures | null = await ifAllowed(() => m.licenses.screenFigures(who, days));
  const city: CityScreenFigures | null = await ifAllowed(() => m.cityops.screenFigures(who, dayStart));
  const list = dayList(today, days);
  const fill = <R extends { day: string }>(rows: R[], pick: (r: R) => number) => {
    const by = new Map(rows.map((r) => [r.day, pick(r)]));
    return list.map((d) => by.get(d) ?? 0);
  };
  return {
    asOf: now.toISOString(),
    today,
    days: list,
    services: svc && {
      today: svc.today.received,
      todayOnline: svc.today.online,
      onlineShare: share(svc.today.online, svc.today.received),
      periodOnlineShare: share(
        svc.perDay.reduce((s, r) => s + r.online, 0),
        svc.perDay.reduce((s, r) => s + r.received, 0),
      ),
      completed: svc.completed,
      onTimeRate: share(svc.onTime, svc.completed),
      evaluations: svc.evaluations.count,
      goodShare: share(svc.evaluations.good, svc.evaluations.count),
      badShare: share(svc.evaluations.bad, svc.evaluations.count),
      overdue: svc.overdueOpen,
      trend: fill(svc.perDay, (r) => r.received),
      trendOnline: fill(svc.perDay, (r) => r.online),
    },
    hotline: cs && {
      today: cs.today.received,
      closedToday: cs.today.closed,
      completed: cs.completed,
      onTimeRate: share(cs.onTime, cs.completed),
      rated: cs.rated,
      satisfaction: share(cs.satisfied, cs.rated),
      open: cs.open,
      overdue: cs.overdueOpen,
      supervised: cs.supervisedOpen,
      trend: fill(cs.perDay, (r) => r.received),
      hot: cs.hot,
      heat: cs.heat,
    },
    sharing: data && { today: data.today.calls, refusedToday: data.today.refused, trend: fill(data.perDay, (r) => r.calls), overdueRequests: data.overdueRequests },
    licences: lic && { today: lic.issuedToday, valid: lic.valid, total: lic.total, trend: fill(lic.perDay, (r) => r.issued) },
    city: city && { devices: city.devices, openAlarms: city.openAlarms, alarmsToday: city.alarmsSince },
  };
}
