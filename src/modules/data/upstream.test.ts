import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../kernel/ids/index.ts';
import { SYSTEM_PRINCIPAL } from '../identity/index.ts';
import { gatewayCall, setupData, systemToken, type DataWorld } from '../../testing/data.ts';
import { bearer, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

/** A department's own system answering lookups over HTTP, as the 人社 social insurance system would. */
let upstream: http.Server;
let seen: string[] = [];
const person = makeCitizenId('152201', '1966-05-12', 88);
let t: TestPlatform;
let w: DataWorld;
let token = '';

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(q.get('sfzh') === person ? [{ sfzh: person, xm: '巴特尔', cbzt: '正常参保', jfjs: 4500 }] : []));
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  t = await startTestPlatform({}, { listen: true });
  w = await setupData(t, { people: 100, entities: 10 });
  const rsj = (await t.p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'RSJ', name: '人力资源和社会保障局' })).id;
  const rsjStaff = await staffToken(t, ['approver'], rsj);
  const reg = await t.app.inject({
    method: 'POST',
    url: '/api/data/resources',
    headers: { ...bearer(w.bureau), 'x-request-id': 'register-sb-insured' },
    payload: {
      code: 'SB-INSURED',
      name: '社会保险参保信息',
      providerDepartmentId: rsj,
      regionCode: '152201',
      category: 'department',
      backing: 'http',
      backingRef: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/insured`,
      keyItem: 'idNumber',
      sharingType: 'unconditional',
      openType: 'none',
      openBasis: '涉及个人信息',
      updateFrequency: 'realtime',
      items: [
        { code: 'idNumber', name: '公民身份号码', dataType: 'string', grade: 'L4', importance: 'important', storage: { field: 'sfzh' } },
        { code: 'name', name: '姓名', dataType: 'string', grade: 'L3', importance: 'general', storage: { field: 'xm' } },
        { code: 'status', name: '参保状态', dataType: 'string', grade: 'L2', importance: 'general', element: 'insurance.status', storage: { field: 'cbzt' } },
        { code: 'base', name: '缴费基数', dataType: 'number', grade: 'L3', importance: 'general', element: 'insurance.base', storage: { field: 'jfjs' } },
      ],
    },
  });
  expect(reg.statusCode, reg.body).toBe(201);
  const ask = await t.app.inject({ method: 'POST', url: '/api/data/requests', headers: bearer(w.consumer), payload: { resourceCode: 'SB-INSURED', systemName: '低保审核系统', purpose: '核对申请人参保状态', legalBasis: '《社会救助暂行办法》第十一条', items: ['idNumber', 'status'], periodFrom: '2026-03-02', periodTo: '2026-04-30' } });
  expect(ask.statusCode, ask.body).toBe(201);
  expect((await t.app.inject({ method: 'POST', url: `/api/data/requests/${ask.json().id}/decision`, headers: bearer(rsjStaff), payload: { decision: 'approve' } })).json().state).toBe('approved');
  const cred = (await t.app.inject({ method: 'POST', url: `/api/data/requests/${ask.json().id}/credentials`, headers: bearer(w.consumer) })).json();
  token = await systemToken(t, cred.clientId, cred.clientSecret);
});
afterAll(async () => {
  await t.close();
  upstream.close();
});

describe('a resource backed by an upstream HTTP API', () => {
  it('files its registration in the audit ledger under the request that made it', async () => {
    const entry = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['request_id']).where('object_type', '=', 'data.resource').where('action', '=', 'registered').where('request_id', '=', 'register-sb-insured').execute();
    expect(entry).toHaveLength(1);
  });

  it('proxies a lookup with the upstream field names, returns only granted items, masked, and traces it', async () => {
    seen = [];
    const res = await gatewayCall(t, token, 'SB-INSURED/query', { where: [{ item: 'idNumber', op: 'eq', value: person }] });
    expect(res.status).toBe(200);
    expect((await res.json()).rows).toEqual([{ idNumber: `${person.slice(0, 4)}**********${person.slice(-4)}`, status: '正常参保' }]);
    expect(seen).toEqual([`/insured?sfzh=${person}`]);
    expect((await gatewayCall(t, token, 'SB-INSURED/query', { where: [{ item: 'base', op: 'eq', value: 4500 }] })).status).toBe(403);
    expect(await (await gatewayCall(t, token, 'SB-INSURED/verify', { values: { idNumber: person } })).json()).toEqual({ match: true });
    const usage = await t.p.kernel.db.selectFrom('data_usage').select(['operation', 'row_count']).where('client_id', 'like', 'dg-%').orderBy('id').execute();
    expect(usage).toEqual([{ operation: 'query', row_count: 1 }, { operation: 'lookup', row_count: 1 }]);
  });

  it('answers 502 when the upstream system is down, and records the failure', async () => {
    upstream.close();
    const res = await gatewayCall(t, token, 'SB-INSURED/query', { where: [{ item: 'idNumber', op: 'eq', value: person }] });
    expect(res.status).toBe(502);
    expect((await res.json()).code).toBe('DATA_UPSTREAM_FAILED');
    expect((await t.p.kernel.db.selectFrom('data_usage').select('outcome').where('outcome', '=', 'upstream-failed').execute()).length).toBe(1);
  });
});
