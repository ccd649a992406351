import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report, setupCases, step, type CaseWorld } from '../../testing/cases.ts';
import { bearer, startTestPlatform, staffToken, type TestPlatform } from '../../testing/platform.ts';

let t: TestPlatform;
let w: CaseWorld;
let street: string;
let otherUnit: string;

const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
const post = (url: string, token: string | undefined, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...(token ? bearer(token) : {}), ...headers }, payload: payload as object });
const queues = async (token: string) => Object.fromEntries(((await get('/api/cases/queues', token)).json() as { state: string; count: number }[]).map((q) => [q.state, q.count]));
const call = (content: string, phone: string, extra: Record<string, unknown> = {}) => ({ kind: 'complaint', content, callerName: '王女士', callerPhone: phone, ...extra });

/** Reports a case and dispatches it to the 爱国街道 office. */
async function dispatched(content: string, phone = '13904825555', extra: Record<string, unknown> = {}) {
  const r = await report(t, w.agent, call(content, phone, extra));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  // Distinct calls, not duplicates merged on intake.
  expect(r.body.duplicateOf).toBeNull();
  const d = await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: r.body.suggestions[0]?.categoryCode ?? '010101', departmentId: w.units.get('152201001') });
  expect(d.status, JSON.stringify(d.body)).toBe(200);
  return r.body.id as string;
}

beforeAll(async () => {
  t = await startTestPlatform();
  w = await setupCases(t);
  street = await w.handler('152201001');
  otherUnit = await staffToken(t, ['case_handler'], w.units.get('152201002')!);
});
afterAll(async () => t?.close());

describe('12345 queues by job', () => {
  it('gives the street 待签收 with counts, signs for several at once, and the centre 待回访 once replied', async () => {
    const a = await dispatched('爱国街道万佳社区3号楼门前垃圾堆放好几天了没人清运');
    const b = await dispatched('爱国街道万佳社区5号楼楼道灯坏了一个月了', '13904826666');
    expect(await queues(street)).toEqual({ dispatched: 2 });
    expect(await queues(otherUnit)).toEqual({});

    const inbox = (await get('/api/cases?scope=unit&state=dispatched', street)).json();
    expect(inbox.items.map((c: { myActions: string[] }) => c.myActions[0])).toEqual(['accept', 'accept']);
    // 批量签收: each case through the action engine; the other unit's attempt is refused per case.
    const refused = await post('/api/cases/bulk-actions', otherUnit, { action: 'accept', ids: [a] });
    expect(refused.json().results[0]).toMatchObject({ ok: false, status: 403 });
    const signed = await post('/api/cases/bulk-actions', street, { action: 'accept', ids: [a, b] });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true]);
    expect(await queues(street)).toEqual({ handling: 2 });
    // Never a decision in bulk.
    expect((await post('/api/cases/bulk-actions', street, { action: 'reply', ids: [a] })).statusCode).toBe(400);

    expect((await step(t, street, a, { action: 'reply', reason: '已清运完毕' })).status).toBe(200);
    const centre = await queues(w.agent);
    expect(centre.replied).toBe(1);
    expect(centre.dispatched ?? 0).toBe(0);
    const visits = (await get('/api/cases?scope=region&state=replied', w.agent)).json();
    expect(visits.items.map((c: { id: string }) => c.id)).toEqual([a]);
    expect(visits.items[0].myActions).toEqual(['close', 'reopen']);

    // A closed case is in nobody's to-do queue.
    expect((await step(t, w.agent, a, { action: 'close', visit: { reached: true, solved: true, satisfaction: 5 } })).status).toBe(200);
    expect((await queues(w.agent)).replied ?? 0).toBe(0);
    expect((await get('/api/cases?scope=unit', street)).json().items.map((c: { id: string }) => c.id)).toEqual([b]);
  });

  it('finds a caller’s cases by number from the body, matched by its keyed hash', async () => {
    const id = await dispatched('爱国街道兴安社区小区门口路面塌陷一个大坑', '13904827777');
    const r = await post('/api/cases/search', w.agent, { scope: 'region', phone: '13904827777' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await post('/api/cases/search', w.agent, { scope: 'region', phone: '13904820000' })).json().items).toEqual([]);
  });

  it('shows the number in full to whoever must call back, and records who, which case and why', async () => {
    const id = await dispatched('爱国街道和平社区夜间施工噪音扰民', '13904828888');
    // In the list and the case the number stays masked.
    const seen = (await get(`/api/cases/${id}`, street)).json();
    expect(seen.callerPhone).toBe('139****8888');
    expect(seen.canRevealPhone).toBe(true);
    expect((await get(`/api/cases/${id}`, w.agent)).json().callerPhone).toBe('139****8888');

    const r = await post(`/api/cases/${id}/caller-phone`, street, { purpose: 'handling' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().phone).toBe('13904828888');
    const v = await post(`/api/cases/${id}/caller-phone`, w.agent, { purpose: 'visit_back' });
    expect(v.json().phone).toBe('13904828888');
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').selectAll().where('object_id', '=', id).where('action', '=', 'caller_phone_revealed').orderBy('at').execute();
    expect(audit.length).toBe(2);
    expect(JSON.stringify(audit[0])).toContain('handling');
    expect(JSON.stringify(audit[1])).toContain('visit_back');
    expect(JSON.stringify(audit)).not.toContain('13904828888');

    // Another unit cannot; nothing is recorded for it.
    expect((await post(`/api/cases/${id}/caller-phone`, otherUnit, { purpose: 'handling' })).statusCode).toBe(403);
  });

  it('keeps a 保密件 caller from the handling unit, but not from the centre', async () => {
    const id = await dispatched('举报爱国街道某餐馆使用地沟油', '13904829999', { kind: 'report', confidential: true });
    expect((await get(`/api/cases/${id}`, street)).json()).toMatchObject({ callerPhone: null, canRevealPhone: false });
    const r = await post(`/api/cases/${id}/caller-phone`, street, { purpose: 'handling' }, { 'accept-language': 'en' });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'CASE_CALLER_HIDDEN' });
    expect(r.json().title).toContain('confidential');
    expect((await post(`/api/cases/${id}/caller-phone`, w.agent, { purpose: 'visit_back' })).json().phone).toBe('13904829999');
  });

  it('refuses bad input and callers without the right', async () => {
    const id = await dispatched('爱国街道胜利社区路灯不亮', '13904821111');
    for (const body of [{}, { purpose: 'curious' }, { purpose: 'handling', extra: 1 }]) expect((await post(`/api/cases/${id}/caller-phone`, street, body)).statusCode).toBe(400);
    expect((await post('/api/cases/not-a-uuid/caller-phone', street, { purpose: 'handling' })).statusCode).toBe(400);
    expect((await post(`/api/cases/${id}/caller-phone`, undefined, { purpose: 'handling' })).statusCode).toBe(401);
    for (const body of [{ phone: '12345' }, { q: '' }, { limit: 500 }, { unknown: true }]) expect((await post('/api/cases/search', w.agent, body)).statusCode).toBe(400);
    expect((await post('/api/cases/bulk-actions', street, { action: 'accept', ids: [] })).statusCode).toBe(400);
    expect((await get('/api/cases/queues')).statusCode).toBe(401);
  });
});
