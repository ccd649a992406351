import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../kernel/policy/index.ts';
import { advanceSignedIn, bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';

let t: TestPlatform;
let lead: string;
let other: string;
let helper: string;
let supervisor: string;
let clerk: string;
let leader: string;
let otherClerk: string;

const BASE = '/api/office/supervision';
const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const principal = async (token: string) => (await t.p.identity.service.authenticate(token)) as Principal;
const taskCount = async () =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom('office_supervision_task')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const board = async (token = supervisor) =>
  (await call('GET', `${BASE}/tasks`, token)).json().items as { id: string; light: string | null; workingDaysLeft: number | null; state: string; progress: number }[];
const lightOf = async (id: string) => (await board()).find((x) => x.id === id)?.light;
const raise = (dueDate: string, title = '推进养老服务中心建设') =>
  call('POST', `${BASE}/tasks`, supervisor, { title, source: { kind: 'instruction', ref: '领导批示〔2026〕3号' }, assign: { leadDepartmentId: lead, helperDepartmentIds: [helper], dueDate } });
/** Moves the test clock to a China time, keeping everyone signed in. */
const moveTo = (at: string) => advanceSignedIn(t, Date.parse(at) - t.clock.now().getTime());

beforeAll(async () => {
  t = await startTestPlatform();
  lead = (await department(t, '152201', '民政局')).id;
  other = (await department(t, '152201', '人社局')).id;
  helper = (await department(t, '152201', '财政局')).id;
  const office = (await department(t, '152201', '市政府办公室')).id;
  supervisor = await staffToken(t, ['office_supervisor'], office);
  clerk = await staffToken(t, ['office_clerk'], lead);
  leader = await staffToken(t, ['leader'], lead);
  otherClerk = await staffToken(t, ['office_clerk'], other);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('督查督办', () => {
  it('lets another office area raise a task through the port, refusing a deadline on a weekend', async () => {
    const who = await principal(leader);
    const port = t.p.office.supervision.port;
    const input = { title: '落实常务会议定事项', source: { kind: 'meeting' as const, ref: 'HY-2026-01' }, leadDepartmentId: lead, dueDate: '2026-03-20', regionCode: '152201' };
    const { id } = await t.p.kernel.db.transaction().execute((trx) => port.raise(trx, who, input));
    const detail = (await call('GET', `${BASE}/tasks/${id}`, supervisor)).json();
    expect(detail).toMatchObject({ state: 'assigned', leadUnit: '民政局', dueDate: '2026-03-20', source: { kind: 'meeting', ref: 'HY-2026-01' }, light: 'green' });
    expect(detail.timeline.map((s: { action: string }) => s.action)).toEqual(['raise', 'assign']);
    const before = await taskCount();
    await expect(t.p.kernel.db.transaction().execute((trx) => port.raise(trx, who, { ...input, dueDate: '2026-03-21' }))).rejects.toMatchObject({ code: 'SUPERVISION_DUE_NOT_WORKING_DAY' });
    expect(await taskCount()).toBe(before);
  });

  it('a 督办 task turns yellow then red on working days, reminding once and escalating once', async () => {
    // Monday 2 March; due Wednesday 11 March.
    const { id } = (await raise('2026-03-11', '整治背街小巷')).json();
    expect(await lightOf(id)).toBe('green');
    // Friday: five calendar days but three working days left (Mon, Tue, Wed) → yellow.
    await moveTo('2026-03-06T10:00:00+08:00');
    expect((await board()).find((x) => x.id === id)).toMatchObject({ light: 'yellow', workingDaysLeft: 3 });
    expect(await t.p.office.supervision.remind()).toEqual({ reminded: 1, escalated: 0 });
    expect(await t.p.office.supervision.remind()).toEqual({ reminded: 0, escalated: 0 });
    // Friday → Monday is one working day, not three: still yellow, two left, no second reminder.
    await moveTo('2026-03-09T10:00:00+08:00');
    expect((await board()).find((x) => x.id === id)).toMatchObject({ light: 'yellow', workingDaysLeft: 2 });
    expect((await t.p.office.supervision.remind()).reminded).toBe(0);
    // Thursday: past the deadline → red, escalated once to the supervisor and the unit's leader.
    await moveTo('2026-03-12T09:00:00+08:00');
    expect(await lightOf(id)).toBe('red');
    expect(await t.p.office.supervision.remind()).toEqual({ reminded: 0, escalated: 1 });
    expect((await t.p.office.supervision.remind()).escalated).toBe(0);
    const steps = (await call('GET', `${BASE}/tasks/${id}`, supervisor)).json().timeline.map((s: { action: string }) => s.action);
    expect(steps.filter((a: string) => a === 'remind')).toHaveLength(1);
    expect(steps.filter((a: string) => a === 'escalate')).toHaveLength(1);
    const todos = (await call('GET', '/api/office/todos?kind=supervision', leader)).json().items;
    expect(todos.find((x: { id: string }) => x.id === id)).toMatchObject({ light: 'red', link: `/workbench/office/supervision/${id}` });
    const inbox = await t.p.kernel.db.selectFrom('kernel_notification').select(['title', 'link']).where('link', '=', `/workbench/office/supervision/${id}`).execute();
    expect(inbox).toHaveLength(1);
  });

  it('takes a task from 交办 through 签收, feedback with evidence, 退回 and 办结销号, counted per unit', async () => {
    const { id } = (await raise('2026-03-27')).json();
    // Only the lead unit signs for it; another unit does not even see it.
    expect((await call('POST', `${BASE}/tasks/${id}/sign`, otherClerk)).statusCode).toBe(404);
    expect((await call('POST', `${BASE}/tasks/${id}/sign`, clerk)).json()).toEqual({ state: 'in_progress' });
    expect((await call('POST', `${BASE}/tasks/${id}/sign`, clerk)).json().code).toBe('SUPERVISION_TASK_STATE');
    const file = await t.p.kernel.db
      .transaction()
      .execute((trx) =>
        t.p.kernel.files.save(trx, { stream: Readable.from([Buffer.from('选址完成，附现场说明。')]), name: '进展说明.txt', declaredMime: 'text/plain', ownerId: 'test', regionCode: '152201' }),
      );
    const fb = await call('POST', `${BASE}/tasks/${id}/feedback`, clerk, { progress: 40, text: '已完成选址', evidence: [file.id] });
    expect(fb.json()).toEqual({ state: 'in_progress' });
    expect((await call('POST', `${BASE}/tasks/${id}/feedback`, clerk, { progress: 30, text: '倒退' })).json().code).toBe('SUPERVISION_PROGRESS_BACKWARDS');
    expect((await call('POST', `${BASE}/tasks/${id}/feedback`, clerk, { progress: 50, text: 'x', evidence: ['0190d2d8-0000-7000-8000-000000000000'] })).json().code).toBe('SUPERVISION_UNKNOWN_FILE');
    expect((await call('POST', `${BASE}/tasks/${id}/report`, leader, { text: '已建成' })).json()).toEqual({ state: 'reported' });
    // 退回 needs a reason; the supervisor's steps are the supervisor's alone.
    expect((await call('POST', `${BASE}/tasks/${id}/review`, supervisor, { decision: 'return' })).statusCode).toBe(400);
    expect((await call('POST', `${BASE}/tasks/${id}/review`, clerk, { decision: 'accept' })).statusCode).toBe(403);
    expect((await call('POST', `${BASE}/tasks/${id}/review`, supervisor, { decision: 'return', opinion: '缺少验收材料' })).json()).toEqual({ state: 'in_progress' });
    await call('POST', `${BASE}/tasks/${id}/report`, clerk, { text: '补充验收材料', evidence: [file.id] });
    expect((await call('POST', `${BASE}/tasks/${id}/review`, supervisor, { decision: 'accept', opinion: '同意销号' })).json()).toEqual({ state: 'done' });
    const detail = (await call('GET', `${BASE}/tasks/${id}`, clerk)).json();
    expect(detail).toMatchObject({ state: 'done', progress: 100, returned: 1, light: null });
    expect(detail.timeline.find((s: { action: string }) => s.action === 'feedback')).toMatchObject({ progress: 40, evidence: [file.id], opinion: '已完成选址' });
    const figures = (await call('GET', `${BASE}/figures`, supervisor)).json().items;
    expect(figures.find((f: { departmentId: string }) => f.departmentId === lead)).toMatchObject({ name: '民政局', done: 1, onTime: 1, returned: 1, overdue: 1 });
  });

  it('imports a key-work list only when every row is right, naming the bad rows', async () => {
    const before = await taskCount();
    const rows = [
      { title: '优化营商环境', leadDepartmentId: other, dueDate: '2026-06-30' },
      { title: '建设智慧社区', leadDepartmentId: lead, dueDate: '2026-06-27' },
      { title: '完善就业服务', leadDepartmentId: '0190d2d8-0000-7000-8000-000000000000', dueDate: '2026-06-30' },
    ];
    const bad = await call('POST', `${BASE}/key-work-lists`, supervisor, { ref: '2026年度重点工作', rows });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['/rows/1/dueDate', '/rows/2/leadDepartmentId']);
    expect(await taskCount()).toBe(before);
    const ok = await call('POST', `${BASE}/key-work-lists`, supervisor, { ref: '2026年度重点工作', rows: [rows[0], { ...rows[1], dueDate: '2026-06-26' }] });
    expect(ok.statusCode).toBe(201);
    expect(await taskCount()).toBe(before + 2);
    const mine = await board(otherClerk);
    expect(mine.map((x) => x.id)).toEqual([ok.json().ids[0]]);
  });

  it('refuses bad input with a problem and stores nothing', async () => {
    const before = await taskCount();
    expect((await call('GET', `${BASE}/tasks`)).statusCode).toBe(401);
    expect((await call('POST', `${BASE}/tasks`, clerk, { title: '自行立项', source: { kind: 'instruction' } })).statusCode).toBe(403);
    expect((await call('GET', `${BASE}/tasks/not-a-uuid`, supervisor)).statusCode).toBe(400);
    expect((await call('POST', `${BASE}/tasks`, supervisor, { title: '长'.repeat(201), source: { kind: 'instruction' } })).statusCode).toBe(400);
    expect((await call('POST', `${BASE}/tasks`, supervisor, { title: '来源不明', source: { kind: 'rumour' } })).statusCode).toBe(400);
    const past = await raise('2026-01-05');
    expect(past.json()).toMatchObject({ code: 'SUPERVISION_DUE_IN_PAST', status: 422 });
    expect((await raise('2026-13-40')).json().code).toBe('SUPERVISION_BAD_DATE');
    const { id } = (await raise('2026-04-30')).json();
    await call('POST', `${BASE}/tasks/${id}/sign`, clerk);
    expect((await call('POST', `${BASE}/tasks/${id}/feedback`, clerk, { progress: 101, text: '超出' })).statusCode).toBe(400);
    expect((await call('GET', `${BASE}/tasks/${id}`, otherClerk)).statusCode).toBe(404);
    expect(await taskCount()).toBe(before + 1);
    const problem = past.json();
    expect(problem.title ?? problem.detail).toBeTruthy();
  });
});
