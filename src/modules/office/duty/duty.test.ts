import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';

let t: TestPlatform;
let bgs: string;
let officer: string;
let officerName: string;
let colleague: string;
let colleagueName: string;
let clerk: string;
let otherDesk: string;
let mzj: string;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const nameOf = async (token: string) => (await call('GET', '/api/identity/me', token)).json().name as string;

beforeAll(async () => {
  t = await startTestPlatform();
  bgs = (await department(t, '152201', '市政府办公室')).id;
  mzj = (await department(t, '152201', '民政局')).id;
  officer = await staffToken(t, ['duty_officer'], bgs);
  colleague = await staffToken(t, ['duty_officer'], bgs);
  clerk = await staffToken(t, ['office_clerk'], bgs);
  otherDesk = await staffToken(t, ['duty_officer'], mzj);
  officerName = await nameOf(officer);
  colleagueName = await nameOf(colleague);
  await t.p.kernel.db.transaction().execute((trx) => t.p.kernel.calendar.seedYear(trx, 2026));
  // The case the urgent report opens is filed under 公共安全.
  await t.p.cases.categories.saveCategory(SYSTEM_PRINCIPAL, { code: '07', parentCode: null, name: '公共安全', nameEn: 'Public safety' }, 'seed');
}, 300_000);
afterAll(() => t?.close());

describe('值班表 on the working-day calendar', () => {
  it('fills a month in turn, flagging holidays and weekends, each with a leader', async () => {
    const r = await call('POST', '/api/office/duty/rota/generate', officer, { month: '2026-04', leaders: ['王市长', '李秘书长'], officers: [officerName, colleagueName] });
    expect(r.json()).toEqual({ created: 30, kept: 0 });
    const rota = (await call('GET', '/api/office/duty/rota?month=2026-04', officer)).json();
    const day = (d: string) => rota.days.find((x: { day: string }) => x.day === d);
    expect(day('2026-04-06')).toMatchObject({ kind: 'holiday', leader: expect.any(String), planned: true });
    expect(day('2026-04-11')).toMatchObject({ kind: 'weekend' });
    expect(day('2026-04-07')).toMatchObject({ kind: 'workday' });
    expect(rota.days.every((d: { leader: string | null }) => d.leader)).toBe(true);
    // A second run keeps what is planned.
    expect((await call('POST', '/api/office/duty/rota/generate', officer, { month: '2026-04', leaders: ['王市长'], officers: [officerName] })).json()).toEqual({ created: 0, kept: 30 });
  });

  it('refuses a holiday without a leader, a clerk editing, another unit’s desk and bad dates', async () => {
    expect((await call('PUT', '/api/office/duty/rota/2026-04-06', officer, { leader: null, officers: [officerName] })).json()).toMatchObject({ code: 'DUTY_LEADER_REQUIRED', status: 422 });
    expect((await call('PUT', '/api/office/duty/rota/2026-04-06', clerk, { leader: '王市长', officers: [officerName] })).statusCode).toBe(403);
    expect((await call('PUT', '/api/office/duty/rota/2026-04-06', otherDesk, { departmentId: bgs, leader: '王市长', officers: ['某某'] })).statusCode).toBe(403);
    expect((await call('PUT', '/api/office/duty/rota/2026-02-30', officer, { leader: '王市长', officers: ['某某'] })).json()).toMatchObject({ code: 'DUTY_INPUT_INVALID' });
    expect((await call('PUT', '/api/office/duty/rota/2026-04-07', officer, { leader: null, officers: [] })).statusCode).toBe(400);
    expect((await call('POST', '/api/office/duty/rota/generate', officer, { month: '2026-13', leaders: ['a'], officers: ['b'] })).statusCode).toBe(400);
    // A working day may go without a leader; the change is kept.
    expect((await call('PUT', '/api/office/duty/rota/2026-04-07', officer, { leader: null, officers: [colleagueName] })).json()).toMatchObject({
      kind: 'workday',
      leader: null,
      officers: [colleagueName],
    });
    const rota = (await call('GET', '/api/office/duty/rota?month=2026-04', officer)).json();
    expect(rota.days.find((d: { day: string }) => d.day === '2026-04-06').leader).not.toBeNull();
  });

  it('tells the officer on today’s shift in 待办', async () => {
    await call('PUT', '/api/office/duty/rota/2026-03-02', officer, { leader: '王市长', officers: [officerName] });
    const todo = (await call('GET', '/api/office/todos?kind=duty', officer)).json().items;
    expect(todo).toEqual([expect.objectContaining({ actionZh: '今日值班', link: '/workbench/office/duty' })]);
    expect((await call('GET', '/api/office/todos?kind=duty', colleague)).json().items).toHaveLength(0);
  });
});

describe('交接班 and 值班日志', () => {
  it('hands over to a named colleague, who alone acknowledges, once', async () => {
    const h = await call('POST', '/api/office/duty/handovers', officer, { toName: colleagueName, items: '1. 防汛值守电话已转接；2. 待回复民政局来文一件。' });
    expect(h.statusCode).toBe(201);
    const id = h.json().id;
    expect((await call('GET', '/api/office/todos?kind=duty', colleague)).json().items).toEqual([expect.objectContaining({ id, actionZh: '确认接班' })]);
    expect((await call('POST', `/api/office/duty/handovers/${id}/acknowledge`, officer)).json()).toMatchObject({ code: 'DUTY_NOT_INCOMING' });
    expect((await call('POST', `/api/office/duty/handovers/${id}/acknowledge`, otherDesk)).statusCode).toBe(403);
    expect((await call('POST', `/api/office/duty/handovers/${id}/acknowledge`, colleague)).json()).toMatchObject({ state: 'acknowledged' });
    expect((await call('POST', `/api/office/duty/handovers/${id}/acknowledge`, colleague)).json()).toMatchObject({ code: 'DUTY_ALREADY_ACKNOWLEDGED' });
    const list = (await call('GET', '/api/office/duty/handovers', officer)).json();
    expect(list[0]).toMatchObject({ fromName: officerName, toName: colleagueName, state: 'acknowledged' });
  });

  it('keeps the log of the day, refusing a time in the future or an oversized text', async () => {
    expect((await call('POST', '/api/office/duty/logs', officer, { kind: 'call', text: '市应急局来电询问值班安排' })).statusCode).toBe(201);
    expect((await call('POST', '/api/office/duty/logs', officer, { kind: 'call', text: '未来', at: '2026-03-03T09:00:00+08:00' })).json()).toMatchObject({ code: 'DUTY_INPUT_INVALID' });
    expect((await call('POST', '/api/office/duty/logs', officer, { kind: 'call', text: 'x'.repeat(5000) })).statusCode).toBe(400);
    expect((await call('POST', '/api/office/duty/logs', officer, { kind: 'gossip', text: 'x' })).statusCode).toBe(400);
    const logs = (await call('GET', '/api/office/duty/logs', officer)).json();
    expect(logs).toEqual([expect.objectContaining({ kind: 'call', text: '市应急局来电询问值班安排', authorName: officerName })]);
  });
});

describe('突发事件信息 → 12345/一网统管 case', () => {
  const report = {
    what: '兴安盟宾馆附近燃气管道泄漏，已疏散周边群众',
    place: '乌兰浩特市兴安南大街',
    occurredAt: '2026-03-02T08:40:00+08:00',
    casualties: 0,
    reporter: '爱国街道 刘主任',
    lon: 122.075,
    lat: 46.078,
  };
  it('opens a case with the report’s text, and the report then shows its number', async () => {
    const r = await call('POST', '/api/office/duty/incidents', officer, report);
    expect(r.statusCode).toBe(201);
    const id = r.json().id;
    expect((await call('GET', `/api/office/duty/incidents/${id}`, officer)).json().caseNumber).toBeNull();
    await t.p.kernel.events.dispatch(200);
    const shown = (await call('GET', `/api/office/duty/incidents/${id}`, officer)).json();
    expect(shown.caseNumber).toMatch(/^152201-GD-20260302-\d{6}$/);
    const c = await t.p.kernel.db.selectFrom('cases_case').select(['number', 'content', 'urgency', 'category_code']).where('number', '=', shown.caseNumber).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ urgency: 'urgent', category_code: '07' });
    expect(c.content).toContain(report.what);
    // Redelivery opens nothing twice.
    await t.p.kernel.events.dispatch(200);
    expect(await t.p.kernel.db.selectFrom('cases_case').select('id').execute()).toHaveLength(1);
    // It is in the day's log too.
    expect((await call('GET', '/api/office/duty/logs', officer)).json()).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'incident' })]));
  });

  it('refuses a report from outside the duty desk, in the future, or with negative casualties', async () => {
    expect((await call('POST', '/api/office/duty/incidents', clerk, report)).statusCode).toBe(403);
    expect((await call('POST', '/api/office/duty/incidents', otherDesk, { ...report, departmentId: bgs })).statusCode).toBe(403);
    expect((await call('POST', '/api/office/duty/incidents', officer, { ...report, occurredAt: '2026-03-05T08:00:00+08:00' })).json()).toMatchObject({ code: 'DUTY_INPUT_INVALID' });
    expect((await call('POST', '/api/office/duty/incidents', officer, { ...report, casualties: -1 })).statusCode).toBe(400);
    expect((await call('GET', '/api/office/duty/incidents', officer)).json()).toHaveLength(1);
  });
});
