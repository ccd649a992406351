import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { actorOf } from '../../../kernel/policy/index.ts';
import { bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { ACCESS_SETTINGS_KEY } from './settings.ts';

/* 下载与接口: downloads that are complete and safe to open, the preview, API keys and the open API with its rate — on a real records-backed resource of the data catalogue, synced and published by the open catalogue. */

let t: TestPlatform;
let alice: string;
let bob: string;
let staff: string;
let openId: string;
const ROWS = 2_345;
const admin = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };

/** The rows loaded into the data catalogue: one with a comma, quote and line break, one a spreadsheet would run as a formula. */
const world = {
  rows: Array.from({ length: ROWS }, (_, i) => ({
    name: i === 3 ? '含,逗号"引号"\n换行' : i === 4 ? '=1+2' : `商户${i + 1}`,
    amount: (i % 100) + 0.5,
    staff: i % 7,
    opened: `2020-0${(i % 9) + 1}-15`,
    secret: `S${i}`,
  })),
};

const resource = (code: string, name: string, dept: string, openType: 'open' | 'conditional') => ({
  code,
  name,
  description: `${name}（测试）`,
  providerDepartmentId: dept,
  regionCode: '152201',
  category: 'department',
  backing: 'records',
  backingRef: 'data_record',
  sharingType: openType === 'open' ? 'unconditional' : 'conditional',
  ...(openType === 'conditional' ? { sharingBasis: '涉及经营信息', openBasis: '涉及经营信息，依申请开放。' } : {}),
  openType,
  updateFrequency: 'monthly',
  items: (
    [
      ['name', '名称', 'string', 'L1'],
      ['amount', '金额', 'number', 'L1'],
      ['staff', '人数', 'integer', 'L1'],
      ['opened', '开业日期', 'date', 'L1'],
      ['secret', '经营者电话', 'string', 'L3'],
    ] as const
  ).map(([c, n, dataType, grade]) => ({ code: c, name: n, description: n, dataType, grade, importance: 'general', storage: { field: c } })),
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const post = (url: string, token: string | null, payload?: unknown) =>
  t.app.inject({ method: 'POST', url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown; body: string }, status: number, code?: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const p = res.json() as { code: string; zh: string; en: string };
  expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(p.en).toMatch(/[A-Za-z]/);
  if (code) expect(p.code).toBe(code);
  return p;
};
const db = () => t.p.kernel.db as never as import('kysely').Kysely<import('./tables.ts').AccessTables>;
const dayRow = () => db().selectFrom('opendata_access_day').selectAll().where('dataset_id', '=', openId).executeTakeFirst();

beforeAll(async () => {
  t = await startTestPlatform();
  const scjg = (await department(t, '152201', '市场监督管理局')).id;
  const bureau = await staffToken(t, ['data_admin'], scjg);
  for (const [code, name, openType] of [
    ['AC-OPEN', '个体商户名录', 'open'],
    ['AC-COND', '商户经营信息', 'conditional'],
    ['AC-DRAFT', '未发布的名录', 'open'],
  ] as const) {
    await t.p.data.catalogue.register(admin, resource(code, name, scjg, openType) as never);
    await t.p.data.records.load(
      admin,
      code,
      world.rows.map((values, i) => ({ id: String(i + 1).padStart(6, '0'), values })),
    );
  }
  expect((await post('/api/opendata/datasets/sync', bureau, {})).statusCode).toBe(200);
  for (const name of ['ac-open', 'ac-cond']) expect((await post(`/api/opendata/datasets/${name}/publish`, bureau)).statusCode).toBe(200);
  openId = (await t.p.opendata.catalogue.port!.byName('ac-open'))!.id;
  alice = (await personToken(t)).token;
  bob = (await personToken(t)).token;
  staff = await staffToken(t, ['data_admin'], (await department(t)).id);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('downloads', () => {
  it('gives every row of the published items as CSV with a BOM, and a value with comma, quote, newline or formula round-trips', async () => {
    const res = await get('/api/opendata/datasets/ac-open/download.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(String(res.headers['content-disposition'])).toBe(`attachment; filename="ac-open.csv"; filename*=UTF-8''${encodeURIComponent('个体商户名录.csv')}`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parse(res.rawPayload, { bom: true }) as string[][];
    expect(records[0]).toEqual(['name', 'amount', 'staff', 'opened']);
    expect(records.length - 1).toBe(ROWS);
    expect(records[4][0]).toBe('含,逗号"引号"\n换行');
    // A cell a spreadsheet would run as a formula is kept as text.
    expect(records[5][0]).toBe("'=1+2");
    expect(res.body).not.toContain('S10');
    const trace = await db().selectFrom('opendata_download').selectAll().where('format', '=', 'csv').execute();
    expect(trace).toMatchObject([{ row_count: ROWS, outcome: 'completed', account_id: null }]);
  });

  it('gives JSON that parses to every row, with no unpublished item', async () => {
    const res = await get('/api/opendata/datasets/ac-open/download.json', bearer(alice));
    expect(res.statusCode).toBe(200);
    const rows = res.json() as Record<string, unknown>[];
    expect(rows).toHaveLength(ROWS);
    expect(Object.keys(rows[0])).toEqual(['name', 'amount', 'staff', 'opened']);
    expect(rows[3].name).toBe('含,逗号"引号"\n换行');
    expect(rows[0]).toEqual({ name: '商户1', amount: 0.5, staff: 0, opened: '2020-01-15' });
    expect(rows.every((r) => !('secret' in r) && !('_id' in r))).toBe(true);
    const trace = await db().selectFrom('opendata_download').select('account_id').where('format', '=', 'json').executeTakeFirstOrThrow();
    expect(trace.account_id).not.toBeNull();
  });

  it('gives an XLSX that exceljs opens, with every row and numbers as numbers', async () => {
    const res = await get('/api/opendata/datasets/ac-open/download.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(ROWS + 1);
    expect(ws.getRow(1).values).toEqual([undefined, 'name', 'amount', 'staff', 'opened']);
    expect(ws.getRow(2).getCell(2).value).toBe(0.5);
  });

  it('counts completed downloads once per dataset and day', async () => {
    const day = await dayRow();
    expect(day).toMatchObject({ downloads: 3 });
    expect((await t.p.opendata.access.port.counts()).get(openId)).toEqual({ downloads: 3, calls: 0 });
    const daily = await t.p.opendata.access.port.daily(7);
    expect(daily).toHaveLength(7);
    expect(daily.at(-1)!.downloads).toBe(3);
    // The dataset page (catalogue area) shows the same count, read through the AccessPort.
    expect((await get('/api/opendata/datasets/ac-open')).json().counts).toMatchObject({ downloads: 3, calls: 0 });
  });

  it('stops reading when the client goes away and traces the download as interrupted', async () => {
    // The stream the route hands Fastify, destroyed as Fastify does when the client hangs up.
    const d = await t.p.opendata.access.downloads.start(null, 'ac-open', 'json');
    await new Promise((r) => d.stream.once('data', r));
    d.stream.destroy();
    let row;
    for (let i = 0; i < 200 && !row; i++) {
      await new Promise((r) => setImmediate(r));
      row = await db().selectFrom('opendata_download').selectAll().where('outcome', '=', 'interrupted').executeTakeFirst();
    }
    expect(row).toBeDefined();
    expect(row!.row_count).toBeLessThan(ROWS);
    expect((await dayRow())!.downloads).toBe(3);
  });

  it('refuses a conditional dataset (403), a draft or unknown one (404), and odd names, as problems in zh and en', async () => {
    expectProblem(await get('/api/opendata/datasets/ac-cond/download.csv'), 403, 'OPENDATA_DATASET_CONDITIONAL');
    expectProblem(await get('/api/opendata/datasets/ac-draft/download.csv'), 404, 'OPENDATA_DATASET_NOT_FOUND');
    expectProblem(await get('/api/opendata/datasets/nope/download.json'), 404);
    expectProblem(await get('/api/opendata/datasets/%00ac-open/download.csv'), 400);
    expectProblem(await get(`/api/opendata/datasets/${'a'.repeat(150)}/download.csv`), 414);
    expectProblem(await get('/api/opendata/datasets/%E6%B5/preview'), 400);
    expect(await db().selectFrom('opendata_download').select('id').where('outcome', '=', 'failed').execute()).toEqual([]);
  });
});

describe('preview', () => {
  it('shows the first 20 rows and min/max/avg with a histogram of each numeric item', async () => {
    const res = await get('/api/opendata/datasets/ac-open/preview');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.rows).toHaveLength(20);
    expect(p.total).toBe(ROWS);
    expect(p.items.map((i: { code: string }) => i.code)).toEqual(['name', 'amount', 'staff', 'opened']);
    const amount = p.numeric.find((n: { item: string }) => n.item === 'amount');
    expect(amount).toMatchObject({ min: 0.5, max: 99.5, count: ROWS });
    expect(amount.bins).toHaveLength(10);
    expect(amount.bins.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(ROWS);
    const staffBins = p.numeric.find((n: { item: string }) => n.item === 'staff').bins;
    expect(staffBins).toHaveLength(7);
    expect(staffBins.map((b: { from: number }) => b.from)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expectProblem(await get('/api/opendata/datasets/ac-cond/preview'), 403);
  });
});

describe('API keys', () => {
  let aliceKey: { id: string; key: string; prefix: string };

  it('registers a key shown once, stored only as its hash, listed without it', async () => {
    const res = await post('/api/opendata/keys', alice, { name: '公交查询小程序' });
    expect(res.statusCode).toBe(201);
    aliceKey = res.json();
    expect(aliceKey.key).toMatch(/^od_[0-9a-f]{10}_[A-Za-z0-9_-]{43}$/);
    expect(aliceKey.key.startsWith(`od_${aliceKey.prefix}_`)).toBe(true);
    const stored = await db().selectFrom('opendata_api_key').selectAll().where('id', '=', aliceKey.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(aliceKey.key.slice(14));
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    const list = (await t.app.inject({ method: 'GET', url: '/api/opendata/keys', headers: bearer(alice) })).json();
    expect(list.items).toMatchObject([{ id: aliceKey.id, name: '公交查询小程序', calls: 0, ratePerMinute: 60, revokedAt: null }]);
    expect(JSON.stringify(list)).not.toContain(aliceKey.key);
    // Staff may register too; each sees only their own.
    expect((await post('/api/opendata/keys', staff, { name: 'test' })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: '/api/opendata/keys', headers: bearer(staff) })).json().items).toHaveLength(1);
  });

  it('refuses a key without sign-in, with a bad name, and beyond 10 live keys', async () => {
    const before = await db().selectFrom('opendata_api_key').select('id').execute();
    expectProblem(await post('/api/opendata/keys', null, { name: 'x' }), 401);
    expectProblem(await post('/api/opendata/keys', bob, { name: '' }), 400);
    expectProblem(await post('/api/opendata/keys', bob, { name: { zh: 'x' } }), 400);
    expectProblem(await post('/api/opendata/keys', bob, { name: 'a\u0000b' }), 400);
    expectProblem(await post('/api/opendata/keys', bob, { name: 'x'.repeat(61) }), 400);
    expectProblem(await post('/api/opendata/keys', bob, { name: '   ' }), 400, 'OPENDATA_KEY_NAME');
    expectProblem(await post('/api/opendata/keys', bob, { name: 'a', extra: 1 }), 400);
    expect(await db().selectFrom('opendata_api_key').select('id').execute()).toHaveLength(before.length);
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => post('/api/opendata/keys', bob, { name: `k${i}` })));
    expect(made.filter((r) => r.statusCode === 201)).toHaveLength(10);
    for (const r of made.filter((x) => x.statusCode !== 201)) expectProblem(r, 409, 'OPENDATA_KEY_LIMIT');
  });

  it('does not let another account revoke my key, and a revoked key is refused', async () => {
    const other = await post(`/api/opendata/keys/${aliceKey.id}/revoke`, bob);
    expectProblem(other, 404, 'OPENDATA_KEY_NOT_FOUND');
    expect((await get('/api/opendata/v1/datasets', { 'x-api-key': aliceKey.key })).statusCode).toBe(200);
    expectProblem(await post('/api/opendata/keys/not-a-uuid/revoke', alice), 400);
    const res = await post(`/api/opendata/keys/${aliceKey.id}/revoke`, alice);
    expect(res.statusCode).toBe(200);
    expect(res.json().revokedAt).not.toBeNull();
    expectProblem(await post(`/api/opendata/keys/${aliceKey.id}/revoke`, alice), 409, 'OPENDATA_KEY_REVOKED');
    expectProblem(await get('/api/opendata/v1/datasets', { 'x-api-key': aliceKey.key }), 401, 'OPENDATA_KEY_INVALID');
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action']).where('object_id', '=', aliceKey.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['created', 'revoked']);
  });
});

describe('open API', () => {
  let key: string;
  let keyId: string;
  const rows = (q: string, k = key) => get(`/api/opendata/v1/datasets/ac-open/rows${q}`, k ? { 'x-api-key': k } : {});

  beforeAll(async () => {
    const res = (await post('/api/opendata/keys', alice, { name: 'api' })).json();
    key = res.key;
    keyId = res.id;
  });

  it('pages through every row with next, and filters on a published item', async () => {
    let next: string | null = null;
    let seen = 0;
    let pages = 0;
    do {
      const res = await rows(`?limit=1000${next ? `&after=${encodeURIComponent(next)}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.map((i: { code: string }) => i.code)).toEqual(['name', 'amount', 'staff', 'opened']);
      seen += body.rows.length;
      next = body.next;
      pages++;
    } while (next);
    expect(seen).toBe(ROWS);
    expect(pages).toBe(3);
    const f = (await rows('?staff=3&limit=1000')).json();
    expect(f.rows.length).toBe(world.rows.filter((r) => r.staff === 3).length);
    expect(f.rows.every((r: { staff: number }) => r.staff === 3)).toBe(true);
    const listed = (await get('/api/opendata/v1/datasets', { 'x-api-key': key })).json();
    expect(listed.items.map((d: { name: string }) => d.name)).toEqual(['ac-open']);
  });

  it('refuses no key, a made-up key, bad limits, garbage cursors, unknown or unpublished filters and NUL bytes', async () => {
    expectProblem(await rows('', ''), 401, 'OPENDATA_KEY_MISSING');
    expectProblem(await rows('', `od_0123456789_${'A'.repeat(43)}`), 401, 'OPENDATA_KEY_INVALID');
    expectProblem(await rows('', 'garbage'), 401, 'OPENDATA_KEY_INVALID');
    expectProblem(await rows('?limit=100000'), 400);
    expectProblem(await rows('?limit=0'), 400);
    expectProblem(await rows('?limit=abc'), 400);
    expectProblem(await rows('?after=garbage'), 400, 'OPENDATA_CURSOR_INVALID');
    expectProblem(await rows('?after=Zm9v.AAAAAAAA'), 400, 'OPENDATA_CURSOR_INVALID');
    expectProblem(await rows('?nosuch=1'), 400, 'OPENDATA_FILTER_UNKNOWN_ITEM');
    expectProblem(await rows('?secret=S1'), 400, 'OPENDATA_FILTER_UNKNOWN_ITEM');
    expectProblem(await rows('?staff=abc'), 400, 'OPENDATA_FILTER_VALUE');
    expectProblem(await rows('?name=%00'), 400);
    // Undecodable bytes reach no query as anything but an ordinary string that matches nothing.
    const broken = await rows('?name=%E6%B5');
    expect(broken.statusCode).toBe(200);
    expect(broken.json().rows).toEqual([]);
    expectProblem(await rows('?staff=1&staff=2'), 400);
    expectProblem(await get('/api/opendata/v1/datasets/ac-cond/rows', { 'x-api-key': key }), 403);
    expectProblem(await get('/api/opendata/v1/datasets/ac-draft/rows', { 'x-api-key': key }), 404);
  });

  it('gives 429 with Retry-After beyond the key’s rate, and counts only the calls served', async () => {
    await t.p.kernel.settings.save(actorOf(SYSTEM_PRINCIPAL), ACCESS_SETTINGS_KEY, '152201', { keyRatePerMinute: 3, maxKeysPerAccount: 10 }, 'test');
    await t.clock.advance(60_000);
    const before = (await t.p.opendata.access.port.counts()).get(openId)!.calls;
    const keyBefore = await db().selectFrom('opendata_api_key').select('calls').where('id', '=', keyId).executeTakeFirstOrThrow();
    const answers = await Promise.all(Array.from({ length: 5 }, () => rows('?limit=5')));
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(3);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(2);
    expectProblem(refused[0], 429, 'OPENDATA_KEY_RATE_LIMITED');
    expect(Number(refused[0].headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.p.opendata.access.port.counts()).get(openId)!.calls).toBe(before + 3);
    const keyAfter = await db().selectFrom('opendata_api_key').select(['calls', 'last_used_at']).where('id', '=', keyId).executeTakeFirstOrThrow();
    expect(Number(keyAfter.calls)).toBe(Number(keyBefore.calls) + 3);
    const traced = await db().selectFrom('opendata_api_call').select('status').where('key_id', '=', keyId).where('status', '=', 429).execute();
    expect(traced).toHaveLength(2);
    // A new minute, new room.
    await t.clock.advance(60_000);
    expect((await rows('?limit=1')).statusCode).toBe(200);
    await t.p.kernel.settings.save(actorOf(SYSTEM_PRINCIPAL), ACCESS_SETTINGS_KEY, '152201', { keyRatePerMinute: 60, maxKeysPerAccount: 10 }, 'test');
  });
});
