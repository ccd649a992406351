import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../kernel/workflow/index.ts';
import { report, setupCases, step, type CaseWorld } from '../../testing/cases.ts';
import { bearer, startTestPlatform, staffToken, type TestPlatform } from '../../testing/platform.ts';
import { CASE_WORKFLOW } from './workflow.ts';

let t: TestPlatform;
let w: CaseWorld;
let admin: string;

beforeAll(async () => {
  t = await startTestPlatform();
  w = await setupCases(t);
  admin = await staffToken(t, ['region_admin'], w.centre);
});
afterAll(async () => t?.close());

const call = (content: string) => ({ kind: 'complaint', content, callerName: '赵女士', callerPhone: `1360482${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}` });
const publish = async (definition: unknown, regionCode = '152201') => {
  const r = await t.app.inject({ method: 'POST', url: '/api/cases/workflows', headers: bearer(admin), payload: { regionCode, definition, reason: '增加挂起环节' } });
  return { status: r.statusCode, body: r.json() };
};
const detail = async (token: string, id: string) => (await t.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: bearer(token) })).json();
const note = (token: string, id: string, body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/cases/${id}/notes`, headers: bearer(token), payload: body });
const latest = async () => (await t.app.inject({ method: 'GET', url: '/api/cases/workflows?regionCode=152201', headers: bearer(admin) })).json().latest;

/** A case dispatched to 住建局 and signed for. */
async function handlingCase(text: string) {
  const r = await report(t, w.agent, call(text));
  await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: '010301', departmentId: w.units.get('ZJJ') });
  const zjj = await w.handler('ZJJ');
  await step(t, zjj, r.body.id, { action: 'accept' });
  return { id: r.body.id as string, zjj };
}

/** Version 2 for the city: 办理中 is called 承办中, and a unit may put a case on hold (挂起) and resume it. */
const v2: WorkflowDefinition = {
  ...CASE_WORKFLOW,
  states: { ...CASE_WORKFLOW.states, handling: { zh: '承办中', en: 'Being handled' }, on_hold: { zh: '已挂起', en: 'On hold' } },
  actions: [
    ...CASE_WORKFLOW.actions,
    { code: 'hold', zh: '挂起', en: 'Put on hold', from: ['handling'], to: 'on_hold', actor: 'staff', roles: ['case_handler'], unit: 'department', requires: ['reason'] },
    { code: 'resume', zh: '恢复办理', en: 'Resume', from: ['on_hold'], to: 'handling', actor: 'staff', roles: ['case_handler'], unit: 'department' },
  ],
};

describe('case workflow versions per region', () => {
  it('a version published in admin applies to new cases; a running case keeps its version and words', async () => {
    const running = await handlingCase('老旧小区屋顶漏水，雨天楼道积水');
    expect((await detail(w.agent, running.id)).workflowVersion).toBe(1);

    const p = await publish(v2);
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body).toMatchObject({ version: 2, regionCode: '152201' });
    expect(await latest()).toBe(2);

    const fresh = await handlingCase('小区二次供水水箱清洗不及时，水有异味');
    const a = await detail(running.zjj, running.id);
    const b = await detail(fresh.zjj, fresh.id);
    expect(a.workflowVersion).toBe(1);
    expect(a.stateLabel.zh).toBe('办理中');
    expect(a.actions.map((x: { code: string }) => x.code)).not.toContain('hold');
    expect(b.workflowVersion).toBe(2);
    expect(b.stateLabel).toEqual({ zh: '承办中', en: 'Being handled' });
    expect(b.actions.map((x: { code: string }) => x.code)).toContain('hold');
    // The new action works on the new case through the engine, and is refused on the running one.
    expect((await step(t, fresh.zjj, fresh.id, { action: 'hold', reason: '等待产权单位确认' })).body.state).toBe('on_hold');
    expect((await step(t, running.zjj, running.id, { action: 'hold', reason: '等待产权单位确认' })).body.code).toBe('WORKFLOW_UNKNOWN_ACTION');

    // The code lists the workbench shows come from the stored versions (the latest first).
    const codes = (await t.app.inject({ method: 'GET', url: '/api/cases/codes' })).json();
    expect(codes.states.find((s: { code: string }) => s.code === 'handling').zh).toBe('承办中');
    expect(codes.states.map((s: { code: string }) => s.code)).toContain('on_hold');

    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action', 'object_id']).where('object_type', '=', 'cases.workflow').execute();
    expect(audit).toEqual([{ action: 'workflow-published', object_id: '2' }]);
  });

  it('refuses a workflow with an unreachable state, a cycle without exit, or a limit of 0, naming each problem', async () => {
    const before = await latest();
    const unreachable = await publish({
      ...CASE_WORKFLOW,
      states: { ...CASE_WORKFLOW.states, limbo: { zh: '悬空', en: 'Limbo' } },
      actions: [...CASE_WORKFLOW.actions, { code: 'leave', zh: '离开', en: 'Leave', from: ['limbo'], to: 'closed', actor: 'system' }],
    });
    expect(unreachable.status).toBe(400);
    expect(unreachable.body.code).toBe('CASE_WORKFLOW_INVALID');
    expect(unreachable.body.errors).toContainEqual(expect.objectContaining({ path: '/states/limbo', message: expect.stringContaining('cannot be reached') }));

    // 挂起 and 暂停 lead only into each other: once there, a case could never finish.
    const loop = await publish({
      ...CASE_WORKFLOW,
      states: { ...CASE_WORKFLOW.states, on_hold: { zh: '已挂起', en: 'On hold' }, paused: { zh: '暂停', en: 'Paused' } },
      actions: [
        ...CASE_WORKFLOW.actions,
        { code: 'hold', zh: '挂起', en: 'Hold', from: ['handling'], to: 'on_hold', actor: 'staff', roles: ['case_handler'] },
        { code: 'pause', zh: '暂停', en: 'Pause', from: ['on_hold'], to: 'paused', actor: 'staff', roles: ['case_handler'] },
        { code: 'unpause', zh: '继续挂起', en: 'Back on hold', from: ['paused'], to: 'on_hold', actor: 'staff', roles: ['case_handler'] },
      ],
    });
    expect(loop.status).toBe(400);
    const stateProblems = loop.body.errors.filter((e: { path: string }) => e.path.startsWith('/states/'));
    expect(stateProblems.map((e: { path: string }) => e.path).sort()).toEqual(['/states/on_hold', '/states/paused']);
    expect(stateProblems[0].message).toContain('can never finish');

    // An action no handler implements would be taken as a bare move or ignored: refused on save.
    const unknown = await publish({
      ...CASE_WORKFLOW,
      actions: [...CASE_WORKFLOW.actions, { code: 'escalate_to_mayor', zh: '报市长', en: 'Escalate to the mayor', from: ['handling'], to: 'closed', actor: 'staff', roles: ['hotline_agent'] }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: `/actions/${CASE_WORKFLOW.actions.length}/code`, message: expect.stringContaining('no handler') }]);

    const zero = await publish({ ...CASE_WORKFLOW, states: { ...CASE_WORKFLOW.states, handling: { ...CASE_WORKFLOW.states.handling, limitDays: 0 } } });
    expect(zero.status).toBe(400);
    expect(zero.body.errors).toEqual([expect.objectContaining({ path: '/states/handling/limitDays' })]);

    const junk = await publish({ initial: 'registered', states: {}, actions: [] });
    expect(junk.status).toBe(400);
    expect(junk.body.errors.length).toBeGreaterThan(0);

    // A unit cannot publish; nothing running changed.
    const zjj = await w.handler('ZJJ');
    const denied = await t.app.inject({ method: 'POST', url: '/api/cases/workflows', headers: bearer(zjj), payload: { regionCode: '152201', definition: v2, reason: '越权发布' } });
    expect(denied.statusCode).toBe(403);
    expect(await latest()).toBe(before);
  });

  it('a check of a draft lists its problems without publishing anything', async () => {
    const before = await latest();
    const r = await t.app.inject({ method: 'POST', url: '/api/cases/workflows/check', headers: bearer(admin), payload: { definition: { ...CASE_WORKFLOW, initial: 'nowhere' } } });
    expect(r.json().problems).toEqual([expect.objectContaining({ path: '/initial' })]);
    expect(await latest()).toBe(before);
  });
});

describe('12345 rules read from the region’s settings', () => {
  it('a new 延期 limit applies to new cases while a running case keeps the rule it was made under', async () => {
    const running = await handlingCase('小区供暖不热，室温不足十五度');
    t.clock.advance(60_000);
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/cases.rules/regions/152201',
      headers: bearer(admin),
      payload: { value: { extension: { maxDaysPerRequest: 5, maxRequests: 1 } }, reason: '压缩延期，提高办理效率' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    t.clock.advance(60_000);
    const fresh = await handlingCase('小区供暖管道异响，夜间影响休息');

    const long = { kind: 'request_extension', text: '需协调热力公司更换阀门', days: 8 };
    const ok = await note(running.zjj, running.id, long);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().extensionStatus).toBe('pending');

    const refused = await note(fresh.zjj, fresh.id, long);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'CASE_EXTENSION_TOO_LONG', errors: [{ path: '/days' }] });
    expect((await detail(fresh.zjj, fresh.id)).extensionStatus).toBeNull();

    // One request per case under the new rule: after a refusal the unit may not ask again.
    expect((await note(fresh.zjj, fresh.id, { ...long, days: 5 })).statusCode).toBe(200);
    expect((await note(w.agent, fresh.id, { kind: 'refuse_extension', text: '请按期办结' })).statusCode).toBe(200);
    const again = await note(fresh.zjj, fresh.id, { ...long, days: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CASE_EXTENSIONS_USED');
  });

  it('the repeat-caller threshold is the region’s', async () => {
    const phone = '13604829999';
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/cases.rules/regions/152201',
      headers: bearer(admin),
      payload: { value: { repeatCaller: { days: 7, calls: 2 } }, reason: '两次来电即提示' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await report(t, w.agent, { ...call('路灯不亮'), callerPhone: phone });
    await report(t, w.agent, { ...call('路灯还是不亮'), callerPhone: phone });
    const r = await t.app.inject({ method: 'POST', url: '/api/cases/caller-history', headers: bearer(w.agent), payload: { phone } });
    expect(r.json()).toMatchObject({ repeatCaller: true, callsInWindow: 2, windowDays: 7 });
  });
});
