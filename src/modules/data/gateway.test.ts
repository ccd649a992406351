import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePolicy, SYSTEM_PRINCIPAL } from '../identity/index.ts';
import { DepartmentNames } from '../org/index.ts';
import { DataCatalogue } from './catalogue.ts';
import { DataGateway } from './gateway.ts';
import { GrantRate } from './grant-rate.ts';
import { UsageLog } from './usage-log.ts';
import { gatewayCall, setupData, systemToken, type DataWorld } from '../../testing/data.ts';
import { bearer, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

let t: TestPlatform;
let w: DataWorld;
let known: { idNumber: string; name: string; regionCode: string };
let requestId = '';
let token = '';
let clientId = '';

const api = (method: 'GET' | 'POST', url: string, tok: string, payload?: unknown) => t.app.inject({ method, url, headers: bearer(tok), ...(payload !== undefined ? { payload: payload as object } : {}) });
const usageCount = async () => Number((await t.p.kernel.db.selectFrom('data_usage').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await startTestPlatform({}, { listen: true });
  w = await setupData(t, { people: 3000, entities: 300 });
  const row = await t.p.kernel.db.selectFrom('data_population').select(['id_number_enc', 'name', 'region_code']).where('region_code', '=', '152201').orderBy('id').limit(1).executeTakeFirstOrThrow();
  known = { idNumber: t.p.kernel.crypto.decryptField(row.id_number_enc!), name: row.name!, regionCode: row.region_code };
});
afterAll(() => t.close());

describe('the catalogue', () => {
  it('finds resources in Chinese and keeps one source per data element', async () => {
    const hits = (await api('GET', `/api/data/resources?q=${encodeURIComponent('人口')}`, w.consumer)).json();
    expect(hits[0]).toMatchObject({ code: 'RK-POPULATION', providerName: '公安局', sharingType: 'conditional' });
    const detail = (await api('GET', '/api/data/resources/RK-POPULATION', w.consumer)).json();
    expect(detail.items.find((i: { code: string }) => i.code === 'idNumber')).toMatchObject({ standard: 'GB 11643-1999', grade: 'L4' });
    const copy = { code: 'MZ-PEOPLE', name: '民政服务对象', providerDepartmentId: w.depts.MZJ, regionCode: '152201', category: 'department', backing: 'table', backingRef: 'data_population', sharingType: 'unconditional', openType: 'open', updateFrequency: 'monthly', items: [{ code: 'name', name: '姓名', dataType: 'string', grade: 'L3', importance: 'general', element: 'person.name', storage: { column: 'name' } }] };
    const twice = await api('POST', '/api/data/resources', w.bureau, copy);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'DATA_ITEM_HAS_SOURCE', zh: expect.stringContaining('人口基础信息') });
    expect((await api('POST', '/api/data/resources', w.bureau, { ...copy, backingRef: 'identity_person' })).json().code).toBe('DATA_RESOURCE_INVALID');
    expect((await api('POST', '/api/data/resources', w.bureau, { ...copy, sharingType: 'conditional', items: [{ ...copy.items[0], element: undefined }] })).json().code).toBe('DATA_BASIS_REQUIRED');
    expect((await api('POST', '/api/data/resources', w.consumer, copy)).statusCode).toBe(403);
  });

  it('keeps the responsibility, demand and negative lists', async () => {
    expect((await api('POST', '/api/data/lists', w.bureau, { list: 'duty', departmentId: w.depts.GAJ, resourceCode: 'RK-POPULATION', title: '人口基础信息' })).statusCode).toBe(201);
    expect((await api('POST', '/api/data/lists', w.consumer, { list: 'demand', departmentId: w.depts.MZJ, resourceCode: 'RK-POPULATION', title: '低保申请人身份核验' })).statusCode).toBe(201);
    expect((await api('POST', '/api/data/lists', w.consumer, { list: 'negative', departmentId: w.depts.GAJ, title: '我说不能共享' })).statusCode).toBe(403);
    expect((await api('POST', '/api/data/lists', w.bureau, { list: 'wish', departmentId: w.depts.GAJ, title: 'x' })).statusCode).toBe(400);
    expect((await api('GET', '/api/data/lists/demand', w.provider)).json()).toEqual([expect.objectContaining({ title: '低保申请人身份核验', resourceCode: 'RK-POPULATION' })]);
  });
});

describe('a sharing request becomes a grant', () => {
  it('goes provider → data bureau for a conditional resource and issues credentials once', async () => {
    const ask = { resourceCode: 'RK-POPULATION', systemName: '低保审核系统', purpose: '最低生活保障申请人身份核验', legalBasis: '《社会救助暂行办法》第十一条', items: ['idNumber', 'name', 'birthDate'], rowRegion: '152201', periodFrom: '2026-03-02', periodTo: '2026-03-31' };
    expect((await api('POST', '/api/data/requests', w.consumer, { ...ask, items: ['idNumber', 'salary'] })).json().code).toBe('DATA_UNKNOWN_ITEMS');
    expect((await api('POST', '/api/data/requests', w.consumer, { ...ask, periodTo: '2028-01-01' })).json().code).toBe('DATA_PERIOD_INVALID');
    const created = await api('POST', '/api/data/requests', w.consumer, ask);
    expect(created.statusCode, created.body).toBe(201);
    requestId = created.json().id;
    expect((await api('POST', `/api/data/requests/${requestId}/decision`, w.consumer, { decision: 'approve' })).statusCode).toBe(403);
    expect((await api('POST', `/api/data/requests/${requestId}/decision`, w.provider, { decision: 'approve', items: ['idNumber', 'name', 'sex'] })).json().code).toBe('DATA_NARROW_ONLY');
    // The provider narrows it to two items; the data bureau approves the conditional resource.
    const first = await api('POST', `/api/data/requests/${requestId}/decision`, w.provider, { decision: 'approve', items: ['idNumber', 'name'] });
    expect(first.json()).toMatchObject({ state: 'bureau_review' });
    const second = await api('POST', `/api/data/requests/${requestId}/decision`, w.bureau, { decision: 'approve' });
    expect(second.json()).toMatchObject({ state: 'approved', clientId: expect.stringMatching(/^dg-/) });
    // Each decision is a step in the request's action log, with who took it and what was narrowed.
    const steps = await t.p.kernel.db.selectFrom('data_request_action').select(['action', 'from_state', 'to_state', 'payload']).where('request_id', '=', requestId).orderBy('at').orderBy('id').execute();
    expect(steps.map((s) => `${s.action}:${s.to_state}`)).toEqual(['submit:submitted', 'forward:bureau_review', 'bureau_approve:approved']);
    expect(steps[1].payload).toMatchObject({ items: ['idNumber', 'name'] });
    expect((await api('POST', `/api/data/requests/${requestId}/decision`, w.bureau, { decision: 'refuse', reason: '改主意了' })).json().code).toBe('DATA_REQUEST_STATE');
    const cred = await api('POST', `/api/data/requests/${requestId}/credentials`, w.consumer);
    expect(cred.statusCode, cred.body).toBe(200);
    expect((await api('POST', `/api/data/requests/${requestId}/credentials`, w.consumer)).statusCode).toBe(409);
    clientId = cred.json().clientId;
    token = await systemToken(t, clientId, cred.json().clientSecret);
  });
});

describe('the gateway, over HTTP with a client-credentials token', () => {
  it('verifies a person by ID number and name without returning the record', async () => {
    const yes = await gatewayCall(t, token, 'RK-POPULATION/verify', { values: { idNumber: known.idNumber, name: known.name } });
    expect(await yes.json()).toEqual({ match: true });
    expect(await (await gatewayCall(t, token, 'RK-POPULATION/verify', { values: { idNumber: known.idNumber, name: `${known.name}x` } })).json()).toEqual({ match: false });
    expect(await (await gatewayCall(t, token, 'RK-POPULATION/verify', { values: { idNumber: "' OR 1=1 --", name: "x'; DROP TABLE data_population; --" } })).json()).toEqual({ match: false });
    expect(Number((await t.p.kernel.db.selectFrom('data_population').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(3000);
  });

  it('returns only the two granted items, masked by grade, and never a third', async () => {
    const res = await gatewayCall(t, token, 'RK-POPULATION/query', { where: [{ item: 'idNumber', op: 'eq', value: known.idNumber }] });
    const body = await res.json();
    expect(body.rows).toHaveLength(1);
    expect(Object.keys(body.rows[0]).sort()).toEqual(['_id', 'idNumber', 'name']);
    expect(body.rows[0].idNumber).toBe(`${known.idNumber.slice(0, 4)}**********${known.idNumber.slice(-4)}`);
    expect(body.rows[0].name).toBe(`${[...known.name][0]}${'*'.repeat([...known.name].length - 1)}`);
    const third = await gatewayCall(t, token, 'RK-POPULATION/query', { items: ['idNumber', 'birthDate'] });
    expect(third.status).toBe(403);
    expect((await third.json()).code).toBe('DATA_ITEM_NOT_GRANTED');
    // Filtering on an item outside the grant would reveal it; refused too.
    const filter = await gatewayCall(t, token, 'RK-POPULATION/query', { where: [{ item: 'birthDate', op: 'gte', value: '1990-01-01' }] });
    expect(filter.status).toBe(403);
    const all = await (await gatewayCall(t, token, 'RK-POPULATION/query', { limit: 100 })).json();
    expect(all.rows.every((r: Record<string, unknown>) => Object.keys(r).length === 3 && String(r.idNumber).includes('*'))).toBe(true);
    expect(all.next).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses malformed conditions and huge pages with bilingual problems', async () => {
    for (const body of [{ limit: 100000 }, { where: [{ item: 'idNumber', op: 'like', value: '%' }] }, { where: [{ item: 'idNumber', op: 'prefix', value: '1522' }] }, { where: [{ item: 'name', op: 'in', value: [] }] }, { where: 'id=1' }]) {
      const res = await gatewayCall(t, token, 'RK-POPULATION/query', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const p = await res.json();
      expect(p.zh && p.en).toBeTruthy();
    }
  });

  it('traces each of many calls made at once, and returns nothing when the trace cannot be written', async () => {
    const before = await usageCount();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => gatewayCall(t, token, 'RK-POPULATION/verify', { values: { idNumber: known.idNumber, name: i % 2 ? known.name : '不是此人' } })));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
    expect((await Promise.all(answers.map((a) => a.json()))).filter((a) => a.match)).toHaveLength(20);
    // Calls answered together share one INSERT, yet every one has its own record.
    expect(await usageCount()).toBe(before + 40);
    const db = t.p.kernel.db;
    await db.schema.alterTable('data_usage').renameTo('data_usage_away').execute();
    try {
      const res = await gatewayCall(t, token, 'RK-POPULATION/query', { where: [{ item: 'idNumber', op: 'eq', value: known.idNumber }] });
      expect(res.status).toBe(503);
      const problem = await res.json();
      expect(problem).toMatchObject({ code: 'DATA_USAGE_NOT_RECORDED', zh: expect.stringContaining('使用记录'), en: expect.stringContaining('usage record') });
      expect(JSON.stringify(problem)).not.toContain(known.name);
    } finally {
      await db.schema.alterTable('data_usage_away').renameTo('data_usage').execute();
    }
    expect(await usageCount()).toBe(before + 40);
    expect((await gatewayCall(t, token, 'RK-POPULATION/verify', { values: { idNumber: known.idNumber, name: known.name } })).status).toBe(200);
  });

  it('holds a grant to its calls per minute across two app nodes on one database', async () => {
    const k = t.p.kernel;
    await k.db.updateTable('data_grant').set({ rate_per_minute: 10 }).where('client_id', '=', clientId).execute();
    t.p.data.gateway.forget(clientId);
    t.clock.advance(60_000); // a fresh minute
    // A second node: its own caches and counters, the same database.
    const rateB = new GrantRate(k);
    const nodeB = new DataGateway(k, new DataCatalogue(k, rolePolicy, new DepartmentNames(t.p.org.service)), new UsageLog(k), rateB);
    const system = { accountId: `client:${clientId}`, type: 'client' as const, name: '低保审核系统', regionCode: '152201', departmentId: null, roles: [], permissions: new Set(['data.gateway']), sessionId: null };
    const values = { idNumber: known.idNumber, name: known.name };
    const onA = async () => (await gatewayCall(t, token, 'RK-POPULATION/verify', { values })).status;
    const onB = () => nodeB.lookup(system, 'RK-POPULATION', values).then(() => 200, (e: { status: number }) => e.status);
    const a: number[] = [];
    for (let i = 0; i < 6; i++) a.push(await onA());
    expect(a).toEqual(Array(6).fill(200));
    // Node A shares its counts (its timer does this within a second of a call; here at once).
    await t.p.data.rate.sync();
    const b: number[] = [];
    for (let i = 0; i < 6; i++) b.push(await onB());
    // Node B read A's six before its first call: four more fit in the grant's ten.
    expect(b).toEqual([200, 200, 200, 200, 429, 429]);
    await rateB.sync();
    await t.p.data.rate.sync();
    const refusal = await gatewayCall(t, token, 'RK-POPULATION/verify', { values });
    expect(refusal.status).toBe(429);
    expect(await refusal.json()).toMatchObject({ code: 'DATA_GRANT_RATE', zh: expect.any(String), en: expect.any(String) });
    // A new minute, a new allowance.
    t.clock.advance(60_000);
    expect(await onA()).toBe(200);
    await k.db.updateTable('data_grant').set({ rate_per_minute: 6000 }).where('client_id', '=', clientId).execute();
    t.p.data.gateway.forget(clientId);
  });

  it('exports the rows of the granted region as NDJSON, and traces every call', async () => {
    const before = await usageCount();
    const res = await gatewayCall(t, token, 'RK-POPULATION/export', {});
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    const inRegion = Number((await t.p.kernel.db.selectFrom('data_population').select((eb) => eb.fn.countAll().as('n')).where('region_code', 'like', '152201%').executeTakeFirstOrThrow()).n);
    expect(lines).toHaveLength(inRegion);
    expect(lines.length).toBeLessThan(3000);
    expect(Object.keys(lines[0]).sort()).toEqual(['idNumber', 'name']);
    expect(await usageCount()).toBe(before + 1);
    const usage = (await api('GET', '/api/data/usage?resource=RK-POPULATION', w.provider)).json();
    expect(usage[0]).toMatchObject({ operation: 'export', rows: inRegion, purpose: '最低生活保障申请人身份核验', outcome: 'ok' });
    expect(usage.length).toBeGreaterThanOrEqual(5);
    const csv = await api('GET', '/api/data/usage?resource=RK-POPULATION&format=csv', w.bureau);
    expect(csv.body).toContain('最低生活保障申请人身份核验');
    expect((await api('GET', '/api/data/usage', w.consumer)).json()).toEqual([]);
  });

  it('takes a data objection on a row, which the provider answers, and shows the loop and the figures', async () => {
    const found = await (await gatewayCall(t, token, 'RK-POPULATION/query', { where: [{ item: 'idNumber', op: 'eq', value: known.idNumber }] })).json();
    const rowId = found.rows[0]._id;
    const raised = await api('POST', '/api/data/objections', w.consumer, { resourceCode: 'RK-POPULATION', rowId, item: 'name', description: '申请人户口簿姓名与库中不一致' });
    expect(raised.statusCode, raised.body).toBe(201);
    expect((await api('POST', '/api/data/objections', w.consumer, { resourceCode: 'RK-POPULATION', rowId: '01900000-0000-7000-8000-00000000dead', item: 'name', description: '不存在的行' })).json().code).toBe('DATA_ROW_NOT_FOUND');
    expect((await api('POST', '/api/data/objections', w.provider, { resourceCode: 'RK-POPULATION', rowId, item: 'name', description: '没有授权的部门' })).json().code).toBe('DATA_GRANT_MISSING');
    const todo = (await api('GET', '/api/data/objections?scope=to-answer', w.provider)).json();
    expect(todo).toEqual([expect.objectContaining({ rowId, item: 'name', state: 'open', overdue: false })]);
    expect((await api('POST', `/api/data/objections/${raised.json().id}/answer`, w.consumer, { outcome: 'explained', answer: '我说没问题' })).statusCode).toBe(403);
    expect((await api('POST', `/api/data/objections/${raised.json().id}/answer`, w.provider, { outcome: 'corrected', answer: '已按户籍档案更正姓名' })).statusCode).toBe(204);
    expect((await api('GET', '/api/data/objections?scope=raised', w.consumer)).json()[0]).toMatchObject({ state: 'corrected', answer: '已按户籍档案更正姓名' });
    const figures = (await api('GET', '/api/data/figures', w.bureau)).json();
    expect(figures).toMatchObject({ onDemandRate: 1, objections: { corrected: 1 }, overdueObjections: 0 });
    expect(figures.callsByResource[0]).toMatchObject({ code: 'RK-POPULATION' });
    expect(figures.callsByResource[0].calls).toBeGreaterThanOrEqual(6);
  });

  it('refuses a system without the gateway scope, a revoked grant and an expired one', async () => {
    const admin = await t.p.identity.clients.create(SYSTEM_PRINCIPAL, { clientId: 'org-reader', name: '组织机构读取', confidential: true, redirectUris: [], grantTypes: ['client_credentials'], scopes: ['org.read'], accountTypes: [] });
    const other = await systemToken(t, 'org-reader', admin.secret!, 'org.read');
    expect((await gatewayCall(t, other, 'RK-POPULATION/query', {})).status).toBe(403);
    t.clock.advance(40 * 86_400_000);
    const expired = await gatewayCall(t, token, 'RK-POPULATION/query', {});
    expect(expired.status).toBe(403);
    expect((await expired.json()).code).toBe('DATA_GRANT_MISSING');
    const refused = await t.p.kernel.db.selectFrom('data_usage').select('outcome').where('operation', '=', 'refused').execute();
    expect(refused.length).toBeGreaterThanOrEqual(1);
    t.clock.set('2026-03-02T09:00:00+08:00');
    const grant = await t.p.kernel.db.selectFrom('data_grant').select('id').where('request_id', '=', requestId).executeTakeFirstOrThrow();
    expect((await api('POST', `/api/data/grants/${grant.id}/revoke`, w.provider, { reason: '系统停用' })).statusCode).toBe(204);
    // At once: the gateway forgets its cached grant when the revocation commits.
    expect((await gatewayCall(t, token, 'RK-POPULATION/query', {})).status).toBe(403);
  });
});
