import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOpenDatasets } from '../../../../seed/opendata/datasets.ts';
import { seedOpenSandbox } from '../../../../seed/opendata/sandbox.ts';
import { makeCitizenId } from '../../../kernel/ids/index.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { advanceSignedIn, bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { sandboxDb } from './tables.ts';

/*
 * 沙箱 through HTTP with real roles and the real areas: the data module's records (WJ-OUTPATIENT,
 * its rows replaced by 200 visits counted by hand here), the open catalogue (synced and published)
 * and a sandbox application approved by the 卫健委 steward and the bureau.
 */

const STREETS = ['152201001', '152201002', '152201003', '152201004', '152201005'];
// 100 + 60 + 29 + 4 + 7 = 200 visits; the last two streets are under k = 10, together holding 11.
const SIZES = [100, 60, 29, 4, 7];

interface Visit {
  sex: string;
  ageBand: string;
  streetCode: string;
  diagnosisCategory: string;
  institutionLevel: string;
  cost: number;
}

const visits: Visit[] = [];
{
  let n = 0;
  STREETS.forEach((street, s) => {
    for (let i = 0; i < SIZES[s]; i++, n++)
      visits.push({
        sex: n % 2 ? '男' : '女',
        // One person in the whole table is 80 or older: the one differencing would single out.
        ageBand: n === 17 ? '80岁及以上' : ['0-6岁', '18-39岁', '60-79岁'][n % 3],
        streetCode: street,
        diagnosisCategory: ['呼吸系统疾病', '循环系统疾病', '消化系统疾病', '肿瘤'][n % 4],
        institutionLevel: ['三级', '二级'][n % 2],
        // Every cost differs: a near-unique item.
        cost: 100 + n * 1.25,
      });
  });
}
const YOUNG = ['0-6岁', '18-39岁', '60-79岁'];
const AGREED = ['sex', 'ageBand', 'streetCode', 'diagnosisCategory', 'cost'];

let t: TestPlatform;
let researcher: { token: string; accountId: string };
let scoped: { token: string; accountId: string };
let stranger: { token: string; accountId: string };
let bureau: string;
let stewardWjw: string;
let stewardScjg: string;
const DATASET = 'wj-outpatient';
const APPS = '/api/opendata/applications';

const call = (method: 'GET' | 'POST', url: string, token: string | null, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const day = (offset: number) => new Date(t.clock.now().getTime() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** Applies for sandbox use of the outpatient visits, signs, and has the steward and the bureau approve. */
async function approvedSandbox(who: { token: string }, name: string, rowRegion: string | null) {
  const c = await call('POST', APPS, who.token, {
    dataset: DATASET,
    purpose: '门诊疾病负担的街道分布研究（聚合统计）',
    items: AGREED,
    rowRegion,
    periodFrom: day(0),
    periodTo: day(30),
    securityMeasures: '仅在沙箱内做聚合统计，结果只用于论文',
    delivery: 'sandbox',
    contact: { name, phone: '0482-8226000' },
  });
  expect(c.statusCode, c.body).toBe(201);
  const id = c.json().id;
  expect((await call('POST', `${APPS}/${id}/sign`, who.token, { name, agreementHash: c.json().agreementHash, confirm: true })).statusCode).toBe(200);
  expect((await call('POST', `${APPS}/${id}/submit`, who.token)).statusCode).toBe(200);
  expect((await call('POST', `${APPS}/${id}/decide`, stewardWjw, { action: 'approve', opinion: '同意' })).json()).toEqual({ state: 'bureau_review' });
  expect((await call('POST', `${APPS}/${id}/decide`, bureau, { action: 'approve' })).json()).toEqual({ state: 'approved' });
}

beforeAll(async () => {
  t = await startTestPlatform();
  const scjg = await department(t, '152201', '市场监督管理局');
  const wjw = await department(t, '152201', '卫生健康委员会');
  bureau = await staffToken(t, ['data_admin'], (await department(t)).id);
  stewardWjw = await staffToken(t, ['data_steward'], wjw.id);
  stewardScjg = await staffToken(t, ['data_steward'], scjg.id);
  await seedOpenDatasets(
    t.p,
    new Map([
      ['WJW', wjw.id],
      ['SCJG', scjg.id],
    ]),
    ['WJ-OUTPATIENT', 'WJ-CHRONIC'],
  );
  await t.p.data.records.load(
    { ...SYSTEM_PRINCIPAL, regionCode: '152201' },
    'WJ-OUTPATIENT',
    visits.map((v, i) => ({ id: `v${i}`, regionCode: v.streetCode, values: { ...v, streetName: v.streetCode, visitMonth: '2026-01', insured: true } })),
    { replace: true },
  );
  expect((await call('POST', '/api/opendata/datasets/sync', bureau, {})).statusCode).toBe(200);
  for (const name of [DATASET, 'wj-chronic']) {
    const r = await call('POST', `/api/opendata/datasets/${name}/publish`, bureau);
    expect(r.statusCode, r.body).toBe(200);
  }
  researcher = await personToken(t, { realName: { name: '李研究', idNumber: makeCitizenId('152201', '1990-01-01', 11) } });
  scoped = await personToken(t, { realName: { name: '赵街道', idNumber: makeCitizenId('152201', '1988-03-03', 13) } });
  stranger = await personToken(t, { realName: { name: '王旁人', idNumber: makeCitizenId('152201', '1985-05-05', 12) } });
  await approvedSandbox(researcher, '李研究', null);
  await approvedSandbox(scoped, '赵街道', STREETS[1]);
}, 300_000);

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
    // Only aggregates: no item outside the group-by and the measures appears.
    expect(res.body).not.toMatch(/institutionLevel|visitDate|streetName/);
  });

  it('suppresses a street under k while the other streets stay exact', async () => {
    const res = await query(researcher.token, { dataset: DATASET, groupBy: ['streetCode'], measures: [{ fn: 'sum', item: 'cost' }] });
    const body = res.json();
    expect(res.statusCode).toBe(200);
    const by = new Map(body.groups.map((g: { key: { streetCode: string } }) => [g.key.streetCode, g]));
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
    const butOne = (await query(researcher.token, { dataset: DATASET, measures: [{ fn: 'sum', item: 'cost' }], where: [{ item: 'ageBand', op: 'in', value: YOUNG }] })).json();
    expect(butOne.groups[0]).toMatchObject({ count: null, values: null, suppressed: true, reason: 'difference' });
    // A numeric threshold that leaves out only the dearest visit is caught the same way …
    const dearest = Math.max(...visits.map((v) => v.cost));
    const cheaper = (await query(researcher.token, { dataset: DATASET, where: [{ item: 'cost', op: 'lte', value: dearest - 0.5 }] })).json();
    expect(cheaper.groups[0]).toMatchObject({ count: null, suppressed: true, reason: 'difference' });
    // … while one that leaves out many is answered exactly.
    const wide = (await query(researcher.token, { dataset: DATASET, where: [{ item: 'cost', op: 'gte', value: 200 }] })).json();
    expect(wide.groups[0]).toMatchObject({ count: visits.filter((v) => v.cost >= 200).length, suppressed: false });
    // Grouped: the group holding the person is hidden, the other stays.
    const bySex = (await query(researcher.token, { dataset: DATASET, groupBy: ['sex'], where: [{ item: 'ageBand', op: 'in', value: YOUNG }] })).json();
    const person = visits.find((v) => v.ageBand === '80岁及以上')!;
    expect(bySex.groups.find((g: { key: { sex: string } }) => g.key.sex === person.sex)).toMatchObject({ suppressed: true });
  });

  it('hides more of a row than its one small cell, so the row total cannot give it away', async () => {
    const body = (await query(researcher.token, { dataset: DATASET, groupBy: ['sex', 'ageBand'] })).json();
    const person = visits.find((v) => v.ageBand === '80岁及以上')!;
    const line = body.groups.filter((g: { key: { sex: string } }) => g.key.sex === person.sex);
    expect(line.find((g: { key: { ageBand: string } }) => g.key.ageBand === '80岁及以上')).toMatchObject({ suppressed: true, reason: 'small' });
    const rowTotal = visits.filter((v) => v.sex === person.sex).length;
    const shown = line.filter((g: { suppressed: boolean }) => !g.suppressed).reduce((s: number, g: { count: number }) => s + g.count, 0);
    expect(rowTotal - shown).toBeGreaterThanOrEqual(10);
    // Filtering the person out instead: the emptied cell still hides a neighbour.
    const filtered = (await query(researcher.token, { dataset: DATASET, groupBy: ['sex', 'ageBand'], where: [{ item: 'ageBand', op: 'in', value: YOUNG }] })).json();
    const shownF = filtered.groups.filter((g: { key: { sex: string }; suppressed: boolean }) => g.key.sex === person.sex && !g.suppressed).reduce((s: number, g: { count: number }) => s + g.count, 0);
    expect(rowTotal - shownF).toBeGreaterThanOrEqual(10);
  });

  it('suppresses every group of a group-by on a unique item and lists none of its values', async () => {
    const res = await query(researcher.token, { dataset: DATASET, groupBy: ['cost'] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.groups).toEqual([]);
    expect(body.suppressedGroups).toBe(200);
    expect(body.keysWithheld).toBe(true);
    // The answer's own ids are hex and may hold "100" or "115" by chance: look at everything but them.
    const { id, datasetId, ...shown } = body;
    void id;
    void datasetId;
    for (const v of visits.slice(0, 20)) expect(JSON.stringify(shown)).not.toContain(String(v.cost));
  });

  it('refuses an equality filter on a near-unique item', async () => {
    const res = await query(researcher.token, { dataset: DATASET, where: [{ item: 'cost', op: 'eq', value: visits[17].cost }] });
    expectProblem(res, 422, 'OPENDATA_SANDBOX_NEAR_UNIQUE_FILTER');
  });

  it('refuses items outside the agreement, wherever they are named', async () => {
    for (const body of [
      { dataset: DATASET, groupBy: ['institutionLevel'] },
      { dataset: DATASET, groupBy: ['visitDate'] },
      { dataset: DATASET, measures: [{ fn: 'count' }, { fn: 'avg', item: 'cost' }], where: [{ item: 'institutionLevel', op: 'eq', value: '三级' }] },
      { dataset: DATASET, groupBy: ['no_such_item'] },
    ]) {
      const res = await query(researcher.token, body);
      expectProblem(res, 403, 'OPENDATA_SANDBOX_ITEM_NOT_AGREED');
      expect(res.body).not.toContain('三级"');
    }
  });

  it('refuses rows, joins, unknown functions and operators, and wrong types', async () => {
    const before = await logged();
    for (const body of [
      { dataset: DATASET, select: ['cost'] },
      { dataset: DATASET, join: 'other' },
      { dataset: DATASET, measures: [{ fn: 'min', item: 'cost' }] },
      { dataset: DATASET, measures: [{ fn: 'rows' }] },
      { dataset: DATASET, where: [{ item: 'cost', op: 'ne', value: 1 }] },
      { dataset: DATASET, groupBy: [1] },
      { dataset: DATASET, groupBy: ['sex', 'streetCode', 'ageBand', 'diagnosisCategory'] },
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

  it('always applies the agreement’s row scope', async () => {
    const body = (await query(scoped.token, { dataset: DATASET, groupBy: ['streetCode'], measures: [{ fn: 'sum', item: 'cost' }] })).json();
    const rows = visits.filter((v) => v.streetCode === STREETS[1]);
    expect(body.groups).toEqual([{ key: { streetCode: STREETS[1] }, count: rows.length, values: [rows.reduce((s, v) => s + v.cost, 0)], suppressed: false, reason: null }]);
    // Filtering for another street finds nobody, and says no more than that.
    const other = (await query(scoped.token, { dataset: DATASET, where: [{ item: 'streetCode', op: 'eq', value: STREETS[0] }] })).json();
    expect(other.groups[0]).toMatchObject({ count: null, suppressed: true });
  });

  it('refuses a user without an approved sandbox application, another dataset, and anyone not signed in', async () => {
    expectProblem(await query(stranger.token, { dataset: DATASET, groupBy: ['sex'] }), 403, 'OPENDATA_SANDBOX_NO_ACCESS');
    expectProblem(await query(researcher.token, { dataset: 'wj-chronic', groupBy: ['streetCode'] }), 403, 'OPENDATA_SANDBOX_NO_ACCESS');
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
    const answered = log.items.find(
      (e: { status: string; accountId: string; query: { groupBy: string[] } }) => e.accountId === researcher.accountId && e.status === 'answered' && e.query.groupBy[0] === 'streetCode',
    );
    expect(answered).toMatchObject({ groupsReturned: 3, groupsSuppressed: 2 });
    expect(log.perDay.length).toBeGreaterThan(0);
    // Filtered by the name shown: only that person's queries.
    const byName = (await t.app.inject({ method: 'GET', url: `/api/opendata/sandbox/log?dataset=${DATASET}&account=${encodeURIComponent('赵街道')}`, headers: bearer(stewardWjw) })).json();
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((e: { accountId: string }) => e.accountId === scoped.accountId)).toBe(true);
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

describe('the demo seed', () => {
  it('does nothing without citizen01, and with an approved citizen01 leaves queries with suppressed groups in the log', async () => {
    const before = await logged();
    await seedOpenSandbox(t.p, new Map());
    expect(await logged()).toBe(before);
    await t.p.kernel.db.updateTable('identity_account').set({ username: 'citizen01' }).where('id', '=', researcher.accountId).execute();
    await seedOpenSandbox(t.p, new Map());
    const mine = (await t.app.inject({ method: 'GET', url: '/api/opendata/sandbox/queries?limit=5', headers: bearer(researcher.token) })).json();
    const seeded = mine.items.slice(0, (await logged()) - before);
    expect(seeded.length).toBeGreaterThanOrEqual(3);
    expect(seeded.every((e: { status: string }) => e.status === 'answered')).toBe(true);
    expect(seeded.some((e: { groupsSuppressed: number }) => e.groupsSuppressed > 0)).toBe(true);
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
    // The two were logged in whichever order they finished: both are the newest two, one refused.
    const log = (await t.app.inject({ method: 'GET', url: '/api/opendata/sandbox/queries?limit=2', headers: bearer(researcher.token) })).json();
    expect((log.items as { status: string; refusalCode: string | null }[]).map((q) => [q.status, q.refusalCode]).sort()).toEqual([
      ['answered', null],
      ['refused', 'OPENDATA_SANDBOX_BUDGET_EXHAUSTED'],
    ]);
    // The next day the budget is fresh.
    await advanceSignedIn(t, 24 * 3_600_000);
    expect((await query(researcher.token, { dataset: DATASET, groupBy: ['sex'] })).statusCode).toBe(200);
  });
});
