import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';

let t: TestPlatform;
let bgs: string;
let mzj: string;
let rsj: string;
let clerkBgs: string;
let clerkMzj: string;
let clerkRsj: string;
let staffMzj: string;
let outsider: string;
let meetingId: string;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
/** Moves the fake clock and signs everyone in again (sessions lapse when days pass). */
async function moveTo(when: string) {
  t.clock.set(when);
  const signIn = async (username: string) => (await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username, password: TEST_PASSWORD } })).json().token as string;
  [clerkBgs, clerkMzj, clerkRsj, staffMzj, outsider] = await Promise.all(['mt.bgs', 'mt.mzj', 'mt.rsj', 'mt.lmzj', 'mt.dag'].map(signIn));
}
const at = (s: string) => new Date(s).toISOString();
const meetingInput = () => ({
  title: '全市安全生产工作会议',
  startsAt: at('2026-03-10T09:00:00+08:00'),
  endsAt: at('2026-03-10T11:00:00+08:00'),
  place: '市政府三楼会议室',
  organiserDepartmentId: bgs,
  agenda: '一、通报一季度安全生产形势；二、部署专项整治。',
  replyDueAt: at('2026-03-06T17:00:00+08:00'),
  invitedDepartmentIds: [mzj, rsj],
});

beforeAll(async () => {
  t = await startTestPlatform();
  bgs = (await department(t, '152201', '市政府办公室')).id;
  mzj = (await department(t, '152201', '民政局')).id;
  rsj = (await department(t, '152201', '人社局')).id;
  const other = (await department(t, '152201', '档案馆')).id;
  clerkBgs = await staffToken(t, ['office_clerk'], bgs, 'mt.bgs');
  clerkMzj = await staffToken(t, ['office_clerk'], mzj, 'mt.mzj');
  clerkRsj = await staffToken(t, ['office_clerk'], rsj, 'mt.rsj');
  staffMzj = await staffToken(t, ['leader'], mzj, 'mt.lmzj');
  outsider = await staffToken(t, ['office_clerk'], other, 'mt.dag');
}, 300_000);
afterAll(() => t?.close());

describe('会议 notice and 报名回执', () => {
  it('refuses a meeting in the past, ending before it starts, or from another unit', async () => {
    expect((await call('POST', '/api/office/meetings', clerkBgs, { ...meetingInput(), startsAt: at('2026-03-01T09:00:00+08:00') })).json()).toMatchObject({ code: 'MEETING_INPUT_INVALID' });
    expect((await call('POST', '/api/office/meetings', clerkBgs, { ...meetingInput(), endsAt: at('2026-03-10T08:00:00+08:00') })).statusCode).toBe(422);
    expect((await call('POST', '/api/office/meetings', clerkMzj, meetingInput())).statusCode).toBe(403);
    expect((await call('POST', '/api/office/meetings', clerkBgs, { ...meetingInput(), title: 'x'.repeat(500) })).statusCode).toBe(400);
    expect((await call('POST', '/api/office/meetings', clerkBgs, { ...meetingInput(), invitedDepartmentIds: ['not-a-uuid'] })).statusCode).toBe(400);
    expect((await call('POST', '/api/office/meetings', undefined, meetingInput())).statusCode).toBe(401);
    expect(await t.p.kernel.db.selectFrom('office_meeting').selectAll().execute()).toHaveLength(0);
  });

  it('sends one notice to every invited unit, whose clerks find the reply in 待办', async () => {
    const created = await call('POST', '/api/office/meetings', clerkBgs, meetingInput());
    expect(created.statusCode).toBe(201);
    meetingId = created.json().id;
    // Before the notice the invited units see nothing to do.
    expect((await call('GET', '/api/office/todos?kind=meeting', clerkMzj)).json().items).toHaveLength(0);
    const sent = await call('POST', `/api/office/meetings/${meetingId}/notice`, clerkBgs);
    expect(sent.json()).toMatchObject({ state: 'notified', notified: 2 });
    expect((await call('POST', `/api/office/meetings/${meetingId}/notice`, clerkBgs)).json()).toMatchObject({ code: 'MEETING_NOT_IN_STATE' });
    const todo = (await call('GET', '/api/office/todos?kind=meeting', clerkMzj)).json().items;
    expect(todo).toEqual([expect.objectContaining({ id: meetingId, actionZh: '报名回执', link: `/workbench/office/meetings/${meetingId}` })]);
    const events = await t.p.kernel.db.selectFrom('kernel_outbox').select('topic').where('topic', 'like', 'office.meetings.%').execute();
    expect(events.map((e) => e.topic)).toEqual(['office.meetings.meeting.created', 'office.meetings.meeting.notified']);
    // Each invited unit's clerks find the notice in their inbox too (told by a job, after the commit).
    await t.p.kernel.jobs.runDue(20);
    const inbox = (await call('GET', '/api/notifications', clerkMzj)).json() as { title: string; link: string | null }[];
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ title: '会议通知：全市安全生产工作会议', link: `/workbench/office/meetings/${meetingId}` })]));
    expect(((await call('GET', '/api/notifications', outsider)).json() as { title: string }[]).some((n) => n.title.startsWith('会议通知'))).toBe(false);
  });

  it('counts each unit’s reply live, and a clerk answers only for their own unit', async () => {
    expect((await call('PUT', `/api/office/meetings/${meetingId}/units/${rsj}/reply`, clerkMzj, { attending: true, attendees: ['张三'] })).statusCode).toBe(403);
    expect((await call('PUT', `/api/office/meetings/${meetingId}/units/${mzj}/reply`, clerkMzj, { attending: true, attendees: [] })).json()).toMatchObject({ code: 'MEETING_INPUT_INVALID' });
    expect((await call('PUT', `/api/office/meetings/${meetingId}/units/${mzj}/reply`, clerkMzj, { attending: true, attendees: ['王局长', '李科长'] })).statusCode).toBe(200);
    expect((await call('PUT', `/api/office/meetings/${meetingId}/units/${bgs}/reply`, clerkBgs, { attending: true, attendees: ['赵'] })).json()).toMatchObject({ code: 'MEETING_NOT_INVITED' });
    const view = (await call('GET', `/api/office/meetings/${meetingId}`, clerkBgs)).json();
    expect(view).toMatchObject({ units: 2, replied: 1, attendees: 2 });
    expect(view.replies.find((r: { departmentId: string }) => r.departmentId === mzj)).toMatchObject({ reply: 'attending', attendees: ['王局长', '李科长'] });
    expect((await call('GET', '/api/office/todos?kind=meeting', clerkMzj)).json().items).toHaveLength(0);
    // An uninvited unit does not see the meeting at all.
    expect((await call('GET', `/api/office/meetings/${meetingId}`, outsider)).statusCode).toBe(404);
    expect((await call('GET', '/api/office/meetings', outsider)).json().items).toHaveLength(0);
    expect((await call('GET', '/api/office/meetings', clerkRsj)).json().items).toEqual([expect.objectContaining({ id: meetingId, replied: 1 })]);
  });

  it('closes replies at the deadline', async () => {
    await moveTo('2026-03-06T17:00:01+08:00');
    expect((await call('PUT', `/api/office/meetings/${meetingId}/units/${rsj}/reply`, clerkRsj, { attending: false, attendees: [] })).json()).toMatchObject({ code: 'MEETING_REPLY_CLOSED' });
  });
});

describe('签到 by QR code', () => {
  let token: string;
  it('shows the organiser a signed QR code linking to the check-in page', async () => {
    await moveTo('2026-03-10T08:50:00+08:00');
    expect((await call('GET', `/api/office/meetings/${meetingId}/check-in-code`, clerkMzj)).statusCode).toBe(403);
    const code = (await call('GET', `/api/office/meetings/${meetingId}/check-in-code`, clerkBgs)).json();
    expect(code.url).toContain(`/workbench/office/meetings/${meetingId}/check-in?token=`);
    expect(code.qrSvg).toMatch(/^<svg/);
    token = code.token;
  });

  it('checks an invited person in once, and refuses a forged, other-meeting or expired code', async () => {
    const forged = token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect((await call('POST', `/api/office/meetings/${meetingId}/check-ins`, staffMzj, { token: forged })).json()).toMatchObject({ code: 'MEETING_TOKEN_INVALID', status: 422 });
    expect((await call('POST', `/api/office/meetings/${meetingId}/check-ins`, staffMzj, { token: 'nonsense' })).json()).toMatchObject({ code: 'MEETING_TOKEN_INVALID' });
    expect((await call('POST', `/api/office/meetings/${meetingId}/check-ins`, outsider, { token })).json()).toMatchObject({ code: 'MEETING_NOT_INVITED' });
    const first = await call('POST', `/api/office/meetings/${meetingId}/check-ins`, staffMzj, { token });
    expect(first.json()).toMatchObject({ first: true });
    expect((await call('POST', `/api/office/meetings/${meetingId}/check-ins`, staffMzj, { token })).json()).toMatchObject({ first: false, checkedInAt: first.json().checkedInAt });
    const view = (await call('GET', `/api/office/meetings/${meetingId}`, staffMzj)).json();
    expect(view.checkIns).toHaveLength(1);
    expect(view.checkedIn).toBe(true);
    // A second meeting's code does not open this one.
    await moveTo('2026-03-02T09:00:00+08:00');
    const other = (await call('POST', '/api/office/meetings', clerkBgs, { ...meetingInput(), title: '另一个会议' })).json().id;
    await call('POST', `/api/office/meetings/${other}/notice`, clerkBgs);
    const otherToken = (await call('GET', `/api/office/meetings/${other}/check-in-code`, clerkBgs)).json().token;
    expect((await call('POST', `/api/office/meetings/${meetingId}/check-ins`, clerkMzj, { token: otherToken })).json()).toMatchObject({ code: 'MEETING_TOKEN_OTHER' });
    await moveTo('2026-03-10T12:00:00+08:00');
    expect((await call('POST', `/api/office/meetings/${meetingId}/check-ins`, clerkMzj, { token })).json()).toMatchObject({ code: 'MEETING_TOKEN_EXPIRED' });
  });
});

describe('纪要', () => {
  it('asks the organiser for the minutes once the meeting is over', async () => {
    const todo = (await call('GET', '/api/office/todos?kind=meeting', clerkBgs)).json().items;
    expect(todo).toEqual(expect.arrayContaining([expect.objectContaining({ id: meetingId, actionZh: '整理会议纪要' })]));
  });

  it('refuses a decision due on a non-working day, and an invited unit writing minutes', async () => {
    const decision = { text: '民政局牵头开展养老机构安全隐患排查', leadDepartmentId: mzj, helperDepartmentIds: [rsj], dueDate: '2026-03-14' };
    expect((await call('POST', `/api/office/meetings/${meetingId}/minutes`, clerkBgs, { text: '会议议定如下。', decisions: [decision] })).json()).toMatchObject({
      code: 'MEETING_DUE_NOT_WORKING_DAY',
    });
    expect((await call('POST', `/api/office/meetings/${meetingId}/minutes`, clerkMzj, { text: '会议议定如下。', decisions: [] })).statusCode).toBe(403);
    expect((await t.p.kernel.db.selectFrom('office_meeting').select('state').where('id', '=', meetingId).executeTakeFirstOrThrow()).state).toBe('notified');
  });

  it('a meeting decision becomes a task, in the same step as the minutes', async () => {
    const decision = { text: '民政局牵头开展养老机构安全隐患排查，3月20日前报送情况', leadDepartmentId: mzj, helperDepartmentIds: [rsj], dueDate: '2026-03-20' };
    const r = await call('POST', `/api/office/meetings/${meetingId}/minutes`, clerkBgs, { text: '会议通报了一季度形势，议定事项如下。', decisions: [decision] });
    expect(r.json()).toMatchObject({ state: 'minuted', decisions: [{ seq: 1, taskId: expect.any(String) }] });
    const taskId = r.json().decisions[0].taskId;
    // The lead unit finds the task on the supervision side, naming the meeting it came from.
    const task = await call('GET', `/api/office/supervision/tasks/${taskId}`, clerkMzj);
    expect(task.statusCode).toBe(200);
    expect(task.json()).toMatchObject({ source: { kind: 'meeting', ref: meetingId, label: '全市安全生产工作会议' }, leadDepartmentId: mzj, dueDate: '2026-03-20' });
    expect(task.json().helperUnits.map((u: { id: string }) => u.id)).toEqual([rsj]);
    const view = (await call('GET', `/api/office/meetings/${meetingId}`, clerkMzj)).json();
    expect(view).toMatchObject({ state: 'minuted', minutes: '会议通报了一季度形势，议定事项如下。', decisions: [{ seq: 1, taskId, dueDate: '2026-03-20' }] });
    expect((await call('POST', `/api/office/meetings/${meetingId}/minutes`, clerkBgs, { text: '再写一次', decisions: [] })).json()).toMatchObject({ code: 'MEETING_NOT_IN_STATE' });
    expect((await call('GET', '/api/office/todos?kind=meeting', clerkBgs)).json().items.filter((i: { id: string }) => i.id === meetingId)).toHaveLength(0);
  });
});
