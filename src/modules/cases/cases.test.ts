import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AIGUO, report, setupCases, step, type CaseWorld } from '../../testing/cases.ts';
import { bearer, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { samplePdf, samplePng } from '../../testing/samples.ts';

let t: TestPlatform;
let w: CaseWorld;

beforeAll(async () => {
  t = await startTestPlatform();
  w = await setupCases(t);
});
afterAll(async () => t?.close());

describe('12345 cases: intake to visit back', () => {
  it('takes a call, suggests the street office, and closes the loop after the street replies', async () => {
    const r = await report(t, w.agent, {
      kind: 'complaint',
      content: '爱国街道万佳社区3号楼门前垃圾堆放好几天了没人清运，气味很大',
      callerName: '王女士',
      callerPhone: '13904821234',
      lon: AIGUO[0],
      lat: AIGUO[1],
      address: '万佳社区3号楼',
    });
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

const call = (content: string, extra: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  content,
  callerName: '李先生',
  callerPhone: `1370482${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`,
  ...extra,
});

describe('returns, levels and extensions', () => {
  it('a return is reviewed by the centre, which dispatches the case again', async () => {
    const r = await report(t, w.agent, call('兴安南大街与五一路交口路灯连续三晚不亮'));
    const zjj = await w.handler('ZJJ');
    await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '010202', departmentId: w.units.get('ZJJ') });
    const other = await w.handler('CGZF');
    // Another unit may not return a case it does not hold.
    expect((await step(t, other, r.body.id, { action: 'return', reason: '不归我们管' })).status).toBe(403);
    const noReason = await step(t, zjj, r.body.id, { action: 'return' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('WORKFLOW_INPUT_MISSING');
    const ret = await step(t, zjj, r.body.id, { action: 'return', reason: '该路段路灯已移交城管局管理' });
    expect(ret.body.state).toBe('return_review');
    expect(ret.body.returns).toBe(1);
    const back = await step(t, w.agent, r.body.id, { action: 'approve_return' });
    expect(back.body.state).toBe('registered');
    expect(back.body.handlingDepartmentId).toBeNull();
    const again = await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '010202', departmentId: w.units.get('CGZF') });
    expect(again.body.state).toBe('dispatched');
    expect(again.body.handlingDepartmentName).toBe('CGZF部门');
  });

  it('a department sends a case down to a street; the street’s return goes back to the department', async () => {
    const r = await report(t, w.agent, call('和平街道红云社区门口有人长期占道摆摊卖菜', { lon: 122.09, lat: 46.07 }));
    await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '010102', departmentId: w.units.get('CGZF') });
    const cgzf = await w.handler('CGZF');
    await step(t, cgzf, r.body.id, { action: 'accept' });
    // Not down: another city department is at the same level.
    const sideways = await step(t, cgzf, r.body.id, { action: 'redispatch', departmentId: w.units.get('ZJJ') });
    expect(sideways.body.code).toBe('CASE_NOT_LOWER_UNIT');
    const down = await step(t, cgzf, r.body.id, { action: 'redispatch', departmentId: w.units.get('152201002') });
    expect(down.body.state).toBe('dispatched');
    expect(down.body.dispatcherDepartmentId).toBe(w.units.get('CGZF'));
    const street = await w.handler('152201002');
    await step(t, street, r.body.id, { action: 'return', reason: '属于城管执法权限' });
    // The centre did not send it to the street, so it cannot decide on this return.
    expect((await step(t, w.agent, r.body.id, { action: 'approve_return' })).status).toBe(403);
    const taken = await step(t, cgzf, r.body.id, { action: 'take_back' });
    expect(taken.body.state).toBe('handling');
    expect(taken.body.handlingDepartmentId).toBe(w.units.get('CGZF'));
  });

  it('a street office sends a case down to one of its own grids, not to another street’s', async () => {
    const r = await report(t, w.agent, call('春阳社区楼道堆放杂物，存在消防隐患', { lon: AIGUO[0], lat: AIGUO[1] }));
    await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '010101', departmentId: w.units.get('152201001') });
    const street = await w.handler('152201001');
    await step(t, street, r.body.id, { action: 'accept' });
    expect((await step(t, street, r.body.id, { action: 'redispatch', gridCode: '152201002-W01' })).body.code).toBe('CASE_NOT_LOWER_UNIT');
    const down = await step(t, street, r.body.id, { action: 'redispatch', gridCode: '152201001-W02' });
    expect(down.body).toMatchObject({ state: 'dispatched', gridCode: '152201001-W02', handlingDepartmentId: w.units.get('152201001') });
    // The street's grid worker signs for it.
    const { staffToken } = await import('../../testing/platform.ts');
    const gridWorker = await staffToken(t, ['grid_worker'], w.units.get('152201001')!);
    expect((await step(t, gridWorker, r.body.id, { action: 'accept' })).body.state).toBe('handling');
  });

  it('an extension asked by the unit and approved by the centre moves the deadline', async () => {
    const r = await report(t, w.agent, call('小区供暖管道漏水，室温只有十二度'));
    await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '010301', departmentId: w.units.get('ZJJ') });
    const zjj = await w.handler('ZJJ');
    const d = await step(t, zjj, r.body.id, { action: 'accept' });
    const before = d.body.dueAt;
    const note = (token: string, body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/cases/${r.body.id}/notes`, headers: bearer(token), payload: body });
    expect((await note(zjj, { kind: 'approve_extension', text: '自己批' })).statusCode).toBe(403);
    const asked = await note(zjj, { kind: 'request_extension', text: '需更换主管道，等待配件', days: 3 });
    expect(asked.json().extensionStatus).toBe('pending');
    expect((await note(zjj, { kind: 'request_extension', text: '再申请', days: 2 })).json().code).toBe('CASE_EXTENSION_PENDING');
    const ok = await note(w.agent, { kind: 'approve_extension', text: '同意延期3个工作日' });
    expect(ok.json().extensionStatus).toBe('approved');
    expect(new Date(ok.json().dueAt).getTime()).toBeGreaterThan(new Date(before).getTime() + 2 * 86_400_000);
  });
});

describe('time limits and supervision', () => {
  it('reminds before the limit, marks overdue with 督办 after it, and escalates to the leaders', async () => {
    const r = await report(t, w.agent, call('夜间工地施工噪音太大，凌晨一点还在打桩'));
    await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '020101', departmentId: w.units.get('STHJ'), urgency: 'urgent' });
    const start = t.clock.now();
    try {
      const { sweepDeadlines } = await import('./deadlines.ts');
      const sweep = () => t.p.kernel.db.transaction().execute((trx) => sweepDeadlines(t.p.kernel, trx));
      const row = () => t.p.kernel.db.selectFrom('cases_case').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
      const due = (await row()).due_at as Date;
      t.clock.set(new Date(due.getTime() - 3600_000));
      await sweep();
      expect((await row()).reminded_at).not.toBeNull();
      expect((await row()).overdue).toBe(false);
      t.clock.set(new Date(due.getTime() + 3600_000));
      await sweep();
      expect((await row()).overdue).toBe(true);
      expect((await row()).supervision_level).toBe(1);
      t.clock.set(new Date(due.getTime() + 49 * 3600_000));
      await sweep();
      expect((await row()).supervision_level).toBe(2);
      const actions = await t.p.kernel.db.selectFrom('cases_action').select('action').where('case_id', '=', r.body.id).orderBy('at').execute();
      expect(actions.map((a) => a.action)).toEqual(['register', 'dispatch', 'remind', 'overdue', 'escalate']);
      const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_id', '=', r.body.id).execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['remind', 'overdue', 'escalate']));
    } finally {
      t.clock.set(start);
    }
  });

  it('the board shows supervised and overdue cases to the centre, and a leader may supervise', async () => {
    const r = await report(t, w.agent, call('道路中间井盖丢失，很危险'));
    await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '010203', departmentId: w.units.get('ZJJ') });
    const { staffToken } = await import('../../testing/platform.ts');
    const leader = await staffToken(t, ['leader'], w.centre);
    const sup = await t.app.inject({ method: 'POST', url: `/api/cases/${r.body.id}/notes`, headers: bearer(leader), payload: { kind: 'supervise', text: '井盖缺失危及安全，请今日内处置' } });
    expect(sup.json().supervisionLevel).toBe(2);
    const zjj = await w.handler('ZJJ');
    expect((await t.app.inject({ method: 'POST', url: `/api/cases/${r.body.id}/notes`, headers: bearer(zjj), payload: { kind: 'supervise', text: 'x' } })).statusCode).toBe(403);
    const board = await t.app.inject({ method: 'GET', url: '/api/cases/board', headers: bearer(w.agent) });
    expect(board.json().counts.supervised).toBeGreaterThan(0);
    expect(board.json().cases.map((c: { id: string }) => c.id)).toContain(r.body.id);
  });
});

describe('visit back', () => {
  it('reopens once after an unsatisfied visit, and refuses a second reopening', async () => {
    const r = await report(t, w.agent, call('饭店油烟直排进居民楼，呛得没法开窗'));
    await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '020201', departmentId: w.units.get('STHJ') });
    const sthj = await w.handler('STHJ');
    await step(t, sthj, r.body.id, { action: 'accept' });
    await step(t, sthj, r.body.id, { action: 'reply', reason: '已责令安装油烟净化器' });
    const happy = await step(t, w.agent, r.body.id, { action: 'reopen', reason: '满意', visit: { reached: true, solved: true, satisfaction: 5 } });
    expect(happy.body.code).toBe('CASE_REOPEN_NEEDS_UNSATISFIED');
    const re = await step(t, w.agent, r.body.id, { action: 'reopen', reason: '市民称净化器未安装', visit: { reached: true, solved: false, satisfaction: 1 } });
    expect(re.body.state).toBe('handling');
    expect(re.body.reopenCount).toBe(1);
    await step(t, sthj, r.body.id, { action: 'reply', reason: '已现场核查，净化器已安装运行' });
    const twice = await step(t, w.agent, r.body.id, { action: 'reopen', reason: '仍不满意', visit: { reached: true, solved: false, satisfaction: 2 } });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CASE_REOPEN_USED');
    const missing = await step(t, w.agent, r.body.id, { action: 'close' });
    expect(missing.body.code).toBe('CASE_VISIT_MISSING');
    const closed = await step(t, w.agent, r.body.id, { action: 'close', visit: { reached: true, solved: false, satisfaction: 2 } });
    expect(closed.body.state).toBe('closed');
    expect(closed.body.satisfaction).toBe(2);
  });

  it('answers an enquiry on the spot from the knowledge base', async () => {
    const kb = await t.app.inject({ method: 'GET', url: `/api/cases/knowledge?q=${encodeURIComponent('今年暖气什么时候开始供')}`, headers: bearer(w.agent) });
    expect(kb.statusCode).toBe(200);
    expect(kb.json()[0].title).toBe('供暖期起止时间');
    const r = await report(t, w.agent, { kind: 'consult', content: '请问今年什么时候开始供暖', callerPhone: '13904820777' });
    const a = await step(t, w.agent, r.body.id, { action: 'answer', reason: kb.json()[0].body, knowledgeId: kb.json()[0].id });
    expect(a.body.state).toBe('answered');
    const used = await t.p.kernel.db.selectFrom('cases_knowledge').select('uses').where('id', '=', kb.json()[0].id).executeTakeFirstOrThrow();
    expect(used.uses).toBe(1);
    expect(a.body.answer).toContain('10月15日');
    expect(a.body.open).toBe(false);
  });

  it('makes a knowledge entry public (统一知识问答库) and takes it back, the agents keeping it', async () => {
    const manager = await staffToken(t, ['region_admin'], w.centre);
    const e = await t.app.inject({
      method: 'POST',
      url: '/api/cases/knowledge',
      headers: bearer(manager),
      payload: { title: '居住证办理地点', body: '居住证在户籍所在街道派出所办理，需半年以上居住证明。', public: true },
    });
    expect(e.statusCode).toBe(201);
    expect(e.json()).toMatchObject({ public: true, publicRef: null });
    expect((await t.p.cases.knowledge.searchPublic('居住证在哪里办理')).map((k) => k.id)).toContain(e.json().id);
    // Not every entry is public: the heating answer stays the agents' own.
    expect((await t.p.cases.knowledge.searchPublic('暖气什么时候开始供')).length).toBe(0);
    const off = await t.app.inject({
      method: 'PUT',
      url: `/api/cases/knowledge/${e.json().id}`,
      headers: bearer(manager),
      payload: { title: '居住证办理地点', body: '居住证在户籍所在街道派出所办理。', public: false },
    });
    expect(off.json().public).toBe(false);
    expect((await t.p.cases.knowledge.searchPublic('居住证在哪里办理')).length).toBe(0);
    const kb = await t.app.inject({ method: 'GET', url: `/api/cases/knowledge?q=${encodeURIComponent('居住证在哪里办理')}`, headers: bearer(w.agent) });
    expect(kb.json().map((k: { id: string }) => k.id)).toContain(e.json().id);
  });
});

describe('duplicates and repeat callers', () => {
  it('links a second report of the same matter nearby instead of dispatching it twice', async () => {
    const first = await report(t, w.agent, call('都林街道一个井盖丢了，晚上看不见', { lon: 122.085, lat: 46.095, categoryCode: '010203' }));
    const second = await report(t, w.agent, call('路上井盖没了，差点掉进去', { lon: 122.0855, lat: 46.0952, categoryCode: '010203' }));
    expect(second.status).toBe(201);
    expect(second.body.duplicateOf).toBe(first.body.id);
    const dup = await t.app.inject({ method: 'GET', url: `/api/cases/${second.body.id}`, headers: bearer(w.agent) });
    expect(dup.json().state).toBe('merged');
    expect(dup.json().open).toBe(false);
    const orig = await t.app.inject({ method: 'GET', url: `/api/cases/${first.body.id}`, headers: bearer(w.agent) });
    expect(orig.json().duplicates).toBe(1);
    // Far away, it is a different event.
    const far = await report(t, w.agent, call('井盖丢失', { lon: 122.06, lat: 46.102, categoryCode: '010203' }));
    expect(far.body.duplicateOf).toBeNull();
  });

  it('shows a caller’s history and flags a repeat caller', async () => {
    const phone = '13904829999';
    for (const c of ['楼道堆满杂物', '楼下烧烤油烟大', '小区路灯不亮']) await report(t, w.agent, { kind: 'complaint', content: c, callerPhone: phone, callerName: '赵大爷' });
    const h = await t.app.inject({ method: 'POST', url: '/api/cases/caller-history', headers: bearer(w.agent), payload: { phone } });
    expect(h.json().cases).toHaveLength(3);
    expect(h.json().repeatCaller).toBe(true);
    expect(h.json().callerName).toBe('赵大爷');
  });
});

describe('bad input', () => {
  it('rejects empty, oversized and malformed reports with bilingual problems', async () => {
    for (const body of [
      { kind: 'complaint', content: '' },
      { kind: 'complaint', content: '   ' },
      { kind: 'complaint', content: '长'.repeat(2001) },
      { kind: 'nonsense', content: '路灯坏了' },
      { kind: 'complaint', content: '路灯坏了', lon: 500, lat: 46 },
      { kind: 'complaint', content: '路灯坏了', lon: 122.07 },
    ]) {
      const r = await report(t, w.agent, body);
      expect(r.status).toBe(400);
      expect(r.body.zh).toBeTruthy();
      expect(r.body.en).toBeTruthy();
    }
  });

  it('rejects a place outside the region and an unknown or non-leaf category', async () => {
    const outside = await report(t, w.agent, call('路灯坏了', { lon: 116.4, lat: 39.9 }));
    expect(outside.status).toBe(422);
    expect(outside.body.code).toBe('CASE_LOCATION_OUTSIDE');
    expect((await report(t, w.agent, call('路灯坏了', { categoryCode: '999999' }))).body.code).toBe('CASE_UNKNOWN_CATEGORY');
    expect((await report(t, w.agent, call('路灯坏了', { categoryCode: '0102' }))).body.code).toBe('CASE_CATEGORY_NOT_LEAF');
  });

  it('refuses a flood from one caller and keeps the cases already stored', async () => {
    const phone = '13904828888';
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await report(t, w.agent, { kind: 'complaint', content: `第${i}次来电反映噪音`, callerPhone: phone })).body.id);
    const flood = await report(t, w.agent, { kind: 'complaint', content: '第十一次来电', callerPhone: phone });
    expect(flood.status).toBe(429);
    expect(flood.body.code).toBe('CASE_CALLER_FLOOD');
    const stored = await t.p.kernel.db.selectFrom('cases_case').select(['id', 'state']).where('id', 'in', ids).execute();
    expect(stored).toHaveLength(10);
    expect(stored.every((s) => s.state === 'registered')).toBe(true);
  });

  it('refuses actions out of state, by the wrong unit and by people without the role, leaving the case as it was', async () => {
    const r = await report(t, w.agent, call('公交车司机态度恶劣'));
    const jtj = await w.handler('JTJ');
    expect((await step(t, jtj, r.body.id, { action: 'accept' })).status).toBe(403);
    expect((await step(t, w.agent, r.body.id, { action: 'close', visit: { reached: false } })).body.code).toBe('CASE_NOT_IN_STATE');
    expect((await step(t, w.agent, r.body.id, { action: 'fly' })).body.code).toBe('WORKFLOW_UNKNOWN_ACTION');
    expect((await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '050101', departmentId: '00000000-0000-7000-8000-000000000000' })).body.code).toBe('CASE_UNKNOWN_UNIT');
    const stale = await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '050101', departmentId: w.units.get('JTJ'), expectedVersion: 99 });
    expect(stale.body.code).toBe('CASE_STATE_CHANGED');
    const after = await t.app.inject({ method: 'GET', url: `/api/cases/${r.body.id}`, headers: bearer(w.agent) });
    expect(after.json().state).toBe('registered');
    expect(after.json().version).toBe(1);
    const anon = await t.app.inject({ method: 'POST', url: '/api/cases', payload: { kind: 'complaint', content: 'x' } });
    expect(anon.statusCode).toBe(401);
  });
});

describe('classification learns', () => {
  it('learns from the cases dispatchers corrected, once they are finished, until the correction is the first suggestion', async () => {
    const text = '小区东门外快递驿站把包裹堆放在门口';
    const suggest = async () => (await t.app.inject({ method: 'POST', url: '/api/cases/classify', headers: bearer(w.agent), payload: { text } })).json().suggestions[0]?.categoryCode;
    const before = await suggest();
    expect(before).not.toBe('010102');
    const cgzf = await w.handler('CGZF');
    for (let i = 0; i < 8; i++) {
      const r = await report(t, w.agent, call(`${text}，第${i}栋`));
      await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '010102', departmentId: w.units.get('CGZF') });
      // A dispatch alone teaches nothing: the case is learned when it is finished.
      if (i === 0) expect(await suggest()).toBe(before);
      await step(t, cgzf, r.body.id, { action: 'accept' });
      await step(t, cgzf, r.body.id, { action: 'reply', reason: '已清理' });
      expect((await step(t, w.agent, r.body.id, { action: 'close', visit: { reached: true, solved: true, satisfaction: 5 } })).body.state).toBe('closed');
    }
    expect(await suggest()).toBe('010102');
    const acc = await t.app.inject({ method: 'GET', url: '/api/cases/stats/classifier', headers: bearer(w.agent) });
    expect(acc.json().dispatched).toBeGreaterThan(8);
    expect(acc.json().tookFirstRate).toBeLessThan(1);
  });
});

describe('photos, helpers and figures', () => {
  const png = samplePng();
  const upload = async (token: string, body = png, name = '现场.png', type = 'image/png') => {
    const { multipart } = await import('../../testing/multipart.ts');
    const req = multipart(name, type, body);
    const res = await t.app.inject({ method: 'POST', url: '/api/files', payload: req.payload, headers: { ...req.headers, ...bearer(token) } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('takes a resident’s report with a photo, and refuses a photo that is someone else’s or not an image', async () => {
    const { personToken } = await import('../../testing/platform.ts');
    const resident = await personToken(t);
    const photo = await upload(resident.token);
    const ok = await report(t, resident.token, { kind: 'complaint', content: '楼下人行道砖松动翘起', lon: 122.06, lat: 46.086, photoIds: [photo] });
    expect(ok.status).toBe(201);
    const mine = await t.app.inject({ url: `/api/cases/${ok.body.id}`, headers: bearer(resident.token) });
    expect(mine.json()).toMatchObject({ channel: 'web', photoIds: [photo], streetName: '兴安街道', callerPhone: resident.phone });
    const other = await personToken(t);
    expect((await report(t, other.token, { kind: 'complaint', content: '同一处', address: '兴安街道', photoIds: [photo] })).body.errors[0].path).toBe('/photoIds/0');
    const pdf = await upload(other.token, samplePdf('x'), 'a.pdf', 'application/pdf');
    expect((await report(t, other.token, { kind: 'complaint', content: '同一处', address: '兴安街道', photoIds: [pdf] })).status).toBe(400);
    // A resident sees only their own cases, never another's.
    expect((await t.app.inject({ url: `/api/cases/${ok.body.id}`, headers: bearer(other.token) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/cases?scope=mine', headers: bearer(other.token) })).json().items).toEqual([]);
  });

  it('lets a helper unit see a co-handled case and add its opinion; other units may not', async () => {
    const r = await report(t, w.agent, call('小区电梯困人，物业迟迟不来救援'));
    const d = await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '010402', departmentId: w.units.get('SCJG'), helperDepartmentIds: [w.units.get('152201001')] });
    expect(d.body.helperDepartments.map((h: { name: string }) => h.name)).toEqual(['爱国街道办事处']);
    const helper = await w.handler('152201001');
    const note = await t.app.inject({ method: 'POST', url: `/api/cases/${r.body.id}/notes`, headers: bearer(helper), payload: { kind: 'assist', text: '已通知社区网格员到场协助疏导' } });
    expect(note.statusCode).toBe(200);
    expect(note.json().history.at(-1)).toMatchObject({ action: 'assist', opinion: '已通知社区网格员到场协助疏导' });
    const outsider = await w.handler('JTJ');
    expect((await t.app.inject({ url: `/api/cases/${r.body.id}`, headers: bearer(outsider) })).statusCode).toBe(403);
    // A helper may not sign for the lead unit.
    expect((await step(t, helper, r.body.id, { action: 'accept' })).status).toBe(403);
    expect((await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '010402', departmentId: w.units.get('SCJG') })).status).toBe(409);
  });

  it('gives figures per unit, hot categories by week, heat points and frequent addresses', async () => {
    const { staffToken } = await import('../../testing/platform.ts');
    const leader = await staffToken(t, ['leader'], w.centre);
    const perf = await t.app.inject({ url: '/api/cases/stats/performance?by=unit', headers: bearer(leader) });
    const sthj = perf.json().find((r: { key: string }) => r.key === w.units.get('STHJ'));
    expect(sthj.dispatched).toBeGreaterThanOrEqual(2);
    expect(sthj.satisfactionRate).toBe(0);
    const topics = (await t.app.inject({ url: '/api/cases/stats/topics?weeks=4', headers: bearer(leader) })).json();
    expect(topics.weeks).toEqual(['2026-03-02']);
    expect(topics.hot.map((h: { categoryCode: string }) => h.categoryCode)).toContain('010102');
    for (const c of ['团结大街8号门前积水', '团结大街8号门口下水道返水']) await report(t, w.agent, call(c, { address: '团结大街8号' }));
    const places = (await t.app.inject({ url: '/api/cases/stats/places', headers: bearer(leader) })).json();
    expect(places.heat.length).toBeGreaterThan(0);
    expect(places.addresses).toContainEqual({ address: '团结大街8号', cases: 2, open: 1 });
    expect((await t.app.inject({ url: '/api/cases/stats/performance?from=2026-03-10&to=2026-03-01', headers: bearer(leader) })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/cases/stats/topics', headers: bearer(await w.handler('ZJJ')) })).statusCode).toBe(403);
  });
});
