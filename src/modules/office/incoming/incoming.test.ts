import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceSignedIn, bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { DOCUMENT_DISTRIBUTED } from './index.ts';

let t: TestPlatform;
const unit: Record<'bgs' | 'mzj' | 'rsj' | 'fgw' | 'other', string> = { bgs: '', mzj: '', rsj: '', fgw: '', other: '' };
const tok: Record<'bgs' | 'leader' | 'mzj' | 'rsj' | 'fgw' | 'other' | 'duban' | 'reader', string> = { bgs: '', leader: '', mzj: '', rsj: '', fgw: '', other: '', duban: '', reader: '' };
let readerStaffId = '';
const DAY = 86_400_000;

const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const step = (id: string, token: string, body: Record<string, unknown>) => call('POST', `/api/office/incoming/${id}/steps`, token, body);
const detail = async (id: string, token = tok.bgs) => (await call('GET', `/api/office/incoming/${id}`, token)).json();
const accountOf = async (token: string) => (await call('GET', '/api/identity/me', token)).json().accountId as string;
const inboxIds = async (token: string, box = 'unit') => ((await call('GET', `/api/office/incoming?box=${box}`, token)).json().items as { id: string }[]).map((i) => i.id);
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    await t.p.kernel.events.dispatch(200);
    await t.p.kernel.jobs.runDue(50);
  }
};
const notes = async (token: string) => t.p.kernel.notify.inbox(await accountOf(token));

/** 发文 distributes a document: the event exactly as the 发文 area publishes it. */
async function distribute(recipients: { departmentId: string; kind: 'main' | 'cc' }[], id = uuidv7()) {
  const payload = {
    id,
    docNumber: '乌发改〔2026〕12号',
    title: '关于做好春季防火工作的通知',
    docType: '通知',
    issuingDepartmentId: unit.fgw,
    issuingDepartmentName: '市发展和改革委员会',
    fileId: uuidv7(),
    urgency: '加急',
    secrecy: null,
    recipients,
    externalRecipients: [],
    distributedAt: t.clock.now().toISOString(),
  };
  await t.p.kernel.db.transaction().execute((trx) => t.p.kernel.events.publish(trx, DOCUMENT_DISTRIBUTED, '152201', payload));
  await settle();
  return id;
}

beforeAll(async () => {
  t = await startTestPlatform();
  expect(t.p.office.incoming.listen()).toBe(true);
  for (const k of Object.keys(unit) as (keyof typeof unit)[]) unit[k] = (await department(t, '152201', `测试单位${k}`)).id;
  tok.bgs = await staffToken(t, ['office_clerk'], unit.bgs);
  tok.leader = await staffToken(t, ['leader'], unit.bgs);
  tok.mzj = await staffToken(t, ['office_clerk'], unit.mzj);
  tok.rsj = await staffToken(t, ['office_clerk'], unit.rsj);
  tok.fgw = await staffToken(t, ['office_clerk'], unit.fgw);
  tok.other = await staffToken(t, ['office_clerk'], unit.other);
  tok.duban = await staffToken(t, ['office_supervisor'], unit.bgs);
  tok.reader = await staffToken(t, ['leader'], unit.bgs, 'reader01');
  const staff = await t.p.org.service.listStaff({ ...(await t.p.identity.service.authenticate(tok.bgs))! }, { departmentId: unit.bgs, limit: 50 });
  readerStaffId = staff.items.find((s) => s.employeeNo.endsWith('reader01'))!.id;
}, 120_000);
afterAll(() => t?.close());

describe('收文 arrival', () => {
  it('a 收文 reaches the receiving unit by itself, and no other unit', async () => {
    const docId = await distribute([
      { departmentId: unit.bgs, kind: 'main' },
      { departmentId: unit.rsj, kind: 'cc' },
    ]);
    const bgs = await call('GET', '/api/office/incoming', tok.bgs);
    const entry = bgs.json().items.find((i: { title: string; state: string }) => i.state === 'received');
    expect(entry).toMatchObject({ title: '关于做好春季防火工作的通知', docNumber: '乌发改〔2026〕12号', senderName: '市发展和改革委员会', recipientKind: 'main', urgency: '加急', source: 'platform' });
    expect((await call('GET', '/api/office/incoming', tok.rsj)).json().items[0]).toMatchObject({ recipientKind: 'cc' });
    expect(await inboxIds(tok.mzj)).toEqual([]);
    expect((await call('GET', `/api/office/incoming/${entry.id}`, tok.mzj)).statusCode).toBe(404);
    // A redelivered event makes no second entry.
    await distribute([{ departmentId: unit.bgs, kind: 'main' }], docId);
    expect((await inboxIds(tok.bgs)).length).toBe(1);
    // The clerk finds it in the 待办 list, to sign for.
    const todos = (await call('GET', '/api/office/todos?kind=incoming', tok.bgs)).json().items;
    expect(todos).toEqual([expect.objectContaining({ id: entry.id, actionZh: '签收', link: `/workbench/office/incoming/${entry.id}` })]);
  });
});

describe('收文 handling, step by step', () => {
  let id = '';
  it('walks 签收 → 登记 → 初审 → 拟办 → 批办 (5 working days over a weekend) → 承办 → 办结 → 答复', async () => {
    await distribute([{ departmentId: unit.bgs, kind: 'main' }]);
    id = (await inboxIds(tok.bgs))[0];
    expect((await step(id, tok.bgs, { action: 'sign' })).json().state).toBe('signed');
    expect((await step(id, tok.bgs, { action: 'register' })).json().state).toBe('registered');
    expect((await step(id, tok.bgs, { action: 'pass', opinion: '属本机关办理' })).json().state).toBe('reviewed');
    expect((await step(id, tok.bgs, { action: 'suggest', suggestion: '拟请民政局主办，人社局协办' })).json().state).toBe('suggested');
    // 批办 waits for the leader's signature.
    const leaderTodos = (await call('GET', '/api/office/todos?signature=true', tok.leader)).json().items;
    expect(leaderTodos).toEqual([expect.objectContaining({ id, actionZh: '批办', signature: true })]);
    // Monday 2026-03-02 + 5 working days = Monday 03-09 (the weekend does not count).
    const instructed = await step(id, tok.leader, { action: 'instruct', instruction: '请民政局牵头办理', leadDepartmentId: unit.mzj, helperDepartmentIds: [unit.rsj], limitDays: 5 });
    expect(instructed.json().state).toBe('instructed');
    const d = await detail(id);
    expect(d.dueAt).toBe(new Date('2026-03-09T23:59:59.999+08:00').toISOString());
    expect(d.units).toEqual([expect.objectContaining({ id: unit.mzj, role: 'lead' }), expect.objectContaining({ id: unit.rsj, role: 'helper', input: null })]);
    // The lead and helping units now see it.
    expect(await inboxIds(tok.mzj, 'undertaking')).toContain(id);
    expect(await inboxIds(tok.rsj, 'undertaking')).toContain(id);
    // The receiving unit's clerk may no longer take the 主办 unit's step.
    expect((await step(id, tok.bgs, { action: 'undertake' })).statusCode).toBe(403);
    expect((await step(id, tok.mzj, { action: 'undertake', opinion: '已安排专人办理' })).json().state).toBe('handling');
    expect((await call('POST', `/api/office/incoming/${id}/assists`, tok.rsj, { opinion: '同意，配合提供社保数据' })).statusCode).toBe(200);
    expect((await call('POST', `/api/office/incoming/${id}/assists`, tok.rsj, { opinion: '再说一次' })).json().code).toBe('INCOMING_INPUT_GIVEN');
    expect((await call('POST', `/api/office/incoming/${id}/assists`, tok.mzj, { opinion: '主办不是协办' })).statusCode).toBe(403);
    expect((await step(id, tok.mzj, { action: 'complete', summary: '已部署春季防火工作' })).json().state).toBe('completed');
    expect((await call('POST', `/api/office/incoming/${id}/reply`, tok.bgs, { text: '已按要求部署' })).statusCode).toBe(200);
    expect((await call('POST', `/api/office/incoming/${id}/reply`, tok.bgs, { text: '又一次' })).json().code).toBe('INCOMING_ALREADY_REPLIED');
    await settle();
    // The sender's clerk is told of the answer.
    expect((await notes(tok.fgw)).some((n) => n.title.startsWith('来文答复'))).toBe(true);
    const done = await detail(id);
    expect(done.steps.map((s: { action: string }) => s.action)).toEqual(['arrive', 'sign', 'register', 'pass', 'suggest', 'instruct', 'undertake', 'assist', 'complete', 'reply']);
    expect(done.units[1]).toMatchObject({ input: '同意，配合提供社保数据' });
    expect(done.reply).toBe('已按要求部署');
    // A completed 收文 answers as an archivable record.
    const rec = await t.p.office.incoming.archivable(id);
    expect(rec).toMatchObject({ kind: 'incoming', title: '关于做好春季防火工作的通知', reference: '乌发改〔2026〕12号', departmentId: unit.bgs });
    expect(rec!.actionLog.length).toBe(10);
  });

  it('初审 returns a document with a reason, and the sending unit is told', async () => {
    await distribute([{ departmentId: unit.bgs, kind: 'main' }]);
    const rid = (await inboxIds(tok.bgs, 'unit'))[0];
    await step(rid, tok.bgs, { action: 'sign' });
    await step(rid, tok.bgs, { action: 'register' });
    const noReason = await step(rid, tok.bgs, { action: 'return' });
    expect(noReason.statusCode).toBe(400);
    const r = await step(rid, tok.bgs, { action: 'return', reason: '不属本机关职责，请径送民政局' });
    expect(r.json().state).toBe('returned');
    await settle();
    expect((await notes(tok.fgw)).find((n) => n.title.startsWith('来文被退回'))?.body).toContain('不属本机关职责');
  });

  it('registers a paper document by hand, which goes on from 初审', async () => {
    const res = await call('POST', '/api/office/incoming', tok.bgs, { senderName: '兴安盟行政公署办公室', docNumber: '兴署办字〔2026〕3号', title: '关于报送一季度工作情况的函', docType: '函' });
    expect(res.statusCode).toBe(201);
    expect(res.json().number).toMatch(/^152201-SW-20260302-\d{6}$/);
    const d = await detail(res.json().id);
    expect(d).toMatchObject({ state: 'registered', source: 'paper', senderName: '兴安盟行政公署办公室' });
    expect(d.actions).toEqual(expect.arrayContaining(['pass', 'return']));
  });
});

describe('传阅, 催办 and deadlines', () => {
  let id = '';
  beforeAll(async () => {
    await distribute([{ departmentId: unit.bgs, kind: 'main' }]);
    id = (await inboxIds(tok.bgs))[0];
    for (const a of [{ action: 'sign' }, { action: 'register' }, { action: 'pass' }, { action: 'suggest', suggestion: '拟请民政局办理' }]) await step(id, tok.bgs, a);
  });

  it('refuses a due date on a non-working day with a bilingual error, and keeps the document as it was', async () => {
    const before = await detail(id);
    const sat = await step(id, tok.leader, { action: 'instruct', instruction: '请办理', leadDepartmentId: unit.mzj, dueDate: '2026-03-07' });
    expect(sat.statusCode).toBe(422);
    expect(sat.json()).toMatchObject({ code: 'INCOMING_DUE_NOT_WORKING_DAY' });
    expect(sat.json().zh).toContain('不是工作日');
    expect(sat.json().en).toContain('not a working day');
    expect((await step(id, tok.leader, { action: 'instruct', instruction: '请办理', leadDepartmentId: unit.mzj, dueDate: '2026-03-01' })).json().code).toBe('INCOMING_DUE_IN_PAST');
    expect((await step(id, tok.leader, { action: 'instruct', instruction: '请办理', leadDepartmentId: unit.mzj })).json().code).toBe('INCOMING_LIMIT_OR_DATE');
    expect((await step(id, tok.leader, { action: 'instruct', instruction: '请办理', leadDepartmentId: unit.mzj, limitDays: 0 })).statusCode).toBe(400);
    expect((await step(id, tok.leader, { action: 'instruct', instruction: '请办理', leadDepartmentId: unit.mzj, helperDepartmentIds: [unit.mzj], limitDays: 3 })).json().code).toBe(
      'INCOMING_UNITS_INVALID',
    );
    expect((await step(id, tok.leader, { action: 'instruct', instruction: '请办理', leadDepartmentId: uuidv7(), limitDays: 3 })).json().code).toBe('INCOMING_UNITS_INVALID');
    expect((await step(id, tok.leader, { action: 'instruct', instruction: 'x'.repeat(1001), leadDepartmentId: unit.mzj, limitDays: 3 })).statusCode).toBe(400);
    // A clerk may not 批办, nor may another unit's leader.
    expect((await step(id, tok.bgs, { action: 'instruct', instruction: '请办理', leadDepartmentId: unit.mzj, limitDays: 3 })).statusCode).toBe(403);
    if (!t.p.office.supervision || !(t.p.office as { supervision: unknown }).supervision) throw new Error('no supervision area');
    const after = await detail(id);
    expect(after).toMatchObject({ state: 'suggested', version: before.version, dueAt: null, leadDepartmentId: null });
    expect(after.steps.length).toBe(before.steps.length);
  });

  it('批办 with a working due date; 传阅 with read receipts', async () => {
    const ok = await step(id, tok.leader, { action: 'instruct', instruction: '请民政局办理', leadDepartmentId: unit.mzj, dueDate: '2026-03-04' });
    expect(ok.json().state).toBe('instructed');
    expect((await detail(id)).dueAt).toBe(new Date('2026-03-04T23:59:59.999+08:00').toISOString());
    const c = await call('POST', `/api/office/incoming/${id}/circulations`, tok.bgs, { staffIds: [readerStaffId], note: '请阅' });
    expect(c.json()).toEqual({ added: 1 });
    expect(await inboxIds(tok.reader, 'reading')).toEqual([id]);
    expect((await call('GET', '/api/office/todos', tok.reader)).json().items).toEqual([expect.objectContaining({ id, actionZh: '阅知' })]);
    await settle();
    expect((await notes(tok.reader)).some((n) => n.title.startsWith('请阅'))).toBe(true);
    t.clock.advance(60_000);
    const r = await call('POST', `/api/office/incoming/${id}/read`, tok.reader);
    expect(r.statusCode).toBe(200);
    const again = await call('POST', `/api/office/incoming/${id}/read`, tok.reader);
    expect(again.json().readAt).toBe(r.json().readAt);
    const d = await detail(id);
    expect(d.readers).toEqual([expect.objectContaining({ readAt: r.json().readAt })]);
    expect(d.steps.filter((s: { action: string }) => s.action === 'read').length).toBe(1);
    // Someone it was not circulated to has no receipt to give.
    expect((await call('POST', `/api/office/incoming/${id}/read`, tok.bgs)).json().code).toBe('INCOMING_NOT_A_READER');
    expect((await call('POST', `/api/office/incoming/${id}/circulations`, tok.bgs, { staffIds: [uuidv7()] })).json().code).toBe('INCOMING_READERS_INVALID');
  });

  it('催办 notifies the 主办 unit; an overdue one is reminded by the timer', async () => {
    expect((await call('POST', `/api/office/incoming/${id}/reminders`, tok.other, { note: '请抓紧' })).statusCode).toBe(404);
    expect((await call('POST', `/api/office/incoming/${id}/reminders`, tok.bgs, { note: '请于周三前办结' })).statusCode).toBe(200);
    expect((await call('POST', `/api/office/incoming/${id}/reminders`, tok.bgs, {})).json().code).toBe('INCOMING_REMIND_TOO_SOON');
    await settle();
    expect((await notes(tok.mzj)).find((n) => n.title.startsWith('催办'))?.body).toBe('请于周三前办结');
    // Past the due date (Wednesday 03-04) the platform reminds by itself, once a day.
    await advanceSignedIn(t, 3 * DAY);
    const swept = await t.p.kernel.db.transaction().execute((trx) => t.p.office.incoming.remindOverdue(trx));
    expect(swept).toBe(1);
    expect(await t.p.kernel.db.transaction().execute((trx) => t.p.office.incoming.remindOverdue(trx))).toBe(0);
    await settle();
    expect((await notes(tok.mzj)).filter((n) => n.title.startsWith('催办')).length).toBe(2);
    const list = (await call('GET', '/api/office/incoming?box=undertaking', tok.mzj)).json().items;
    expect(list.find((i: { id: string }) => i.id === id)).toMatchObject({ overdue: true });
    // A supervisor may remind too (an hour after the last reminder).
    await advanceSignedIn(t, 2 * 3_600_000);
    expect((await call('POST', `/api/office/incoming/${id}/reminders`, tok.duban, { note: '督查专员催办' })).statusCode).toBe(200);
  });
});

describe('bad input and unit checks', () => {
  it('refuses malformed, oversized, unknown and unauthorised requests, storing nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.p.kernel.db
            .selectFrom('office_incoming')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await count();
    expect((await call('POST', '/api/office/incoming', tok.bgs, { title: '缺来文单位' })).statusCode).toBe(400);
    expect((await call('POST', '/api/office/incoming', tok.bgs, { senderName: '某单位', title: '长'.repeat(201) })).statusCode).toBe(400);
    expect((await call('POST', '/api/office/incoming', tok.bgs, { senderName: '某单位', title: '题', fileId: uuidv7() })).json().code).toBe('INCOMING_FILE_NOT_FOUND');
    expect((await call('POST', '/api/office/incoming', tok.leader, { senderName: '某单位', title: '领导不登记' })).statusCode).toBe(403);
    expect((await call('POST', '/api/office/incoming', undefined, { senderName: '某单位', title: '匿名' })).statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'POST', url: '/api/office/incoming', headers: { ...bearer(tok.bgs), 'content-type': 'application/json' }, payload: '{"senderName":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().zh).toBeTruthy();
    expect(await count()).toBe(n);
    expect((await call('GET', '/api/office/incoming/not-a-uuid', tok.bgs)).statusCode).toBe(400);
    expect((await call('GET', `/api/office/incoming/${uuidv7()}`, tok.bgs)).statusCode).toBe(404);
  });

  it('another unit cannot see or act on a 收文, and a step taken twice is refused', async () => {
    await distribute([{ departmentId: unit.bgs, kind: 'main' }]);
    const id = (await inboxIds(tok.bgs))[0];
    expect((await step(id, tok.other, { action: 'sign' })).statusCode).toBe(404);
    expect((await step(id, tok.bgs, { action: 'sign' })).statusCode).toBe(200);
    const twice = await step(id, tok.bgs, { action: 'sign' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('INCOMING_NOT_IN_STATE');
    expect((await step(id, tok.bgs, { action: 'register', expectedVersion: 1 })).json().code).toBe('INCOMING_STATE_CHANGED');
    expect((await step(id, tok.bgs, { action: 'fly' })).statusCode).toBe(400);
    const d = await detail(id);
    expect(d).toMatchObject({ state: 'signed', version: 2 });
  });

  it('批办 with supervise: true raises a 督办 task for the lead unit in the same step (and is refused without supervision)', async () => {
    await distribute([{ departmentId: unit.bgs, kind: 'main' }]);
    const id = (await inboxIds(tok.bgs))[0];
    for (const a of [{ action: 'sign' }, { action: 'register' }, { action: 'pass' }, { action: 'suggest', suggestion: '拟请督办' }]) await step(id, tok.bgs, a);
    // Without the supervision area (its port unset), supervise: true is refused clearly and nothing moves.
    const ports = (t.p.office.incoming.service as unknown as { ctx: { ports: { supervision: unknown } } }).ctx.ports;
    const port = ports.supervision;
    ports.supervision = null;
    const refused = await step(id, tok.leader, { action: 'instruct', instruction: '列入督办', leadDepartmentId: unit.mzj, limitDays: 5, supervise: true });
    ports.supervision = port;
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'INCOMING_SUPERVISION_UNAVAILABLE', zh: expect.stringContaining('督办'), en: expect.stringContaining('upervision') });
    expect((await detail(id)).state).toBe('suggested');
    const res = await step(id, tok.leader, { action: 'instruct', instruction: '列入督办，按期办结', leadDepartmentId: unit.mzj, helperDepartmentIds: [unit.rsj], limitDays: 5, supervise: true });
    expect(res.json().state).toBe('instructed');
    const d = await detail(id);
    expect(d.supervisionTaskId).toMatch(/^[0-9a-f-]{36}$/);
    const task = (await call('GET', `/api/office/supervision/tasks/${d.supervisionTaskId}`, tok.duban)).json();
    expect(task).toMatchObject({ title: d.title, source: { kind: 'instruction', ref: id, label: d.docNumber } });
    expect(JSON.stringify(task)).toContain(unit.mzj);
  });
});
