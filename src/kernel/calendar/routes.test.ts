import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

describe('calendar administration', () => {
  let t: TestPlatform;
  let admin: string;
  beforeAll(async () => {
    t = await startTestPlatform();
    admin = await staffToken(t, ['region_admin'], (await department(t)).id);
  });
  afterAll(() => t.close());

  it('loads a published year, and deadlines follow it at once', async () => {
    const before = await t.p.kernel.calendar.addWorkingDays(new Date('2026-09-30T10:00:00+08:00'), 1);
    expect(before.toISOString()).toBe(new Date('2026-10-01T23:59:59.999+08:00').toISOString());
    const res = await t.app.inject({ method: 'POST', url: '/api/kernel/calendar/years/2026/load', headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    expect(res.json().days).toBeGreaterThan(20);
    const after = await t.p.kernel.calendar.addWorkingDays(new Date('2026-09-30T10:00:00+08:00'), 1);
    expect(after.toISOString()).toBe(new Date('2026-10-08T23:59:59.999+08:00').toISOString());
  });

  it('sets and clears a local holiday, audited, and the status reports loaded years', async () => {
    const set = await t.app.inject({ method: 'PUT', url: '/api/kernel/calendar/days/2026-07-13', headers: bearer(admin), payload: { kind: 'holiday', name: '那达慕大会' } });
    expect(set.statusCode).toBe(200);
    expect(await t.p.kernel.calendar.isWorkingDay('2026-07-13')).toBe(false);
    const list = (await t.app.inject({ url: '/api/kernel/calendar?year=2026', headers: bearer(admin) })).json();
    expect(list).toContainEqual({ day: '2026-07-13', kind: 'holiday', name: '那达慕大会', source: 'admin' });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/kernel/calendar/days/2026-07-13', headers: bearer(admin) })).statusCode).toBe(204);
    expect(await t.p.kernel.calendar.isWorkingDay('2026-07-13')).toBe(true);
    const status = (await t.app.inject({ url: '/api/kernel/calendar/status', headers: bearer(admin) })).json();
    expect(status.years).toContain(2026);
    const audited = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_type', '=', 'kernel.calendar').orderBy('id').execute();
    expect(audited.map((a) => a.action)).toEqual(['year-loaded', 'day-set', 'day-cleared']);
  });

  it('refuses impossible dates, unknown kinds, unpublished years and clearing a plain day', async () => {
    const put = (day: string, payload: unknown) => t.app.inject({ method: 'PUT', url: `/api/kernel/calendar/days/${day}`, headers: bearer(admin), payload: payload as object });
    expect((await put('2026-02-30', { kind: 'holiday', name: '不存在' })).json().code).toBe('DATE_INVALID');
    expect((await put('2026-13-01', { kind: 'holiday', name: '不存在' })).statusCode).toBe(400);
    expect((await put('2026-05-05', { kind: 'weekend', name: '未知' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/kernel/calendar/years/2099/load', headers: bearer(admin) })).json().code).toBe('CALENDAR_YEAR_UNPUBLISHED');
    expect((await t.app.inject({ method: 'DELETE', url: '/api/kernel/calendar/days/2026-05-06', headers: bearer(admin) })).statusCode).toBe(404);
    expect(await t.p.kernel.calendar.isWorkingDay('2026-02-27')).toBe(true);
  });
});
