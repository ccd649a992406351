import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../identity/index.ts';
import { bearer, department, staffToken, type TestPlatform, startTestPlatform } from '../../testing/platform.ts';
import { gatewayCall, setupData, systemToken, type DataWorld } from '../../testing/data.ts';
import { seedOpenDatasets, recordsOf, OPEN_DATASETS, OPEN_DATASET_META } from '../../../seed/opendata/datasets.ts';
import { dataDb } from './tables.ts';

let t: TestPlatform;
let w: DataWorld;
const depts = new Map<string, string>();
const admin = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };
const SEEDED = ['JT-BUS-STOP', 'WJ-OUTPATIENT', 'SC-INDIVIDUAL', 'ST-AIR-DAILY'];

const source = () => t.p.data.open;
const recordCount = async (code: string) => {
  const r = await dataDb(t.p.kernel.db).selectFrom('data_resource').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return Number((await dataDb(t.p.kernel.db).selectFrom('data_record').select((eb) => eb.fn.countAll<string>().as('n')).where('resource_id', '=', r.id).executeTakeFirstOrThrow()).n);
};
/** Every row of a resource, page by page. */
async function allRows(code: string, items: string[], limit: number, opts: { rowRegion?: string } = {}) {
  const out: Record<string, unknown>[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 10_000; pages++) {
    const page: { rows: Record<string, unknown>[]; next: string | null } = await source().rows(code, items, { after, limit, ...opts });
    out.push(...page.rows);
    if (!page.next) break;
    after = page.next;
  }
  return out;
}
const problem = async (p: Promise<unknown> | (() => Promise<unknown>)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    const err = e as { code: string; status: number; zh: string; en: string; errors?: { path: string; message: string }[] };
    return { code: err.code, status: err.status, zh: err.zh, en: err.en, problems: err.errors ?? [] };
  }
  throw new Error('expected a refusal');
};

beforeAll(async () => {
  t = await startTestPlatform({}, { listen: true });
  w = await setupData(t, { people: 200, entities: 120 });
  for (const [code, id] of Object.entries(w.depts)) depts.set(code, id);
  for (const [code, name] of [
    ['JTJ', '交通运输局'],
    ['WJW', '卫生健康委员会'],
    ['STHJ', '生态环境局'],
  ])
    depts.set(code, (await department(t, '152201', name)).id);
  await seedOpenDatasets(t.p, depts, SEEDED);
}, 120_000);
afterAll(() => t?.close());

describe('records-backed resources', () => {
  it('lists open and conditional resources with their items, and the demo rows are all there', async () => {
    const list = await source().resources('152201');
    const codes = list.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['XY-CREDIT', 'DL-PLACE', 'FR-ENTITY', ...SEEDED]));
    expect(codes).not.toContain('RK-POPULATION'); // 不予开放
    const outpatient = list.find((r) => r.code === 'WJ-OUTPATIENT')!;
    expect(outpatient).toMatchObject({ openType: 'conditional', readable: true, providerDepartmentId: depts.get('WJW'), openBasis: expect.stringContaining('个人信息保护法'), updateFrequency: 'monthly', lastUpdatedAt: expect.any(String) });
    expect(outpatient.items.find((i) => i.code === 'diagnosisCategory')).toMatchObject({ name: '疾病类别', dataType: 'string', grade: 'L2', description: expect.stringContaining('ICD-10') });
    expect(list.find((r) => r.code === 'JT-BUS-STOP')).toMatchObject({ openType: 'open', readable: true });
    expect(await source().resource('RK-POPULATION')).toBeNull();
    expect(await source().resource('NO-SUCH')).toBeNull();
    for (const code of SEEDED) expect(await source().count(code)).toBe(recordsOf(OPEN_DATASETS.find((d) => d.code === code)!).length);
    // Every open or conditional dataset of the demo has its catalogue metadata, the base ones too.
    for (const d of OPEN_DATASETS) expect(OPEN_DATASET_META[d.code]).toMatchObject({ titleEn: expect.any(String), theme: expect.any(String), licence: expect.any(String) });
    expect(Object.keys(OPEN_DATASET_META)).toEqual(expect.arrayContaining(['XY-CREDIT', 'DL-PLACE', 'FR-ENTITY']));
    expect(OPEN_DATASETS.length).toBeGreaterThanOrEqual(38);
    expect(OPEN_DATASETS.filter((d) => d.conditional).every((d) => ['SCJG', 'WJW'].includes(d.dept))).toBe(true);
  });

  it('refuses a load with wrong types, unknown items, oversized rows, NUL bytes or broken Unicode, and loads nothing of it', async () => {
    const code = 'JT-BUS-STOP';
    const before = await recordCount(code);
    const updated = (await t.p.data.catalogue.get(code)).lastUpdatedAt;
    const good = { id: 'x-1', values: { stopName: '测试站', lineCount: 2, shelter: true, lon: 122.07, lat: 46.08 } };
    const cases: [string, unknown[], string][] = [
      ['a string for an integer', [good, { id: 'x-2', values: { lineCount: '2' } }], '/rows/1/values/lineCount'],
      ['a fraction for an integer', [{ id: 'x-2', values: { lineCount: 2.5 } }], '/rows/0/values/lineCount'],
      ['text for a boolean', [{ id: 'x-2', values: { shelter: 'yes' } }], '/rows/0/values/shelter'],
      ['an unknown item', [{ id: 'x-2', values: { salary: 1 } }], '/rows/0/values/salary'],
      ['a NUL byte', [{ id: 'x-2', values: { stopName: 'a\u0000b' } }], '/rows/0/values/stopName'],
      ['a lone surrogate', [{ id: 'x-2', values: { stopName: 'a\ud800b' } }], '/rows/0/values/stopName'],
      ['a NUL in the id', [{ id: 'x\u0000', values: {} }], '/rows/0/id'],
      ['an oversized row', [{ id: 'x-2', values: { stopName: '站'.repeat(1999), lines: '路'.repeat(1999), address: '址'.repeat(1999), street: '街'.repeat(1999), lineCount: 1 } }], '/rows/0'],
      ['text over the limit', [{ id: 'x-2', values: { stopName: '站'.repeat(2001) } }], '/rows/0/values/stopName'],
      ['the same id twice', [good, good], '/rows/1/id'],
      ['a bad region', [{ id: 'x-2', regionCode: '15\u00002201', values: {} }], '/rows/0/regionCode'],
      ['values not an object', [{ id: 'x-2', values: [1, 2] }], '/rows/0/values'],
      ['a row not an object', [null], '/rows/0'],
    ];
    for (const [what, rows, path] of cases) {
      const e = await problem(t.p.data.records.load(admin, code, rows as never, { replace: true }));
      expect(e, what).toMatchObject({ code: 'DATA_RECORDS_INVALID', status: 422, zh: expect.stringContaining('未导入任何数据'), en: expect.stringContaining('nothing was loaded') });
      expect(e.problems.map((p) => p.path), what).toContain(path);
    }
    expect(await problem(t.p.data.records.load(admin, code, Array.from({ length: 100_001 }, (_, i) => ({ id: String(i), values: {} }))))).toMatchObject({ code: 'DATA_RECORDS_TOO_MANY', status: 413 });
    // A table-backed resource does not take records.
    expect(await problem(t.p.data.records.load(admin, 'XY-CREDIT', [good]))).toMatchObject({ code: 'DATA_NOT_RECORDS', status: 409 });
    // Nothing half-loaded: the rows and the update time are as they were, even with `replace`.
    expect(await recordCount(code)).toBe(before);
    expect((await t.p.data.catalogue.get(code)).lastUpdatedAt).toBe(updated);
  });

  it('loads only for the bureau or the providing department, and audits the load', async () => {
    const staff = (departmentId: string, permissions: string[]) => ({ accountId: 'acc-test', type: 'staff' as const, name: '测试', regionCode: '152201', departmentId, permissions: new Set(permissions), roles: [], sessionId: null });
    const rows = [{ id: 'extra-1', values: { stopName: '新增站点', lineCount: 1, shelter: false } }];
    expect(await problem(t.p.data.records.load(staff(depts.get('MZJ')!, ['opendata.provide']), 'JT-BUS-STOP', rows))).toMatchObject({ status: 403 });
    expect(await problem(t.p.data.records.load(staff(depts.get('JTJ')!, ['data.read']), 'JT-BUS-STOP', rows))).toMatchObject({ status: 403 });
    const before = await source().count('JT-BUS-STOP');
    expect(await t.p.data.records.load(staff(depts.get('JTJ')!, ['opendata.provide']), 'JT-BUS-STOP', rows)).toEqual({ loaded: 1, replaced: 0 });
    expect(await source().count('JT-BUS-STOP')).toBe(before + 1);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['actor_id', 'object_type']).where('action', '=', 'records-loaded').execute();
    expect(audit).toContainEqual({ actor_id: 'acc-test', object_type: 'data.resource' });
  });
});

describe('the upload routes', () => {
  const post = (url: string, token: string | null, payload: string | object, type = 'application/json') => t.app.inject({ method: 'POST', url, headers: { ...(token ? bearer(token) : {}), 'content-type': type }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

  it('loads JSON rows for the providing department’s data steward and the bureau, and no one else', async () => {
    const steward = await staffToken(t, ['data_steward'], depts.get('JTJ')!);
    const otherSteward = await staffToken(t, ['data_steward'], depts.get('MZJ')!);
    const before = await source().count('JT-BUS-STOP');
    const rows = { rows: [{ id: 'web-1', regionCode: '152201002', values: { stopName: '测试新增站点甲', lineCount: 2, shelter: true, lon: 122.09, lat: 46.07 } }] };
    const url = '/api/data/resources/JT-BUS-STOP/records';
    expect((await post(url, null, rows)).statusCode).toBe(401);
    for (const token of [otherSteward, w.consumer]) {
      const res = await post(url, token, rows);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    }
    expect(await source().count('JT-BUS-STOP')).toBe(before);
    const ok = await post(url, steward, rows);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ loaded: 1, replaced: 0 });
    // The same id again is updated, not doubled.
    expect((await post(url, w.bureau, rows)).json()).toEqual({ loaded: 1, replaced: 0 });
    expect(await source().count('JT-BUS-STOP')).toBe(before + 1);
    const added = await source().rows('JT-BUS-STOP', ['stopName'], { limit: 10, where: [{ item: 'stopName', op: 'eq', value: '测试新增站点甲' }], rowRegion: '152201002' });
    expect(added.rows).toEqual([{ _id: 'web-1', stopName: '测试新增站点甲' }]);
    // Malformed JSON, wrong JSON types, unknown fields, a value of the wrong type: problems in both languages, nothing stored.
    const bad: [string | object, number][] = [
      ['{"rows": [', 400],
      [{ rows: 'all' }, 400],
      [{ rows: [{ id: { nested: 1 }, values: {} }] }, 400],
      [{ rows: [{ id: 'x', values: 'not an object' }] }, 400],
      [{ rows: [], extra: true }, 400],
      [{ rows: [{ id: 'x', values: { lineCount: 'two' } }] }, 422],
    ];
    for (const [body, status] of bad) {
      const res = await post(url, steward, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json()).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    }
    expect((await post('/api/data/resources/XY-CREDIT/records', w.bureau, rows)).json().code).toBe('DATA_NOT_RECORDS');
    expect(await source().count('JT-BUS-STOP')).toBe(before + 1);
  });

  it('loads a CSV with a header of item names, quoted fields and a BOM, and refuses a broken one whole', async () => {
    const steward = await staffToken(t, ['data_steward'], depts.get('JTJ')!);
    const before = await source().count('JT-BUS-STOP');
    const csv = '\ufeff_id,站点名称,lineCount,是否设候车亭,lines\r\ncsv-1,"罕山街口（东）",2,是,"1路、3路"\r\ncsv-2,"都林街""北""",1,否,\r\n';
    const res = await post('/api/data/resources/JT-BUS-STOP/records.csv', steward, csv, 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ loaded: 2, replaced: 0 });
    const rows = await source().rows('JT-BUS-STOP', ['stopName', 'lineCount', 'shelter', 'lines'], { limit: 10, where: [{ item: 'stopName', op: 'in', value: ['罕山街口（东）', '都林街"北"'] }] });
    expect(rows.rows).toEqual([
      { _id: 'csv-1', stopName: '罕山街口（东）', lineCount: 2, shelter: true, lines: '1路、3路' },
      { _id: 'csv-2', stopName: '都林街"北"', lineCount: 1, shelter: false, lines: null },
    ]);
    const broken: [string, string][] = [
      ['stopName,salary\n甲,1\n', '/csv/header/1'],
      ['stopName,lineCount\n甲,两条\n', '/rows/0/values/lineCount'],
      ['stopName\n"未闭合\n', '/csv'],
    ];
    for (const [text, path] of broken) {
      const r = await post('/api/data/resources/JT-BUS-STOP/records.csv?replace=true', steward, text, 'text/csv');
      expect(r.statusCode, text).toBe(422);
      expect(
        r.json().errors.map((e: { path: string }) => e.path),
        text,
      ).toContain(path);
    }
    // A NUL byte is refused before it reaches the load (the platform refuses it in any body).
    const nul = await post('/api/data/resources/JT-BUS-STOP/records.csv', steward, 'stopName\n甲\u0000乙\n', 'text/csv');
    expect([400, 422]).toContain(nul.statusCode);
    expect(nul.json()).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    expect((await post('/api/data/resources/JT-BUS-STOP/records.csv', null, csv, 'text/csv')).statusCode).toBe(401);
    expect(await source().count('JT-BUS-STOP')).toBe(before + 2);
  });
});

describe('the open-data source', () => {
  it('pages through every row exactly once, in a stable order, with only the items asked', async () => {
    const total = await source().count('JT-BUS-STOP');
    const rows = await allRows('JT-BUS-STOP', ['stopName', 'lineCount'], 97);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r._id)).size).toBe(total);
    expect(Object.keys(rows[0]).sort()).toEqual(['_id', 'lineCount', 'stopName']);
    expect(typeof rows[0].lineCount).toBe('number');
    const again = await allRows('JT-BUS-STOP', ['stopName'], 500);
    expect(again.map((r) => r._id)).toEqual(rows.map((r) => r._id));
    // A street's rows, and a filter on an open item.
    const aiguo = await allRows('JT-BUS-STOP', ['street'], 1000, { rowRegion: '152201001' });
    expect(aiguo.length).toBeGreaterThan(0);
    expect(new Set(aiguo.map((r) => r.street))).toEqual(new Set(['爱国街道']));
    const sheltered = await source().rows('JT-BUS-STOP', ['shelter'], { limit: 10_000, where: [{ item: 'shelter', op: 'eq', value: true }] });
    expect(sheltered.rows.every((r) => r.shelter === true)).toBe(true);
    expect(await source().count('JT-BUS-STOP', { where: [{ item: 'shelter', op: 'eq', value: true }] })).toBe(sheltered.rows.length);
    // Date ranges over records compare as dates.
    const january = await source().count('ST-AIR-DAILY', { where: [{ item: 'day', op: 'gte', value: '2026-01-01' }, { item: 'day', op: 'lte', value: '2026-01-31' }] });
    expect(january).toBe(31 * 3);
    // A table-backed resource pages the same way.
    const credit = await allRows('XY-CREDIT', ['creditCode', 'penalties'], 50);
    expect(credit).toHaveLength(await source().count('XY-CREDIT'));
  });

  it('never gives an L3 or L4 item in clear, and refuses to filter, group or measure one', async () => {
    const ind = await source().rows('SC-INDIVIDUAL', ['name', 'operatorName', 'operatorPhone'], { limit: 200 });
    for (const r of ind.rows) {
      expect(String(r.operatorName)).toMatch(/^.\*+$/u);
      expect(String(r.operatorPhone)).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
    const visits = await source().rows('WJ-OUTPATIENT', ['visitDate', 'ageBand'], { limit: 50 });
    expect(visits.rows.every((r) => /^\d{4}-\*\*-\*\*$/.test(String(r.visitDate)))).toBe(true);
    // An encrypted base item comes out as its masked copy; the clear column is never read.
    const entity = await source().rows('FR-ENTITY', ['name', 'legalRepIdNumber'], { limit: 50 });
    expect(entity.rows.length).toBeGreaterThan(0);
    for (const r of entity.rows) expect(String(r.legalRepIdNumber ?? '')).not.toMatch(/^\d{17}[\dX]$/);
    const refused = [
      () => source().rows('SC-INDIVIDUAL', ['name'], { limit: 10, where: [{ item: 'operatorName', op: 'prefix', value: '王' }] }),
      () => source().count('FR-ENTITY', { where: [{ item: 'legalRepIdNumber', op: 'eq', value: '152201199001011234' }] }),
      () => source().aggregate('SC-INDIVIDUAL', { groupBy: ['operatorName'], measures: [], where: [], rowRegion: null }),
      () => source().aggregate('WJ-OUTPATIENT', { groupBy: ['ageBand'], measures: [{ fn: 'min', item: 'visitDate' }], where: [], rowRegion: null }),
    ];
    for (const p of refused) expect(await problem(p)).toMatchObject({ code: 'DATA_OPEN_QUERY_INVALID', status: 422, zh: expect.any(String), en: expect.any(String), problems: [expect.objectContaining({ message: expect.stringContaining('L3/L4') })] });
  });

  it('aggregates inside the database exactly as a hand count of the rows', async () => {
    const rows = await allRows('WJ-OUTPATIENT', ['ageBand', 'sex', 'cost', 'streetCode'], 2000);
    expect(rows).toHaveLength(5000);
    const hand = new Map<string, { n: number; sum: number; max: number }>();
    for (const r of rows) {
      const k = `${r.ageBand}|${r.sex}`;
      const h = hand.get(k) ?? { n: 0, sum: 0, max: -Infinity };
      h.n++;
      h.sum += Number(r.cost);
      h.max = Math.max(h.max, Number(r.cost));
      hand.set(k, h);
    }
    const groups = await source().aggregate('WJ-OUTPATIENT', { groupBy: ['ageBand', 'sex'], measures: [{ fn: 'count' }, { fn: 'sum', item: 'cost' }, { fn: 'avg', item: 'cost' }, { fn: 'max', item: 'cost' }], where: [], rowRegion: null });
    expect(groups).toHaveLength(hand.size);
    const keys = groups.map((g) => `${g.key.ageBand}|${g.key.sex}`);
    expect(keys).toEqual([...keys].sort());
    for (const g of groups) {
      const h = hand.get(`${g.key.ageBand}|${g.key.sex}`)!;
      expect(g.count).toBe(h.n);
      expect(g.values[0]).toBe(h.n);
      expect(g.values[1]).toBeCloseTo(h.sum, 4);
      expect(g.values[2]).toBeCloseTo(h.sum / h.n, 6);
      expect(g.values[3]).toBeCloseTo(h.max, 6);
    }
    // A row limit and a filter narrow the count like the rows; the towns are small groups.
    const town = await source().aggregate('WJ-OUTPATIENT', { groupBy: ['diagnosisCategory'], measures: [], where: [{ item: 'sex', op: 'eq', value: '女' }], rowRegion: '152201101' });
    const townRows = rows.filter((r) => r.streetCode === '152201101');
    expect(town.reduce((s, g) => s + g.count, 0)).toBe((await allRows('WJ-OUTPATIENT', ['sex'], 5000, { rowRegion: '152201101' })).filter((r) => r.sex === '女').length);
    expect(townRows.length).toBeLessThan(200);
    expect(town.some((g) => g.count < 10)).toBe(true);
    // No group-by: one group of everything.
    expect(await source().aggregate('WJ-OUTPATIENT', { groupBy: [], measures: [{ fn: 'count' }], where: [], rowRegion: null })).toEqual([{ key: {}, count: 5000, values: [5000] }]);
  });

  it('refuses unknown items, sums of text, more than three group-bys and bad operators, with clear errors', async () => {
    const q = { groupBy: ['ageBand'], measures: [] as { fn: 'count' | 'sum' | 'avg' | 'min' | 'max'; item?: string }[], where: [], rowRegion: null };
    const bad: [string, () => Promise<unknown>, string][] = [
      ['unknown group item', () => source().aggregate('WJ-OUTPATIENT', { ...q, groupBy: ['salary'] }), '/groupBy/0'],
      ['sum of text', () => source().aggregate('WJ-OUTPATIENT', { ...q, measures: [{ fn: 'sum', item: 'sex' }] }), '/measures/0/item'],
      ['four group-bys', () => source().aggregate('WJ-OUTPATIENT', { ...q, groupBy: ['ageBand', 'sex', 'streetCode', 'insured'] }), '/groupBy'],
      ['unknown function', () => source().aggregate('WJ-OUTPATIENT', { ...q, measures: [{ fn: 'median' as never, item: 'cost' }] }), '/measures/0/fn'],
      ['injection in an item', () => source().aggregate('WJ-OUTPATIENT', { ...q, groupBy: ["ageBand'); DROP TABLE data_record; --"] }), '/groupBy/0'],
      ['unknown row item', () => source().rows('WJ-OUTPATIENT', ['salary'], { limit: 10 }), '/items/0'],
      ['a huge page', () => source().rows('WJ-OUTPATIENT', ['sex'], { limit: 1_000_000 }), '/limit'],
    ];
    for (const [what, p, path] of bad) {
      const e = await problem(p);
      expect(e, what).toMatchObject({ code: 'DATA_OPEN_QUERY_INVALID', status: 422 });
      expect(e.problems.map((x) => x.path), what).toContain(path);
    }
    expect(await problem(source().rows('WJ-OUTPATIENT', ['sex'], { limit: 10, where: [{ item: 'cost', op: 'gte', value: 'abc' }] }))).toMatchObject({ code: 'DATA_CONDITION_INVALID', status: 400 });
    expect(await problem(source().rows('WJ-OUTPATIENT', ['sex'], { limit: 10, after: 'x\u0000' }))).toMatchObject({ code: 'DATA_CONDITION_INVALID' });
    expect(await problem(source().rows('RK-POPULATION', ['name'], { limit: 10 }))).toMatchObject({ code: 'DATA_NOT_OPEN', status: 404 });
    // Too many groups: the cap holds (10,001 rows, each a group of one).
    await t.p.data.catalogue.register(admin, { code: 'T-MANY', name: '分组上限测试', providerDepartmentId: depts.get('JTJ')!, regionCode: '152201', category: 'department', backing: 'records', backingRef: 'data_record', sharingType: 'unconditional', openType: 'open', updateFrequency: 'yearly', items: [{ code: 'n', name: '序号', dataType: 'integer', grade: 'L1', importance: 'general', storage: { field: 'n' } }] });
    await t.p.data.records.load(admin, 'T-MANY', Array.from({ length: 10_001 }, (_, i) => ({ id: String(i).padStart(6, '0'), values: { n: i } })));
    expect(await problem(source().aggregate('T-MANY', { ...q, groupBy: ['n'] }))).toMatchObject({ code: 'DATA_TOO_MANY_GROUPS', status: 422 });
    expect(await source().aggregate('T-MANY', { ...q, groupBy: [], measures: [{ fn: 'sum', item: 'n' }] })).toEqual([{ key: {}, count: 10_001, values: [50_005_000] }]);
    expect(await recordCount('WJ-OUTPATIENT')).toBe(5000);
  });
});

describe('a grant for an approved 有条件开放 application', () => {
  let grantId = '';
  let token = '';

  it('works through the real gateway with a client-credentials token and returns only the granted items and rows', async () => {
    const g = await t.p.kernel.db.transaction().execute((trx) =>
      source().issueGrant(trx, { applicationId: '0193a000-0000-7000-8000-000000000001', resourceCode: 'SC-INDIVIDUAL', holderName: '兴安信用研究院', purpose: '个体工商户存续情况研究', items: ['name', 'industry', 'operatorName', 'status'], rowRegion: '152201001', validFrom: new Date(t.p.kernel.clock.now().getTime() - 60_000), expiresAt: new Date(t.p.kernel.clock.now().getTime() + 86_400_000), ratePerMinute: 600 }),
    );
    grantId = g.grantId;
    expect(g.clientId).toMatch(/^od-/);
    const stored = await dataDb(t.p.kernel.db).selectFrom('data_grant').selectAll().where('id', '=', grantId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ request_id: null, consumer_department_id: null, holder_name: '兴安信用研究院', clear_items: [], items: ['name', 'industry', 'operatorName', 'status'] });
    token = await systemToken(t, g.clientId, g.clientSecret);
    const res = await gatewayCall(t, token, 'SC-INDIVIDUAL/query', { limit: 100 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rows.length).toBeGreaterThan(0);
    for (const r of body.rows) {
      expect(Object.keys(r).sort()).toEqual(['_id', 'industry', 'name', 'operatorName', 'status']);
      expect(String(r.operatorName)).toMatch(/^.\*+$/u);
      expect(String(r.name)).toContain('爱国');
    }
    // Paging with a record id as `after`.
    if (body.next) expect((await gatewayCall(t, token, 'SC-INDIVIDUAL/query', { limit: 100, after: body.next })).status).toBe(200);
    // An item or a filter outside the grant is refused.
    expect((await (await gatewayCall(t, token, 'SC-INDIVIDUAL/query', { items: ['operatorPhone'] })).json()).code).toBe('DATA_ITEM_NOT_GRANTED');
    expect((await (await gatewayCall(t, token, 'SC-INDIVIDUAL/query', { where: [{ item: 'address', op: 'prefix', value: '乌' }] })).json()).code).toBe('DATA_ITEM_NOT_GRANTED');
    expect((await gatewayCall(t, token, 'WJ-OUTPATIENT/query', {})).status).toBe(403);
    // Conditions over record fields, and a yes/no lookup.
    const filtered = await (await gatewayCall(t, token, 'SC-INDIVIDUAL/query', { where: [{ item: 'status', op: 'eq', value: '注销' }], limit: 100 })).json();
    expect(filtered.rows.every((r: { status: string }) => r.status === '注销')).toBe(true);
    expect(await (await gatewayCall(t, token, 'SC-INDIVIDUAL/verify', { values: { name: body.rows[0].name } })).json()).toEqual({ match: true });
    // Bulk export over records.
    const ndjson = await (await gatewayCall(t, token, 'SC-INDIVIDUAL/export', { items: ['name', 'status'] })).text();
    const lines = ndjson.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBe(await source().count('SC-INDIVIDUAL', { rowRegion: '152201001' }));
    const usage = await source().grantUsage([grantId, '0193a000-0000-7000-8000-00000000ffff']);
    expect(usage.get(grantId)!.calls).toBeGreaterThanOrEqual(4);
    expect(usage.get(grantId)!.rows).toBeGreaterThan(lines.length);
    expect(usage.get('0193a000-0000-7000-8000-00000000ffff')).toEqual({ calls: 0, rows: 0, lastAt: null });
  });

  it('refuses a grant naming unknown items or a non-open resource', async () => {
    const base = { applicationId: 'a-1', resourceCode: 'SC-INDIVIDUAL', holderName: '某公司', purpose: '研究', items: ['name'], rowRegion: null, validFrom: t.p.kernel.clock.now(), expiresAt: new Date(t.p.kernel.clock.now().getTime() + 3_600_000), ratePerMinute: 60 };
    const tx = (g: typeof base) => t.p.kernel.db.transaction().execute((trx) => source().issueGrant(trx, g));
    expect(await problem(tx({ ...base, items: ['name', 'salary'] }))).toMatchObject({ code: 'DATA_OPEN_GRANT_INVALID', status: 422 });
    expect(await problem(tx({ ...base, items: [] }))).toMatchObject({ code: 'DATA_OPEN_GRANT_INVALID' });
    expect(await problem(tx({ ...base, expiresAt: new Date(0) }))).toMatchObject({ code: 'DATA_OPEN_GRANT_INVALID' });
    expect(await problem(tx({ ...base, resourceCode: 'RK-POPULATION' }))).toMatchObject({ code: 'DATA_NOT_OPEN' });
    expect(await dataDb(t.p.kernel.db).selectFrom('data_grant').select('id').where('holder_name', '=', '某公司').execute()).toHaveLength(0);
  });

  it('stops at once when revoked, and the revocation is audited', async () => {
    await t.p.kernel.db.transaction().execute((trx) => source().revokeGrant(trx, grantId, '协议终止'));
    const res = await gatewayCall(t, token, 'SC-INDIVIDUAL/query', { limit: 1 });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('DATA_GRANT_MISSING');
    const stored = await dataDb(t.p.kernel.db).selectFrom('data_grant').select('revoked_at').where('id', '=', grantId).executeTakeFirstOrThrow();
    expect(stored.revoked_at).not.toBeNull();
    // Revoking twice changes nothing.
    await t.p.kernel.db.transaction().execute((trx) => source().revokeGrant(trx, grantId, '再次'));
    expect((await dataDb(t.p.kernel.db).selectFrom('data_grant').select('revoked_at').where('id', '=', grantId).executeTakeFirstOrThrow()).revoked_at).toEqual(stored.revoked_at);
  });
});
