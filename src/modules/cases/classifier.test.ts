import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCases } from '../../../seed/case-demo.ts';
import { SYSTEM_PRINCIPAL } from '../identity/index.ts';
import { report, setupCases, step, type CaseWorld } from '../../testing/cases.ts';
import { bearer, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

let t: TestPlatform;
let w: CaseWorld;

beforeAll(async () => {
  t = await startTestPlatform();
  w = await setupCases(t);
  // A past year of calls, as the demo has: the model is trained on the callers' words.
  await t.p.cases.importHistory(SYSTEM_PRINCIPAL, await syntheticCases(t.p, w.units, 600));
});
afterAll(async () => t?.close());

const classify = async (payload: Record<string, unknown>, token = w.agent) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/cases/classify', headers: bearer(token), payload });
  return { status: res.statusCode, body: res.json(), type: String(res.headers['content-type']) };
};
const call = (content: string) => ({ kind: 'complaint', content, callerName: '张女士', callerPhone: `1350482${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}` });

describe('12345 dispatch understanding: department and street', () => {
  it('sends a colloquial call with homophone typos to the heating company', async () => {
    // 暖器 for 暖气, 不惹 for 不热: the sound of the words still says "heating".
    const r = await classify({ text: '俺家那暖器片一点都不惹乎，屋里冷得伸不出手，老人都冻感冒了' });
    expect(r.status).toBe(200);
    expect(r.body.manual).toBe(false);
    expect(r.body.departments[0].departmentId).toBe(w.units.get('GRGS'));
    expect(r.body.departments[0].level).toBe('department');
    expect(r.body.suggestions[0].categoryCode).toBe('010301');
  });

  it('names the street from the words and sends a street-office matter to that street’s office', async () => {
    const r = await classify({ text: '和平里小区楼下垃圾桶满了好几天没人清运，臭得不行' });
    expect(r.status).toBe(200);
    expect(r.body.street).toMatchObject({ code: '152201002', source: 'text' });
    expect(r.body.street.confidence).toBeGreaterThan(0.5);
    expect(r.body.departments[0]).toMatchObject({ level: 'street', departmentId: w.units.get('152201002') });
    // The same matter with a pin in 爱国街道 goes to 爱国街道, whatever the words say.
    const pinned = await classify({ text: '楼下垃圾桶满了好几天没人清运', lon: 122.075, lat: 46.078 });
    expect(pinned.body.street).toMatchObject({ code: '152201001', confidence: 1, source: 'map' });
    expect(pinned.body.departments[0].departmentId).toBe(w.units.get('152201001'));
  });

  it('answers odd text with 需人工判断 or a sensible unit, never an error', async () => {
    const odd = ['asdkjh qwe zzzz', '😀😀😀🙏🙏', 'The street light outside my house is broken', "'; DROP TABLE cases_case; --", '啊啊啊啊啊', '1234567890'];
    for (const text of odd) {
      const r = await classify({ text });
      expect(r.status, text).toBe(200);
      expect(r.body.manual, text).toBe(true);
      expect(r.body.street).toBeNull();
    }
    const long = '我家楼下的垃圾桶满了好几天没人清运，苍蝇很多，气味难闻。'.repeat(80).slice(0, 2000);
    const r = await classify({ text: long });
    expect(r.status).toBe(200);
    expect(r.body.departments[0].level).toBe('street');
  });

  it('registers a call with both slots and keeps its first suggestion; a manual one pre-selects nothing', async () => {
    const r = await report(t, w.agent, call('兴安南大街路灯连续三晚不亮，晚上走路看不见'));
    expect(r.status).toBe(201);
    expect(r.body.manual).toBe(false);
    expect(r.body.departments[0].departmentId).toBe(w.units.get('ZJJ'));
    const row = await t.p.kernel.db.selectFrom('cases_case').select(['first_suggestion']).where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(row.first_suggestion).toMatchObject({ departmentId: w.units.get('ZJJ'), manual: false });

    const unsure = await report(t, w.agent, call('喂喂喂，听得见吗？'));
    expect(unsure.status).toBe(201);
    expect(unsure.body.manual).toBe(true);
    // No category is chosen for the dispatcher: dispatching without one is refused.
    const d = await step(t, w.agent, unsure.body.id, { action: 'dispatch', departmentId: w.units.get('ZJJ') });
    expect(d.status).toBe(400);
  });
});

describe('learning from the final unit', () => {
  const text = '小区东门外快递驿站把包裹堆在人行道上，门口都走不了人';
  let closed = 0;

  it('a 改派 teaches the unit that finally handled the case, not the first one', async () => {
    const before = await classify({ text });
    const first = before.body.departments[0];
    expect(first.departmentId).toBeTruthy();
    // The dispatcher takes the suggestion; the centre later moves the case to the post office
    // (or, if the post office was the suggestion, to 城管), which handles it.
    const finalCode = first.departmentId === w.units.get('YZGS') ? 'CGZF' : 'YZGS';
    const final = w.units.get(finalCode)!;
    const handler = await w.handler(finalCode);
    for (let i = 0; i < 6; i++) {
      const r = await report(t, w.agent, call(`${text}，第${i + 1}次反映`));
      expect(r.status).toBe(201);
      expect((await step(t, w.agent, r.body.id, { action: 'dispatch', categoryCode: first.categoryCode, departmentId: first.departmentId })).status).toBe(200);
      expect((await step(t, w.agent, r.body.id, { action: 'reassign', departmentId: final, reason: '改派' })).status).toBe(200);
      expect((await step(t, handler, r.body.id, { action: 'accept' })).status).toBe(200);
      expect((await step(t, handler, r.body.id, { action: 'reply', reason: '已处理' })).status).toBe(200);
      const c = await step(t, w.agent, r.body.id, { action: 'close', visit: { reached: true, solved: true, satisfaction: 5 } });
      expect(c.body.state, JSON.stringify(c.body)).toBe('closed');
      closed++;
    }
    const after = await classify({ text });
    expect(after.body.departments[0].departmentId).toBe(final);
    expect(after.body.departments[0].departmentId).not.toBe(first.departmentId);
  });

  it('counts only closed cases whose first suggestion was recorded at intake', async () => {
    // Imported history has no first suggestion: it does not count.
    const now = t.p.kernel.clock.now();
    await t.p.cases.importHistory(SYSTEM_PRINCIPAL, [
      {
        createdAt: new Date(now.getTime() - 86_400_000),
        channel: 'hotline',
        kind: 'complaint',
        urgency: 'ordinary',
        title: '路灯不亮',
        content: '路灯不亮',
        categoryCode: '010202',
        departmentId: w.units.get('ZJJ')!,
        centreId: w.centre,
        state: 'closed',
        responseDueAt: now,
        dueAt: now,
        closedAt: now,
        heldOut: false,
      },
    ]);
    const res = await t.app.inject({ method: 'GET', url: '/api/cases/stats/classifier', headers: bearer(w.agent) });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.recorded).toBe(closed);
    expect(s.top3).toBeGreaterThanOrEqual(s.top1);
    expect(s.manualShare).not.toBeNull();
    expect(s.dispatched).toBeGreaterThanOrEqual(closed);
  });
});

describe('refusals', () => {
  it('refuses malformed, oversized and unauthorised input with a problem in both languages', async () => {
    for (const payload of [{ text: '' }, { text: '路灯'.repeat(1051) }, { text: '路灯不亮', extra: 1 }, { text: '路灯不亮', lon: 122.07 }, {}]) {
      const r = await classify(payload);
      expect(r.status, JSON.stringify(payload).slice(0, 40)).toBe(400);
      expect(r.type).toContain('application/problem+json');
      expect(r.body.code).toBeTruthy();
      expect(r.body.zh).toBeTruthy();
      expect(r.body.en).toBeTruthy();
    }
    const outside = await classify({ text: '路灯不亮', lon: 10, lat: 10 });
    expect(outside.status).toBe(422);
    const anon = await t.app.inject({ method: 'POST', url: '/api/cases/classify', payload: { text: '路灯不亮' } });
    expect(anon.statusCode).toBe(401);
    const handler = await staffToken(t, ['case_handler'], w.units.get('ZJJ')!);
    expect((await classify({ text: '路灯不亮' }, handler)).status).toBe(403);
    const stats = await t.app.inject({ method: 'GET', url: '/api/cases/stats/classifier?from=2026-13-01', headers: bearer(w.agent) });
    expect(stats.statusCode).toBe(400);
  });
});
