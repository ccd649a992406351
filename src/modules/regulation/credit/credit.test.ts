import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { scoreOf } from './score.ts';
import { CREDIT_SETTINGS_DEFAULT, type CreditSettings } from './settings.ts';

let t: TestPlatform;
let regulator: string;
let inspector: string;
let clerk: string;

const BASE = '/api/regulation/credit';
const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const settingVersions = async () =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom('kernel_setting')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('key', '=', 'regulation.credit')
        .executeTakeFirstOrThrow()
    ).n,
  );
const indicators = async () => (await call('GET', `${BASE}/indicators?regionCode=152201`, regulator)).json().value as CreditSettings;

beforeAll(async () => {
  t = await startTestPlatform();
  const scjg = (await department(t, '152201', '市场监管局')).id;
  const other = (await department(t, '152201', '教育局')).id;
  regulator = await staffToken(t, ['regulator'], scjg);
  inspector = await staffToken(t, ['inspector'], scjg);
  clerk = await staffToken(t, ['office_clerk'], other);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('信用风险分类', () => {
  it('scores from 100 with the default indicators, capped, and names every reason', () => {
    const s = CREDIT_SETTINGS_DEFAULT;
    expect(scoreOf({ ageYears: 5, blackListed: false, abnormalStatus: false }, s)).toEqual({ class: 'A', score: 100, reasons: [] });
    // 成立不满1年 −5 → 95, still A.
    expect(scoreOf({ ageYears: 0.4 }, s)).toMatchObject({ class: 'A', score: 95, reasons: [{ indicator: 'new_entity', zh: '成立不满1年', points: -5 }] });
    // Seven complaints are −21 but capped at −15 → 85, B.
    expect(scoreOf({ complaints12m: 7 }, s)).toMatchObject({ class: 'B', score: 85, reasons: [{ indicator: 'complaints', zh: '12个月内12345投诉（7次）', points: -15 }] });
    // 严重失信 −40 and two penalties −30 → 30, D.
    const d = scoreOf({ blackListed: true, penalties24m: 2 }, s);
    expect(d).toMatchObject({ class: 'D', score: 30 });
    expect(d.reasons.map((r) => [r.indicator, r.points])).toEqual([
      ['black_list', -40],
      ['penalties', -30],
    ]);
    // Passed inspections raise a score that lost points, at most +6; never above 100.
    expect(scoreOf({ inspectionsFailed24m: 2, inspectionsPassed24m: 5 }, s)).toMatchObject({ class: 'B', score: 86 });
    expect(scoreOf({ inspectionsPassed24m: 5 }, s).score).toBe(100);
    // Exactly on a threshold is the better class: 75 is B, 74 C, 60 C, 59 D.
    expect(scoreOf({ penalties24m: 1, abnormalStatus: true, ageYears: 3 }, s)).toMatchObject({ class: 'C', score: 70 });
    expect(scoreOf({ commitmentsBroken: 2 }, s)).toMatchObject({ class: 'C', score: 60 });
    expect(scoreOf({ commitmentsBroken: 2, complaints12m: 1 }, s)).toMatchObject({ class: 'D', score: 57 });
  });

  it('saves a region’s indicators as a new version, and the thresholds decide the class', async () => {
    const before = await indicators();
    expect(before.thresholds).toEqual({ A: 90, B: 75, C: 60 });
    const value: CreditSettings = { ...before, thresholds: { A: 95, B: 80, C: 65 } };
    const res = await call('PUT', `${BASE}/indicators`, regulator, { regionCode: '152201', value, reason: '按本地风险水平调整分数线' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ regionCode: '152201', version: 1, value: { thresholds: { A: 95, B: 80, C: 65 } } });
    expect(scoreOf({ ageYears: 0.5, complaints12m: 1 }, value)).toMatchObject({ class: 'B', score: 92 });
  });

  it('refuses bad indicators with every problem named, and saves nothing', async () => {
    const good = await indicators();
    const versions = await settingVersions();
    const bad = (patch: (v: CreditSettings) => unknown) => call('PUT', `${BASE}/indicators`, regulator, { regionCode: '152201', value: patch(structuredClone(good)), reason: '测试错误配置' });
    // An unknown fact, a flag read as a count, thresholds not falling.
    const r1 = await bad((v) => ({
      ...v,
      thresholds: { A: 80, B: 85, C: 60 },
      indicators: [
        ...v.indicators,
        { key: 'tax', fact: 'taxArrears', mode: 'each', points: -5, zh: '欠税', en: 'Tax arrears' },
        { key: 'bl', fact: 'blackListed', mode: 'each', points: -5, zh: '失信', en: 'Blacklisted' },
      ],
    }));
    expect(r1.statusCode).toBe(422);
    const p1 = r1.json();
    expect(p1.code).toBe('REGULATION_CREDIT_INDICATORS_INVALID');
    expect(p1.title ?? p1.detail).toBeTruthy();
    const paths = (p1.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/value/thresholds/B', `/value/indicators/${good.indicators.length}/fact`, `/value/indicators/${good.indicators.length + 1}/mode`]));
    // Points that are not a number, and an out-of-range threshold: the schema refuses.
    const r2 = await bad((v) => ({ ...v, indicators: [{ ...v.indicators[0], points: '十' }] }));
    expect(r2.statusCode).toBe(400);
    expect(JSON.stringify(r2.json().errors)).toContain('points');
    const r3 = await bad((v) => ({ ...v, thresholds: { A: 190, B: 75, C: 60 } }));
    expect(r3.statusCode).toBe(400);
    // A threshold missing for a `below` indicator, a duplicated key, an unexpected field.
    const r4 = await bad((v) => ({ ...v, indicators: [{ key: 'young', fact: 'ageYears', mode: 'below', points: -5, zh: '新设', en: 'New' }, v.indicators[1], v.indicators[1]] }));
    expect(r4.statusCode).toBe(422);
    expect((r4.json().errors as { path: string }[]).map((e) => e.path)).toEqual(['/value/indicators/0/threshold', '/value/indicators/2/key']);
    expect((await bad((v) => ({ ...v, weight: 2 }))).statusCode).toBe(400);
    // Oversized: more than 40 indicators, a name longer than allowed.
    expect((await bad((v) => ({ ...v, indicators: Array.from({ length: 41 }, (_, i) => ({ ...v.indicators[1], key: `k${i}` })) }))).statusCode).toBe(400);
    expect((await bad((v) => ({ ...v, indicators: [{ ...v.indicators[1], zh: '长'.repeat(61) }] }))).statusCode).toBe(400);
    expect(await settingVersions()).toBe(versions);
    expect(await indicators()).toEqual(good);
  });

  it('refuses those without the right permission or outside their region', async () => {
    const value = await indicators();
    const versions = await settingVersions();
    expect((await call('GET', `${BASE}/distribution`)).statusCode).toBe(401);
    expect((await call('GET', `${BASE}/distribution`, clerk)).statusCode).toBe(403);
    expect((await call('PUT', `${BASE}/indicators`, inspector, { value, reason: '越权修改' })).statusCode).toBe(403);
    expect((await call('POST', `${BASE}/runs`, inspector, {})).statusCode).toBe(403);
    expect((await call('PUT', `${BASE}/indicators`, regulator, { regionCode: '150102', value, reason: '他区' })).statusCode).toBe(403);
    expect((await call('GET', `${BASE}/distribution?regionCode=150102`, regulator)).statusCode).toBe(403);
    expect((await call('GET', `${BASE}/entities/not-a-code`, regulator)).statusCode).toBe(400);
    expect((await call('GET', `${BASE}/runs/00000000-0000-4000-8000-000000000000`, regulator)).statusCode).toBe(404);
    expect(await settingVersions()).toBe(versions);
  });
});
