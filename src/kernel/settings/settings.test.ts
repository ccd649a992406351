import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../../modules/identity/index.ts';
import { bearer, startTestPlatform, staffToken, type TestPlatform } from '../../testing/platform.ts';

let t: TestPlatform;
let admin: string;
let cityAdmin: string;
let dept: string;

beforeAll(async () => {
  t = await startTestPlatform();
  dept = (await t.p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'ZWB', name: '政务服务局' })).id;
  admin = await staffToken(t, ['platform_admin'], dept);
  cityAdmin = await staffToken(t, ['region_admin'], dept);
});
afterAll(async () => t?.close());

const url = (key: string, region: string) => `/api/settings/${key}/regions/${region}`;
const read = async (token: string, key: string, region: string) => {
  const r = await t.app.inject({ method: 'GET', url: url(key, region), headers: bearer(token) });
  return { status: r.statusCode, body: r.json() };
};
const save = async (token: string, key: string, region: string, value: unknown, reason = '按本地实际调整') => {
  const r = await t.app.inject({ method: 'PUT', url: url(key, region), headers: bearer(token), payload: { value, reason } });
  return { status: r.statusCode, body: r.json() };
};
const stored = async () =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom('kernel_setting')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('per-region settings merge one way', () => {
  it('lists the 12345 rules and the role catalogue for an administrator, with their schemas', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/settings', headers: bearer(admin) });
    expect(r.statusCode).toBe(200);
    const keys = r.json().map((d: { key: string }) => d.key);
    expect(keys).toEqual(expect.arrayContaining(['cases.rules', 'org.roles']));
    expect(r.json().find((d: { key: string }) => d.key === 'cases.rules').schema.properties.limits).toBeTruthy();
  });

  it('a city override takes effect below it while the province keeps its own value', async () => {
    const prov = await save(admin, 'cases.rules', '15', { intake: { duplicateMetres: 300, duplicateHours: 48 } }, '自治区统一疑似重复标准');
    expect(prov.status, JSON.stringify(prov.body)).toBe(200);
    const city = await save(cityAdmin, 'cases.rules', '152201', { intake: { duplicateHours: 24 }, extension: { maxDaysPerRequest: 10 } });
    expect(city.status, JSON.stringify(city.body)).toBe(200);
    expect(city.body.own.version).toBe(1);

    const here = await read(cityAdmin, 'cases.rules', '152201');
    expect(here.body.value.intake).toEqual({ duplicateMetres: 300, duplicateHours: 24, callerHourlyLimit: 10, reporterMinuteLimit: 120 });
    expect(here.body.value.extension.maxDaysPerRequest).toBe(10);
    // What the city inherits, and where each value comes from.
    expect(here.body.inherited.intake.duplicateHours).toBe(48);
    expect(here.body.sources['/intake/duplicateMetres']).toBe('15');
    expect(here.body.sources['/intake/duplicateHours']).toBe('152201');
    expect(here.body.sources['/intake/callerHourlyLimit']).toBe('');

    // A street below the city reads the city's value; the province's record is unchanged.
    const street = await read(admin, 'cases.rules', '152201001');
    expect(street.body.value.intake.duplicateHours).toBe(24);
    const province = await read(admin, 'cases.rules', '15');
    expect(province.body.value.intake).toMatchObject({ duplicateMetres: 300, duplicateHours: 48 });
    expect(province.body.value.extension.maxDaysPerRequest).toBe(60);

    // A second save is a new version; the first is kept with its reason.
    await save(cityAdmin, 'cases.rules', '152201', { intake: { duplicateHours: 36 } }, '试行一个月后放宽');
    const again = await read(cityAdmin, 'cases.rules', '152201');
    expect(again.body.value.intake.duplicateHours).toBe(36);
    expect(again.body.value.extension.maxDaysPerRequest).toBe(60);
    expect(again.body.history.map((h: { version: number; reason: string }) => [h.version, h.reason])).toEqual([
      [2, '试行一个月后放宽'],
      [1, '按本地实际调整'],
    ]);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action', 'object_id']).where('object_type', '=', 'kernel.setting').execute();
    expect(audit.map((a) => a.object_id)).toEqual(['cases.rules@15', 'cases.rules@152201', 'cases.rules@152201']);
  });

  it('refuses a bad value naming the field, and stores nothing', async () => {
    const before = await stored();
    const zero = await save(cityAdmin, 'cases.rules', '152201', { limits: { urgent: { responseHours: 0 } } });
    expect(zero.status).toBe(400);
    expect(zero.body.code).toBe('SETTING_INVALID');
    expect(zero.body.errors.map((e: { path: string }) => e.path)).toContain('/value/limits/urgent/responseHours');
    expect(zero.body.zh).toBeTruthy();
    const fraction = await save(cityAdmin, 'cases.rules', '152201', { repeatCaller: { days: 7.5 } });
    expect(fraction.body.errors[0].path).toBe('/value/repeatCaller/days');
    const tooFar = await save(cityAdmin, 'cases.rules', '152201', { intake: { duplicateMetres: 999_999 } });
    expect(tooFar.body.errors[0].path).toBe('/value/intake/duplicateMetres');
    const stray = await save(cityAdmin, 'cases.rules', '152201', { intake: { radius: 5 } });
    expect(stray.status).toBe(400);
    expect(stray.body.errors[0].path).toMatch(/^\/value\/intake/);
    const unknown = await save(cityAdmin, 'cases.nothing', '152201', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'SETTING_UNKNOWN', errors: [{ path: '/key' }] });
    expect(await stored()).toBe(before);
  });

  it('a city administrator may not set the province’s value; a resident may not read settings', async () => {
    const up = await save(cityAdmin, 'cases.rules', '15', { intake: { duplicateHours: 12 } });
    expect(up.status).toBe(403);
    const handler = await staffToken(t, ['case_handler'], dept);
    expect((await read(handler, 'cases.rules', '152201')).status).toBe(403);
    expect((await read(admin, 'cases.rules', '15')).body.value.intake.duplicateHours).toBe(48);
  });
});

describe('the role catalogue is per-region configuration', () => {
  it('a region adds a permission to a role and its holders can use it at the next principal refresh', async () => {
    const grid = await staffToken(t, ['grid_worker'], dept);
    const depts = () => t.app.inject({ method: 'GET', url: '/api/org/departments', headers: bearer(grid) });
    expect((await depts()).statusCode).toBe(403);
    const r = await save(cityAdmin, 'org.roles', '152201', { extra: { grid_worker: ['org.read'] } }, '网格员需查看单位通讯录');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await depts()).statusCode).toBe(200);
    // Another region keeps the national catalogue.
    const other = await read(admin, 'org.roles', '152202');
    expect(other.body.value.extra).toEqual({});
  });

  it('refuses `*`, an unknown permission and a change to the platform administrator', async () => {
    const before = await stored();
    const star = await save(cityAdmin, 'org.roles', '152201', { extra: { hotline_agent: ['*'] } });
    expect(star.status).toBe(400);
    expect(star.body.errors[0].path).toBe('/value/extra/hotline_agent/0');
    const made = await save(cityAdmin, 'org.roles', '152201', { local: { local_inspector: { zh: '巡查员', en: 'Inspector', permissions: ['cases.report', 'cases.godmode'] } } });
    expect(made.status).toBe(400);
    expect(made.body.errors[0]).toMatchObject({ path: '/value/local/local_inspector/permissions/1' });
    const adminRole = await save(admin, 'org.roles', '152201', { extra: { platform_admin: ['org.read'] } });
    expect(adminRole.status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('a local role the region defines can be given to its staff, who get its permissions; an undefined one is refused', async () => {
    const r = await save(
      cityAdmin,
      'org.roles',
      '152201',
      { extra: { grid_worker: ['org.read'] }, local: { local_inspector: { zh: '城管巡查员', en: 'Street inspector', permissions: ['workbench.use', 'cases.report'] } } },
      '设立巡查员岗位',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const roles = await t.app.inject({ method: 'GET', url: '/api/org/roles', headers: bearer(cityAdmin) });
    expect(roles.json().find((x: { code: string }) => x.code === 'local_inspector')).toMatchObject({ zh: '城管巡查员', permissions: ['workbench.use', 'cases.report'] });
    const inspector = await staffToken(t, ['local_inspector'], dept);
    const me = await t.app.inject({ method: 'GET', url: '/api/identity/me', headers: bearer(inspector) });
    expect(me.json().permissions).toEqual(expect.arrayContaining(['workbench.use', 'cases.report']));
    expect(me.json().permissions).not.toContain('org.read');
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/identity/staff',
      headers: bearer(cityAdmin),
      payload: { username: 'wangwu', password: 'Test2026pass', staff: { departmentId: dept, name: '王五', employeeNo: 'XLOCAL9', roles: ['local_nobody'] } },
    });
    expect(made.statusCode, made.body).toBe(422);
    expect(made.json()).toMatchObject({ code: 'ROLE_UNKNOWN', errors: [{ path: '/roles' }] });
  });
});
