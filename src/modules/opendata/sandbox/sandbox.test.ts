import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceSignedIn, bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import type { OpendataContext } from '../area.ts';
import { DomainError } from '../../../kernel/http/errors.ts';
import { sandboxDb } from './tables.ts';
import type { AggregateGroup, AggregateQuery, Dataset, SourceCondition } from '../ports.ts';

/*
 * Until the areas are merged this file plugs stand-ins for the catalogue, grants and source ports
 * (replaced by the real ones after od-integration).
 */

const STREETS = ['152201001', '152201002', '152201003', '152201004', '152201005'];
// 100 + 60 + 29 + 4 + 7 = 200 visits; the last two streets are under k = 10 together holding 11.
const SIZES = [100, 60, 29, 4, 7];

interface Visit {
  patient_no: string;
  sex: string;
  age_band: string;
  street: string;
  diagnosis: string;
  cost: number;
  secret: string;
}

const visits: Visit[] = [];
{
  let n = 0;
  STREETS.forEach((street, s) => {
    for (let i = 0; i < SIZES[s]; i++, n++)
      visits.push({
        patient_no: `P${String(n).padStart(5, '0')}`,
        sex: n % 2 ? '男' : '女',
        // One person in the whole table is 90 or older: the one differencing would single out.
        age_band: n === 17 ? '90+' : ['0-17', '18-59', '60-89'][n % 3],
        street,
        diagnosis: ['呼吸', '循环', '消化', '其他'][n % 4],
        cost: 100 + ((n * 37) % 500),
        secret: `S${n}`,
      });
  });
}

const match = (v: Visit, c: SourceCondition) => {
  const x = v[c.item as keyof Visit];
  if (c.op === 'eq') return x === c.value;
  if (c.op === 'in') return (c.value as unknown[]).includes(x);
  if (c.op === 'prefix') return String(x).startsWith(String(c.value));
  if (c.op === 'gte') return (x as number) >= (c.value as number);
  return (x as number) <= (c.value as number);
};

function aggregate(q: AggregateQuery): AggregateGroup[] {
  const rows = visits.filter((v) => (!q.rowRegion || v.street.startsWith(q.rowRegion)) && q.where.every((c) => match(v, c)));
  const groups = new Map<string, Visit[]>();
  for (const r of rows) {
    const key = JSON.stringify(q.groupBy.map((g) => r[g as keyof Visit]));
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  if (!q.groupBy.length && !groups.size) groups.set('[]', []);
  if (groups.size > 10_000) throw new DomainError('DATA_TOO_MANY_GROUPS', 422, '分组过多', 'Too many groups');
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, rs]) => ({
      key: Object.fromEntries(q.groupBy.map((g, i) => [g, JSON.parse(key)[i]])),
      count: rs.length,
      values: q.measures.map((m) => {
        if (m.fn === 'count') return rs.length;
        const xs = rs.map((r) => r[m.item as keyof Visit] as number);
        if (!xs.length) return null;
        const sum = xs.reduce((s, x) => s + x, 0);
        return m.fn === 'sum' ? sum : sum / xs.length;
      }),
    }));
}

let t: TestPlatform;
let scjg: { id: string };
let wjw: { id: string };
let researcher: { token: string; accountId: string };
let stranger: { token: string; accountId: string };
let bureau: string;
let stewardWjw: string;
let stewardScjg: string;
const DATASET = 'wjw-visits';

const dataset = (departmentId: string): Dataset => ({
  id: '0190a000-0000-7000-8000-000000000001',
  name: DATASET,
  resourceCode: 'WJW-VISITS',
  regionCode: '152201',
  title: '门诊就诊记录（去标识化）',
  titleEn: 'Outpatient visits (de-identified)',
  notes: '',
  notesEn: '',
  departmentId,
  departmentName: '卫健委',
  departmentNameEn: 'Health Commission',
  openType: 'conditional',
  openBasis: '涉及个人健康信息',
  theme: 'HEAL' as Dataset['theme'],
  tags: [],
  licence: 'CC-BY-4.0' as Dataset['licence'],
  frequency: 'monthly',
  temporalFrom: null,
  temporalTo: null,
  spatial: '152201',
  items: [
    { code: 'patient_no', name: '患者编号', description: '', dataType: 'string', grade: 'L2', published: false },
    { code: 'sex', name: '性别', description: '', dataType: 'string', grade: 'L2', published: false },
    { code: 'age_band', name: '年龄段', description: '', dataType: 'string', grade: 'L2', published: false },
    { code: 'street', name: '街道', description: '', dataType: 'string', grade: 'L2', published: false },
    { code: 'diagnosis', name: '诊断类别', description: '', dataType: 'string', grade: 'L2', published: false },
    { code: 'cost', name: '费用', description: '', dataType: 'number', grade: 'L2', published: false },
    { code: 'secret', name: '不在协议内', description: '', dataType: 'string', grade: 'L3', published: false },
  ],
  formats: [],
  state: 'published',
  publishedAt: null,
  modifiedAt: new Date().toISOString(),
  createdAt: new Date().toISOString(),
  rowCount: visits.length,
});

beforeAll(async () => {
  t = await startTestPlatform();
  scjg = await department(t, '152201', '市场监管局');
  wjw = await department(t, '152201', '卫健委');
  researcher = await personToken(t);
  stranger = await personToken(t);
  bureau = await staffToken(t, ['data_admin'], (await department(t)).id);
  stewardWjw = await staffToken(t, ['data_steward'], wjw.id);
  stewardScjg = await staffToken(t, ['data_steward'], scjg.id);
  const ds = dataset(wjw.id);
  const ctx = (t.p.opendata.sandbox.queries as unknown as { ctx: OpendataContext }).ctx;
  ctx.ports.catalogue = {
    byName: async (n) => (n === ds.name ? ds : null),
    byId: async (id) => (id === ds.id ? ds : null),
    published: async () => [ds],
    rank: async () => new Map(),
    viewed: async () => {},
    publishers: async () => [],
  };
  ctx.ports.grants = {
    sandboxAccess: async (_ex, who, datasetId) =>
      who.accountId === researcher.accountId && datasetId === ds.id
        ? { applicationId: 'app-1', datasetId, holderAccountId: who.accountId, items: ['patient_no', 'sex', 'age_band', 'street', 'diagnosis', 'cost'], rowRegion: null, until: '2027-12-31' }
        : null,
    activeCount: async () => new Map(),
  };
  t.p.opendata.useSource({
    aggregate: async (_code: string, q: AggregateQuery) => aggregate(q),
  } as never);
}, 60_000);

afterAll(() => t?.close());

const query = (token: string | null, body: unknown) => t.app.inject({ method: 'POST', url: '/api/opendata/sandbox/queries', headers: token ? bearer(token) : {}, payload: body as object });

const logged = async () =>
  Number(
    (
      await sandboxDb(t.p.kernel.db)
        .selectFrom('opendata_sandbox_query')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const expectProblem = (res: { statusCode: number; json(): { code?: string; title?: string; detail?: string } }, status: number, code?: string) => {
  expect(res.statusCode).toBe(status);
  const p = res.json() as Record<string, unknown>;
  if (code) expect(p.code).toBe(code);
  // RFC 9457 with Chinese and English words.
  expect(JSON.stringify(p)).toMatch(/[\u4e00-\u9fff]/);
  expect(JSON.stringify(p)).toMatch(/[A-Za-z]{4,}/);
};

describe('sandbox aggregate queries', () => {
  it('answers counts, sums and averages exactly as a hand count gives them', async () => {
    const res = await query(researcher.token, { dataset: DATASET, groupBy: ['sex'], measures: [{ fn: 'count' }, { fn: 'sum', item: 'cost' }, { fn: 'avg', item: 'cost' }] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.k).toBe(10);
    for (const sex of ['男', '女']) {
      const rows = visits.filter((v) => v.sex === sex);
      const sum = rows.reduce((s, v) => s + v.cost, 0);
      const g = body.groups.find((x: { key: { sex: string } }) => x.key.sex === sex);
      expect(g).toMatchObject({ count: rows.length, suppressed: false, values: [rows.length, sum, sum / rows.length] });
    }
    expect(body.suppressedGroups).toBe(0);
    expect(JSON.stringify(body)).not.toContain('P000');
  });

  it('suppresses a street under k while the other streets stay exact', async () => {
    const res = await query(researcher.token, { dataset: DATASET, groupBy: ['street'], measures: [{ fn: 'sum', item: 'cost' }] });
    const body = res.json();
    expect(res.statusCode).toBe(200);
    const by = new Map(body.groups.map((g: { key: { street: string } }) => [g.key.street, g]));
    expect(by.get(STREETS[0])).toMatchObject({ count: 100, suppressed: false });
    expect(by.get(STREETS[1])).toMatchObject({ count: 60, suppressed: false });
    expect(by.get(STREETS[2])).toMatchObject({ count: 29, suppressed: false });
    expect(by.get(STREETS[3])).toMatchObject({ count: null, values: null, suppressed: true, reason: 'small' });
    expect(by.get(STREETS[4])).toMatchObject({ count: null, values: null, suppressed: true, reason: 'small' });
    expect(body.suppressedGroups).toBe(2);
  });

  it('never reveals the one person a narrow filter removes (differencing)', async () => {
    const all = (await query(researcher.token, { dataset: DATASET, measures: [{ fn: 'sum', item: 'cost' }] })).json();
    expect(all.groups[0]).toMatchObject({ count: 200, suppressed: false });
    const butOne = (await query(researcher.token, { dataset: DATASET, measures: [{ fn: 'sum', item: 'cost' }], where: [{ item: 'age_band', op: 'in', value: ['0-17', '18-59', '60-89'] }] })).json();
    expect(butOne.groups[0]).toMatchObject({ count: null, values: null, suppressed: true, reason: 'difference' });
    // Grouped: the group holding the person is hidden, the other stays.
    const bySex = (await query(researcher.token, { dataset: DATASET, groupBy: ['sex'], where: [{ item: 'age_band', op: 'in', value: ['0-17', '18-59', '60-89'] }] })).json();
    const person = visits.find((v) => v.age_band === '90+')!;
    expect(bySex.groups.find((g: { key: { sex: string } }) => g.key.sex === person.sex)).toMatchObject({ suppressed: true });
  });

  it('hides more of a row than its one small cell, so the row total cannot give it away', async () => {
    const body = (await query(researcher.token, { dataset: DATASET, groupBy: ['sex', 'age_band'] })).json();
    const person = visits.find((v) => v.age_band === '90+')!;
    const line = body.groups.filter((g: { key: { sex: string } }) => g.key.sex === person.sex);
    expect(line.find((g: { key: { age_band: string } }) => g.key.age_band === '90+')).toMatchObject({ suppressed: true, reason: 'small' });
    const rowTotal = visits.filter((v) => v.sex === person.sex).length;
    const shown = line.filter((g: { suppressed: boolean }) => !g.suppressed).reduce((s: number, g: { count: number }) => s + g.count, 0);
    expect(rowTotal - shown).toBeGreaterThanOrEqual(10);
    // Filtering the person out instead: the emptied cell still hides a neighbour.
    const filtered = (await query(researcher.token, { dataset: DATASET, groupBy: ['sex', 'age_band'], where: [{ item: 'age_band', op: 'in', value: ['0-17', '18-59', '60-89'] }] })).json();
    const shownF = filtered.groups.filter((g: { key: { sex: string }; suppressed: boolean }) => g.key.sex === person.sex && !g.suppressed).reduce((s: number, g: { count: number }) => s + g.count, 0);
    expect(rowTotal - shownF).toBeGreaterThanOrEqual(10);
  });

  it('suppresses every group of a group-by on a unique item and lists none of its values', async () => {
    const res = await query(researcher.token, { dataset: DATASET, groupBy: ['patient_no'] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.groups).toEqual([]);
    expect(body.suppressedGroups).toBe(200);
    expect(body.keysWithheld).toBe(true);
    expect(res.body).not.toContain('P00');
  });

  it('refuses an equality filter on a near-unique item', async () => {
    const res = await query(researcher.token, { dataset: DATASET, where: [{ item: 'patient_no', op: 'eq', value: 'P00017' }] });
    expectProblem(res, 422, 'OPENDATA_SANDBOX_NEAR_UNIQUE_FILTER');
  });

  it('refuses items outside the agreement, wherever they are named', async () => {
    for (const body of [
      { dataset: DATASET, groupBy: ['secret'] },
      { dataset: DATASET, measures: [{ fn: 'sum', item: 'secret' }] },
      { dataset: DATASET, where: [{ item: 'secret', op: 'eq', value: 'S1' }] },
      { dataset: DATASET, groupBy: ['no_such_item'] },
    ]) {
      const res = await query(researcher.token, body);
      expectProblem(res, 403, 'OPENDATA_SANDBOX_ITEM_NOT_AGREED');
      expect(res.body).not.toContain('S1"');
    }
  });

  it('refuses rows, joins, unknown functions and operators, and wrong types', async () => {
    const before = await logged();
    for (const body of [
      { dataset: DATASET, select: ['patient_no'] },
      { dataset: DATASET, join: 'other' },
      { dataset: DATASET, measures: [{ fn: 'min', item: 'cost' }] },
      { dataset: DATASET, measures: [{ fn: 'rows' }] },
      { dataset: DATASET, where: [{ item: 'cost', op: 'ne', value: 1 }] },
      { dataset: DATASET, groupBy: [1] },
      { dataset: DATASET, groupBy: ['sex', 'street', 'age_band', 'diagnosis'] },
      { dataset: DATASET, where: [{ item: 'cost', op: 'eq', value: { $gt: 1 } }] },
      { dataset: 'x'.repeat(101) },
      { dataset: DATASET, where: Array.from({ length: 6 }, () => ({ item: 'sex', op: 'eq', value: '男' })) },
      { dataset: DATASET, where: [{ item: 'sex', op: 'in', value: Array.from({ length: 21 }, (_, i) => `v${i}`) }] },
      { dataset: DATASET, where: [{ item: 'sex', op: 'eq', value: '男\u0000' }] },
      { dataset: DATASET, where: [{ item: 'sex', op: 'eq', value: '\ud800' }] },
    ]) {
      const res = await query(researcher.token, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expectProblem(res, 400);
    }
    // Refused at the edge: nothing reached the sandbox, nothing was stored.
    expect(await logged()).toBe(before);
    for (const body of [
      { dataset: DATASET, measures: [{ fn: 'sum', item: 'sex' }] },
      { dataset: DATASET, measures: [{ fn: 'avg' }] },
      { dataset: DATASET, where: [{ item: 'cost', op: 'gte', value: 'abc' }] },
      { dataset: DATASET, where: [{ item: 'sex', op: 'gte', value: '男' }] },
      { dataset: DATASET, groupBy: ['sex', 'sex'] },
    ]) {
      const res = await query(researcher.token, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expectProblem(res, 422, 'OPENDATA_SANDBOX_QUERY_INVALID');
    }
  });

  it('refuses a user without an approved sandbox application, and anyone not signed in', async () => {
    expectProblem(await query(stranger.token, { dataset: DATASET, groupBy: ['sex'] }), 403, 'OPENDATA_SANDBOX_NO_ACCESS');
    expectProblem(await query(null, { dataset: DATASET, groupBy: ['sex'] }), 401);
    expectProblem(await query(researcher.token, { dataset: 'no-such-dataset', groupBy: ['sex'] }), 404, 'OPENDATA_SANDBOX_UNKNOWN_DATASET');
  });
});

describe('sandbox log', () => {
  it('logs every query for the provider, refused ones too, and keeps it from other departments', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/opendata/sandbox/log?dataset=${DATASET}&limit=100`, headers: bearer(stewardWjw) });
    expect(res.statusCode).toBe(200);
    const log = res.json();
    expect(log.items.some((e: { status: string; refusalCode: string }) => e.status === 'refused' && e.refusalCode === 'OPENDATA_SANDBOX_ITEM_NOT_AGREED')).toBe(true);
    expect(log.items.some((e: { status: string; refusalCode: string; accountId: string }) => e.refusalCode === 'OPENDATA_SANDBOX_NO_ACCESS' && e.accountId === stranger.accountId)).toBe(true);
    const answered = log.items.find((e: { status: string; query: { groupBy: string[] } }) => e.status === 'answered' && e.query.groupBy[0] === 'street');
    expect(answered).toMatchObject({ groupsReturned: 3, groupsSuppressed: 2 });
    expect(log.perDay.length).toBeGreaterThan(0);
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/opendata/sandbox/log?dataset=${DATASET}`, headers: bearer(stewardScjg) }), 403, 'FORBIDDEN');
    const own = (await t.app.inject({ method: 'GET', url: '/api/opendata/sandbox/log', headers: bearer(stewardScjg) })).json();
    expect(own.items).toEqual([]);
    const all = (await t.app.inject({ method: 'GET', url: '/api/opendata/sandbox/log', headers: bearer(bureau) })).json();
    expect(all.items.length).toBeGreaterThan(5);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/opendata/sandbox/log', headers: bearer(researcher.token) }), 403);
  });

  it('refuses huge pages, bad cursors and unknown filters of the log', async () => {
    for (const url of ['/api/opendata/sandbox/log?limit=100000', '/api/opendata/sandbox/log?after=not-a-cursor', '/api/opendata/sandbox/log?rows=1', '/api/opendata/sandbox/queries?limit=0']) {
      const res = await t.app.inject({ method: 'GET', url, headers: bearer(bureau) });
      expect(res.statusCode, url).toBe(400);
      expectProblem(res, 400);
    }
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/opendata/sandbox/log?dataset=no-such', headers: bearer(bureau) }), 404, 'OPENDATA_SANDBOX_UNKNOWN_DATASET');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/opendata/sandbox/log' }), 401);
  });

  it('shows a user their own history only', async () => {
    const mine = (await t.app.inject({ method: 'GET', url: '/api/opendata/sandbox/queries?limit=100', headers: bearer(stranger.token) })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e: { accountId: string }) => e.accountId === stranger.accountId)).toBe(true);
  });
});

describe('sandbox settings and budget', () => {
  const save = (value: unknown) => t.app.inject({ method: 'PUT', url: '/api/settings/opendata.sandbox/regions/152201', headers: bearer(bureau), payload: { value, reason: '测试预算' } });

  it('refuses bad settings field by field', async () => {
    const res = await save({ k: 1, dailyBudget: 'many' });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).join(' ');
    expect(paths).toContain('k');
    expect(paths).toContain('dailyBudget');
    expectProblem(await t.app.inject({ method: 'PUT', url: '/api/settings/opendata.sandbox/regions/152201', headers: bearer(stewardWjw), payload: { value: { k: 2 }, reason: '降低阈值' } }), 403);
  });

  it('stops a user at the daily budget with 429, also two at once', async () => {
    const used = (await t.app.inject({ method: 'GET', url: '/api/opendata/sandbox/access', headers: bearer(researcher.token) })).json().budget.used;
    expect((await save({ k: 10, dailyBudget: used + 1 })).statusCode).toBe(200);
    const [a, b] = await Promise.all([query(researcher.token, { dataset: DATASET, groupBy: ['sex'] }), query(researcher.token, { dataset: DATASET, groupBy: ['sex'] })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 429]);
    expectProblem(a.statusCode === 429 ? a : b, 429, 'OPENDATA_SANDBOX_BUDGET_EXHAUSTED');
    const log = (await t.app.inject({ method: 'GET', url: '/api/opendata/sandbox/queries?limit=1', headers: bearer(researcher.token) })).json();
    expect(log.items[0]).toMatchObject({ status: 'refused', refusalCode: 'OPENDATA_SANDBOX_BUDGET_EXHAUSTED' });
    // The next day the budget is fresh.
    await advanceSignedIn(t, 24 * 3_600_000);
    expect((await query(researcher.token, { dataset: DATASET, groupBy: ['sex'] })).statusCode).toBe(200);
  });
});
