import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';

/*
 * 开放目录: the sync from the data catalogue (the real one: resources registered in the data module,
 * read through the flow that plugs data.open in), the bureau's description and publication, search
 * with facets, the 开放责任清单 and the figures.
 */

let t: TestPlatform;
let scjg: string;
let wjw: string;
let bureau: string;
let steward: string;
let otherStaff: string;

const system = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };
const item = (code: string, name: string, grade: 'L1' | 'L2' | 'L3' = 'L1') => ({
  code,
  name,
  description: `${name}说明`,
  dataType: 'string' as const,
  grade,
  importance: 'general',
  storage: { field: code },
});

/** Registers a records-backed resource in the data catalogue, as a department would. */
async function register(code: string, name: string, description: string, dept: string, openType: 'open' | 'conditional' = 'open') {
  await t.p.data.catalogue.register(system, {
    code,
    name,
    description,
    providerDepartmentId: dept,
    regionCode: '152201',
    category: 'department',
    backing: 'records',
    backingRef: 'data_record',
    sharingType: 'unconditional',
    openType,
    ...(openType === 'conditional' ? { openBasis: '涉及企业经营信息，依申请开放。' } : {}),
    updateFrequency: 'monthly',
    items: [item('name', '名称'), item('address', '地址'), item('contact', '联系人', 'L3')],
  } as never);
}

/** The data module has no API to edit a resource yet: a test changes its row (and version) as a catalogue edit would. */
const editResource = (code: string, set: { name?: string; description?: string; update_frequency?: string; open_type?: string; active?: boolean }) =>
  t.p.kernel.db
    .updateTable('data_resource')
    .set({ ...set, version: sql`version + 1` } as never)
    .where('code', '=', code)
    .execute();

const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const sync = () => call('POST', '/api/opendata/datasets/sync', bureau, {});
const stored = async (name: string) => (await t.p.kernel.db.selectFrom('opendata_dataset').selectAll().where('name', '=', name).executeTakeFirst()) as Record<string, unknown> | undefined;

beforeAll(async () => {
  t = await startTestPlatform();
  scjg = (await department(t, '152201', '市场监督管理局')).id;
  wjw = (await department(t, '152201', '卫生健康委员会')).id;
  bureau = await staffToken(t, ['data_admin'], scjg);
  steward = await staffToken(t, ['data_steward'], scjg);
  otherStaff = await staffToken(t, ['regulator'], wjw);
  await register('SC-FOOD-SHOP', '食品经营许可企业名录', '全市取得食品经营许可证的企业名称、地址与许可范围，按月更新。', scjg);
  await register('SC-MARKET', '集贸市场信息', '城区农贸市场、集贸市场的名称、位置与摊位数量。', scjg);
  await register('SC-ENTITY', '市场主体登记信息', '企业与个体工商户的登记信息，含经营范围。', scjg, 'conditional');
  await register('WJ-HOSPITAL', '医疗机构名录', '医院、卫生院、社区卫生服务中心的名称、等级、地址与床位数。食品安全风险监测哨点医院另有标注。', wjw);
  await register('WJ-CLINIC', '诊所备案信息', '诊所的名称、执业范围与备案日期。', wjw);
  await t.p.data.records.load(system, 'SC-MARKET', [
    { id: '1', values: { name: '和平农贸市场', address: '和平街1号' } },
    { id: '2', values: { name: '兴安集贸市场', address: '兴安路8号' } },
  ]);
}, 120_000);

afterAll(async () => t?.close());

describe('sync from the data catalogue', () => {
  it('makes a draft for each open or conditional resource, named by its code in lower case', async () => {
    const res = await sync();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ resources: 5, created: 5, updated: 0, withdrawn: 0 });
    const food = await stored('sc-food-shop');
    expect(food).toMatchObject({ state: 'draft', title: '食品经营许可企业名录', open_type: 'open', licence: 'CC-BY-4.0', spatial: '152201' });
    const items = food!.items as { code: string; published: boolean }[];
    expect(items.map((i) => [i.code, i.published])).toEqual([
      ['name', true],
      ['address', true],
      ['contact', false],
    ]);
    const entity = await stored('sc-entity');
    expect((entity!.items as { published: boolean }[]).every((i) => !i.published)).toBe(true);
    expect(entity!.formats).toEqual(['API']);
    // Every creation is in the audit ledger.
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('object_id').where('object_type', '=', 'opendata.dataset').where('action', '=', 'created').execute();
    expect(audit).toHaveLength(5);
  });

  it('a second sync with nothing changed changes nothing', async () => {
    const before = await stored('sc-market');
    const res = await sync();
    expect(res.json()).toMatchObject({ created: 0, updated: 0, withdrawn: 0, unchanged: 5 });
    expect((await stored('sc-market'))!.modified_at).toEqual(before!.modified_at);
  });

  it('keeps a draft invisible to the public and shows it to the bureau', async () => {
    expect((await call('GET', '/api/opendata/datasets/sc-market')).statusCode).toBe(404);
    expect((await call('GET', '/api/opendata/datasets')).json().count).toBe(0);
    const b = await call('GET', '/api/opendata/datasets/sc-market', bureau);
    expect(b.statusCode).toBe(200);
    expect(b.json().state).toBe('draft');
    expect((await call('GET', '/api/opendata/datasets?state=any', bureau)).json().count).toBe(5);
    // The state filter means nothing to the public.
    expect((await call('GET', '/api/opendata/datasets?state=any')).json().count).toBe(0);
  });

  it('only the bureau may sync', async () => {
    expect((await call('POST', '/api/opendata/datasets/sync', undefined, {})).statusCode).toBe(401);
    const r = await call('POST', '/api/opendata/datasets/sync', steward, {});
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ status: 403 });
  });
});

describe('describe, publish and withdraw', () => {
  it('describes a dataset and bumps its version and modifiedAt', async () => {
    t.clock.advance(60_000);
    const before = await stored('sc-food-shop');
    const r = await call('PUT', '/api/opendata/datasets/sc-food-shop/description', bureau, {
      titleEn: 'Licensed food businesses',
      notesEn: 'Food businesses holding a licence',
      theme: 'market',
      tags: ['食品', '许可', '餐饮'],
      licence: 'yiwang-open-1.0',
      temporalFrom: '2020-01-01',
      temporalTo: '2026-12-31',
      spatial: '152201',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ theme: 'market', tags: ['食品', '许可', '餐饮'], licence: 'yiwang-open-1.0', version: 2 });
    const after = await stored('sc-food-shop');
    expect(new Date(after!.modified_at as Date).getTime()).toBeGreaterThan(new Date(before!.modified_at as Date).getTime());
  });

  it.each([
    [{ theme: 'sports' }, '/theme'],
    [{ licence: 'MIT' }, '/licence'],
    [{ tags: Array.from({ length: 21 }, (_, i) => `标签${i}`) }, '/tags'],
    [{ tags: ['食品', '食品'] }, '/tags/1'],
    [{ tags: [' '] }, '/tags/0'],
    [{ temporalFrom: '2026-02-30' }, '/temporalFrom'],
    [{ temporalFrom: '2026-01-02', temporalTo: '2026-01-01' }, '/temporalTo'],
    [{ spatial: '15220' }, '/spatial'],
    [{ titleEn: 'x'.repeat(201) }, '/titleEn'],
  ])('refuses %j with 422 on its field, changing nothing', async (body, path) => {
    const before = await stored('sc-market');
    const r = await call('PUT', '/api/opendata/datasets/sc-market/description', bureau, body);
    expect(r.statusCode, r.body).toBe(422);
    const p = r.json();
    expect(p.code).toBe('OPENDATA_DATASET_INVALID');
    expect(p.errors[0].path).toBe(path);
    expect(p.title).toMatch(/[\u4e00-\u9fff]/);
    expect(p.detail ?? p.titleEn ?? JSON.stringify(p)).toBeTruthy();
    expect(await stored('sc-market')).toEqual(before);
  });

  it('names every bad field at once', async () => {
    const r = await call('PUT', '/api/opendata/datasets/sc-market/description', bureau, { theme: 'sports', spatial: 'x', licence: 'MIT' });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors.map((e: { path: string }) => e.path)).toEqual(['/theme', '/licence', '/spatial']);
    expect(r.json().zh).toContain('主题分类不存在');
    expect(r.json().en).toContain('unknown theme');
  });

  it('refuses malformed bodies and wrong types with 400', async () => {
    for (const body of [
      { tags: { a: 1 } },
      { titleEn: 'a\u0000b' },
      { notesEn: 'broken \ud800 text' },
      { expectedVersion: 'latest' },
      { tags: [{ a: 1 }] },
      { unknown: 1 },
      { temporalFrom: { y: 2026 } },
    ]) {
      const r = await call('PUT', '/api/opendata/datasets/sc-market/description', bureau, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
    const raw = await t.app.inject({ method: 'PUT', url: '/api/opendata/datasets/sc-market/description', headers: { ...bearer(bureau), 'content-type': 'application/json' }, payload: '{"theme":' });
    expect(raw.statusCode).toBe(400);
  });

  it('refuses the public, a data steward and other staff', async () => {
    expect((await call('PUT', '/api/opendata/datasets/sc-market/description', undefined, { theme: 'trade' })).statusCode).toBe(401);
    expect((await call('PUT', '/api/opendata/datasets/sc-market/description', steward, { theme: 'trade' })).statusCode).toBe(403);
    expect((await call('POST', '/api/opendata/datasets/sc-market/publish', otherStaff)).statusCode).toBe(403);
    expect((await stored('sc-market'))!.state).toBe('draft');
  });

  it('refuses a stale version with 409', async () => {
    const r = await call('PUT', '/api/opendata/datasets/sc-market/description', bureau, { theme: 'trade', expectedVersion: 7 });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('OPENDATA_DATASET_STALE');
  });

  it('an unknown dataset is 404 for every action', async () => {
    expect((await call('POST', '/api/opendata/datasets/no-such/publish', bureau)).statusCode).toBe(404);
    expect((await call('PUT', '/api/opendata/datasets/NO-SUCH/description', bureau, { theme: 'trade' })).statusCode).toBe(404);
    expect((await call('PUT', '/api/opendata/datasets/no%00such/description', bureau, { theme: 'trade' })).json().code).toBe('INVALID_CHARACTERS');
    expect([400, 414]).toContain((await call('GET', `/api/opendata/datasets/${'x'.repeat(101)}`)).statusCode);
  });

  it('two bureau staff publishing at once: one succeeds, the other is told it is already published', async () => {
    const second = await staffToken(t, ['data_admin'], wjw);
    const answers = await Promise.all([call('POST', '/api/opendata/datasets/wj-clinic/publish', bureau), call('POST', '/api/opendata/datasets/wj-clinic/publish', second)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('id').where('object_type', '=', 'opendata.dataset').where('action', '=', 'published').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses control characters in a description with 422', async () => {
    const r = await call('PUT', '/api/opendata/datasets/sc-market/description', bureau, { notesEn: 'bell \u0007 here' });
    expect(r.statusCode).toBe(422);
    expect(r.json().errors[0].path).toBe('/notesEn');
  });

  it('publishes: the public then finds it; publishing twice is 409', async () => {
    for (const name of ['sc-food-shop', 'sc-market', 'wj-hospital', 'sc-entity']) {
      const r = await call('POST', `/api/opendata/datasets/${name}/publish`, bureau);
      expect(r.statusCode, r.body).toBe(200);
    }
    expect((await call('POST', '/api/opendata/datasets/sc-market/publish', bureau)).json().code).toBe('OPENDATA_DATASET_ALREADY_PUBLISHED');
    const d = await call('GET', '/api/opendata/datasets/sc-food-shop');
    expect(d.statusCode).toBe(200);
    expect(d.json()).toMatchObject({ state: 'published', title: '食品经营许可企业名录', departmentName: '市场监督管理局', counts: { views: 1 } });
    expect((await call('GET', '/api/opendata/datasets/sc-food-shop')).json().counts.views).toBe(2);
  });

  it('withdraws with a reason (required), and the public no longer sees it', async () => {
    const none = await call('POST', '/api/opendata/datasets/wj-clinic/withdraw', bureau, { reason: '  ' });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0].path).toBe('/reason');
    expect((await call('POST', '/api/opendata/datasets/wj-clinic/withdraw', bureau, {})).statusCode).toBe(400);
    const r = await call('POST', '/api/opendata/datasets/wj-clinic/withdraw', bureau, { reason: '数据质量问题，整改后重新发布' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ state: 'withdrawn', withdrawnBy: 'bureau', withdrawnReason: '数据质量问题，整改后重新发布' });
    expect((await call('GET', '/api/opendata/datasets/wj-clinic')).statusCode).toBe(404);
    expect((await call('POST', '/api/opendata/datasets/wj-clinic/withdraw', bureau, { reason: '再次' })).statusCode).toBe(409);
  });
});

describe('search', () => {
  it('finds a dataset by a phrase of its description', async () => {
    const r = await call('GET', `/api/opendata/datasets?q=${encodeURIComponent('摊位数量')}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().results[0].name).toBe('sc-market');
  });

  it('ranks a title hit above a description hit', async () => {
    // 食品 is in 食品经营许可企业名录's title and only in 医疗机构名录's description (食品安全风险监测).
    const r = await call('GET', `/api/opendata/datasets?q=${encodeURIComponent('食品')}`);
    const names = r.json().results.map((d: { name: string }) => d.name);
    expect(names[0]).toBe('sc-food-shop');
    expect(names.indexOf('wj-hospital')).not.toBe(0);
    // The description alone still finds the hospital list when nothing is called so.
    const h = await call('GET', `/api/opendata/datasets?q=${encodeURIComponent('风险监测哨点')}`);
    expect(h.json().results[0].name).toBe('wj-hospital');
  });

  it('filters and counts facets right', async () => {
    const all = (await call('GET', '/api/opendata/datasets')).json();
    expect(all.count).toBe(4);
    const dept = Object.fromEntries(all.facets.department.map((f: { label: string; count: number }) => [f.label, f.count]));
    expect(dept).toEqual({ 市场监督管理局: 3, 卫生健康委员会: 1 });
    expect(all.facets.openType.find((f: { value: string }) => f.value === 'conditional').count).toBe(1);
    expect(all.facets.format.find((f: { value: string }) => f.value === 'CSV').count).toBe(3);
    const cond = (await call('GET', '/api/opendata/datasets?openType=conditional')).json();
    expect(cond.results.map((d: { name: string }) => d.name)).toEqual(['sc-entity']);
    // Other facets still count the whole set of the other filters.
    expect(cond.facets.openType.map((f: { count: number }) => f.count).sort()).toEqual([1, 3]);
    const byDept = (await call('GET', `/api/opendata/datasets?department=${wjw}`)).json();
    expect(byDept.count).toBe(1);
    const theme = (await call('GET', '/api/opendata/datasets?theme=market')).json();
    expect(theme.results.map((d: { name: string }) => d.name)).toContain('sc-food-shop');
  });

  it('pages with size at most 50', async () => {
    const p = (await call('GET', '/api/opendata/datasets?size=2&page=2&sort=name')).json();
    expect(p.results.map((d: { name: string }) => d.name)).toEqual(['sc-market', 'wj-hospital']);
    for (const q of ['size=51', 'size=0', 'page=0', 'page=-1', 'sort=score', 'theme=sports', 'format=PDF', 'size=abc', `q=${'字'.repeat(201)}`, 'department=x']) {
      const r = await call('GET', `/api/opendata/datasets?${q}`);
      expect(r.statusCode, q).toBe(400);
    }
    // Nothing searchable in it: no results, no error.
    expect((await call('GET', `/api/opendata/datasets?q=${encodeURIComponent('！！')}`)).json().count).toBe(0);
  });
});

describe('sync follows the data catalogue', () => {
  it('updates a changed resource (bumping modifiedAt) and withdraws one that vanished', async () => {
    await register('SC-OLD', '旧版市场名录', '已停用的名录。', scjg);
    expect((await sync()).json()).toMatchObject({ created: 1 });
    t.clock.advance(60_000);
    const before = await stored('sc-market');
    expect(before!.row_count).toBe(2);
    await editResource('SC-MARKET', { name: '农贸市场名录', description: '农贸市场的名称与位置。', update_frequency: 'quarterly' });
    // One resource became 不予开放, another was deactivated.
    await editResource('WJ-HOSPITAL', { open_type: 'none' });
    await editResource('SC-OLD', { active: false });
    const res = await sync();
    expect(res.json()).toMatchObject({ created: 0, updated: 1, withdrawn: 2 });
    const after = await stored('sc-market');
    expect(after).toMatchObject({ title: '农贸市场名录', frequency: 'quarterly', state: 'published', theme: 'market' === before!.theme ? 'market' : before!.theme });
    expect(new Date(after!.modified_at as Date).getTime()).toBeGreaterThan(new Date(before!.modified_at as Date).getTime());
    expect(await stored('wj-hospital')).toMatchObject({ state: 'withdrawn', withdrawn_by: 'sync' });
    expect(await stored('sc-old')).toMatchObject({ state: 'withdrawn', withdrawn_by: 'sync' });
    // Never deleted.
    expect((await call('GET', '/api/opendata/datasets/wj-hospital', bureau)).statusCode).toBe(200);
    expect((await call('POST', '/api/opendata/datasets/wj-hospital/publish', bureau)).json().code).toBe('OPENDATA_RESOURCE_NOT_OPEN');
    // The index follows at once.
    expect((await call('GET', `/api/opendata/datasets?q=${encodeURIComponent('农贸市场名录')}`)).json().results[0].name).toBe('sc-market');
  });
});

describe('the daily sync', () => {
  it('runs as a timer and queues the sync, which picks up a new resource', async () => {
    await register('SC-WEIGHTS', '计量器具检定机构', '法定计量检定机构的名称、地址与检定项目。', scjg);
    await t.p.kernel.jobs.scheduleTimers();
    await t.p.kernel.jobs.runDue(50);
    await t.p.kernel.jobs.runDue(50);
    expect(await stored('sc-weights')).toMatchObject({ state: 'draft', title: '计量器具检定机构' });
    const audit = await t.p.kernel.db
      .selectFrom('kernel_audit_entry')
      .selectAll()
      .where('object_type', '=', 'opendata.dataset')
      .where('action', '=', 'created')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: 'system' });
  });
});

describe('开放责任清单 and 开放率', () => {
  it('counts owed, published and late datasets per department as the rows say', async () => {
    await register('WJ-VACCINE', '疫苗接种门诊', '预防接种门诊的名称、地址与服务时间。', wjw);
    await sync();
    t.clock.advance(31 * 86_400_000);
    // Sessions do not last a month: sign in again.
    bureau = await staffToken(t, ['data_admin'], scjg);
    steward = await staffToken(t, ['data_steward'], scjg);
    const duty = (await call('GET', '/api/opendata/duty')).json();
    const rows = await t.p.kernel.db.selectFrom('opendata_dataset').select(['department_id', 'state', 'withdrawn_by']).execute();
    const owed = rows.filter((r) => r.state !== 'withdrawn' || r.withdrawn_by === 'bureau');
    expect(duty.owed).toBe(owed.length);
    expect(duty.published).toBe(owed.filter((r) => r.state === 'published').length);
    const w = duty.departments.find((d: { departmentId: string }) => d.departmentId === wjw);
    // 卫健委 owes the clinic (withdrawn by the bureau) and the vaccine clinics (new draft); the hospital is no longer owed.
    expect(w).toMatchObject({ owed: 2, published: 0, late: 2, rate: 0 });
    expect(w.datasets.every((d: { daysLate: number }) => d.daysLate >= 1)).toBe(true);
    const s = duty.departments.find((d: { departmentId: string }) => d.departmentId === scjg);
    // 市场监管局 owes the weights list the daily sync added.
    expect(s).toMatchObject({ owed: 4, published: 3, late: 1, rate: 0.75 });
    expect(duty.rate).toBeCloseTo(3 / 6);
    // The late setting is the bureau's; a longer one makes nothing late.
    expect((await call('PUT', '/api/opendata/duty/settings', steward, { lateDays: 60 })).statusCode).toBe(403);
    expect((await call('PUT', '/api/opendata/duty/settings', bureau, { lateDays: 0 })).statusCode).toBe(400);
    expect((await call('PUT', '/api/opendata/duty/settings', bureau, { lateDays: 60 })).statusCode).toBe(200);
    expect((await call('GET', '/api/opendata/duty')).json().late).toBe(0);
  });

  it('figures count published datasets by theme, department and open type', async () => {
    const f = (await call('GET', '/api/opendata/figures')).json();
    expect(f.datasets).toBe(3);
    expect(f.byOpenType.find((x: { value: string }) => x.value === 'conditional').count).toBe(1);
    expect(f.daily).toHaveLength(30);
    expect(f.views).toBeGreaterThanOrEqual(2);
    expect(f.top[0]).toHaveProperty('title');
  });
});

describe('the port other areas read', () => {
  it('gives published datasets, ranks, and publishers', async () => {
    const port = t.p.opendata.catalogue.port!;
    const pub = await port.published();
    expect(pub.map((d) => d.name)).toEqual(['sc-entity', 'sc-food-shop', 'sc-market']);
    const rank = await port.rank('食品经营');
    expect([...rank.keys()][0]).toBe(pub.find((d) => d.name === 'sc-food-shop')!.id);
    expect((await port.byName('wj-clinic'))!.state).toBe('withdrawn');
    expect(await port.byName('../etc')).toBeNull();
    const pubs = await port.publishers();
    expect(pubs).toEqual([{ id: scjg, name: '市场监督管理局', nameEn: '', datasets: 3 }]);
  });
});
