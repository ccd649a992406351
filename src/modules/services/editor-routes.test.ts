import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { PROMISED_WORKFLOW } from './default-workflows.ts';

let t: TestPlatform;
let admin: string;
let window: string;

const validate = (token: string | null, payload: unknown) => t.app.inject({ method: 'POST', url: '/api/services/workflows/validate', headers: token ? bearer(token) : {}, payload: payload as object });

beforeAll(async () => {
  t = await startTestPlatform();
  const market = await department(t, '152201', '市场监督管理局');
  admin = await staffToken(t, ['region_admin'], market.id);
  window = await staffToken(t, ['window_staff'], market.id);
});
afterAll(() => t.close());

describe('the item editors’ server help', () => {
  it('finds nothing wrong in the standard workflow, and names an unreachable state and an unknown action', async () => {
    const ok = await validate(admin, { workflow: PROMISED_WORKFLOW });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ problems: [] });
    const def = structuredClone(PROMISED_WORKFLOW);
    def.states.archive = { zh: '归档', en: 'Archived', kind: 'end' };
    def.actions.push({ code: 'fast_track', zh: '绿色通道', en: 'Fast track', from: ['review'], to: 'decision', actor: 'staff', roles: ['approver'] });
    const bad = (await validate(admin, { workflow: def })).json().problems as { path: string; message: string }[];
    expect(bad).toContainEqual({ path: '/states/archive', message: expect.stringContaining('不可达') });
    expect(bad).toContainEqual({ path: `/actions/${def.actions.length - 1}/code`, message: expect.stringContaining('fast_track') });
  });

  it('answers a malformed definition with its problems, and a bad body with a bilingual 400', async () => {
    const r = await validate(admin, { workflow: { initial: 'x', states: {}, actions: [] } });
    expect(r.statusCode).toBe(200);
    expect(r.json().problems.length).toBeGreaterThan(0);
    const wrong = await validate(admin, { definition: PROMISED_WORKFLOW });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    const huge = structuredClone(PROMISED_WORKFLOW) as typeof PROMISED_WORKFLOW & { note?: string };
    huge.note = 'x'.repeat(70_000);
    expect((await validate(admin, { workflow: huge })).statusCode).toBe(413);
  });

  it('is for item managers only, and lists the prefill sources and actions to pick from', async () => {
    expect((await validate(null, { workflow: PROMISED_WORKFLOW })).statusCode).toBe(401);
    expect((await validate(window, { workflow: PROMISED_WORKFLOW })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/services/editor-codes', headers: bearer(window) })).statusCode).toBe(403);
    const codes = (await t.app.inject({ method: 'GET', url: '/api/services/editor-codes', headers: bearer(admin) })).json();
    expect(codes.prefillSources).toContainEqual({ code: 'person.idNumber', zh: '公民身份号码', en: 'ID number' });
    // 只填一次: base-data facts too, named after the base they come from.
    expect(codes.prefillSources).toContainEqual({ code: 'person.birthDate', zh: '出生日期（人口基础库）', en: 'Date of birth (population base)' });
    expect(codes.prefillSources).toContainEqual({ code: 'enterprise.address', zh: '住所（法人基础库）', en: 'Domicile (legal-entity base)' });
    expect(codes.workflowActions).toContainEqual({ code: 'approve', zh: '准予许可', en: 'Approve' });
  });
});
