import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AIGUO, report, setupCases, step, type CaseWorld } from '../../testing/cases.ts';
import { bearer, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

let t: TestPlatform;
let w: CaseWorld;

beforeAll(async () => {
  t = await startTestPlatform();
  w = await setupCases(t);
});
afterAll(async () => t?.close());

describe('12345 cases: intake to visit back', () => {
  it('takes a call, suggests the street office, and closes the loop after the street replies', async () => {
    const r = await report(t, w.agent, { kind: 'complaint', content: '爱国街道万佳社区3号楼门前垃圾堆放好几天了没人清运，气味很大', callerName: '王女士', callerPhone: '13904821234', lon: AIGUO[0], lat: AIGUO[1], address: '万佳社区3号楼' });
    expect(r.status).toBe(201);
    expect(r.body.number).toMatch(/^152201-GD-20260302-\d{6}$/);
    const top = r.body.suggestions[0];
    expect(top.categoryCode).toBe('010101');
    expect(top.departmentId).toBe(w.units.get('152201001'));
    expect(r.body.suggestions.length).toBeGreaterThan(0);

    const d = await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: top.categoryCode, departmentId: top.departmentId });
    expect(d.status).toBe(200);
    expect(d.body.state).toBe('dispatched');
    expect(d.body.tookFirst).toBe(true);
    expect(d.body.responseDueAt).not.toBeNull();

    const street = await w.handler('152201001');
    const inbox = await t.app.inject({ method: 'GET', url: '/api/cases?scope=unit', headers: bearer(street) });
    expect(inbox.statusCode, inbox.body).toBe(200);
    expect(inbox.json().items.map((c: { id: string }) => c.id)).toContain(r.body.id);
    const seen = await t.app.inject({ method: 'GET', url: `/api/cases/${r.body.id}`, headers: bearer(street) });
    expect(seen.json().callerPhone).toBe('139****1234');
    expect((await step(t, street, r.body.id, { action: 'accept' })).body.state).toBe('handling');
    const replied = await step(t, street, r.body.id, { action: 'reply', reason: '已协调环卫所清运完毕，并增设垃圾桶两个' });
    expect(replied.body.state).toBe('replied');

    const closed = await step(t, w.agent, r.body.id, { action: 'close', visit: { reached: true, solved: true, satisfaction: 5 } });
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');
    expect(closed.body.open).toBe(false);
    expect(closed.body.history.map((h: { action: string }) => h.action)).toEqual(['register', 'dispatch', 'accept', 'reply', 'close']);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_id', '=', r.body.id).orderBy('at').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['registered', 'dispatch', 'accept', 'reply', 'close']);
  });
});
