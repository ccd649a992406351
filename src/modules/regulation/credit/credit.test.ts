import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { loadSyntheticBase } from '../../data/index.ts';
import { advanceSignedIn, bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import type { IndicatorFacts } from '../ports.ts';
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
const count = async (table: string, where = 'true') => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.raw(where)}`.execute(t.p.kernel.db)).rows[0].n);
const entity = async (code: string, token = regulator) => (await call('GET', `${BASE}/entities/${code}`, token)).json();
/** One entity of the demo region, already classified, picked by SQL over the class table and the credit register. */
const pick = async (where: string) =>
  (
    await sql<{ credit_code: string }>`
      SELECT k.credit_code FROM regulation_credit_class k JOIN data_credit c ON c.credit_code = k.credit_code
       WHERE k.region_code = '152201' AND ${sql.raw(where)} ORDER BY k.credit_code LIMIT 1`.execute(t.p.kernel.db)
  ).rows[0].credit_code;
/** Not 成立不满1年 (so a score shows only the facts a test is about). */
const NOT_NEW = `NOT k.reasons @> '[{"indicator": "new_entity"}]'`;
/** Runs queued jobs (the worker's part) until none is left. */
const work = async () => {
  while ((await t.p.kernel.jobs.runDue(50)) > 0);
};
/** Asks for a region run over HTTP and lets the worker do it; answers the finished run. */
const classify = async () => {
  const res = await call('POST', `${BASE}/runs`, regulator, {});
  expect(res.statusCode).toBe(202);
  await work();
  return (await call('GET', `${BASE}/runs/${res.json().id}`, regulator)).json();
};
const indicators = async () => (await call('GET', `${BASE}/indicators?regionCode=152201`, regulator)).json().value as CreditSettings;

beforeAll(async () => {
  t = await startTestPlatform();
  const scjg = (await department(t, '152201', '市场监管局')).id;
  const other = (await department(t, '152201', '教育局')).id;
  regulator = await staffToken(t, ['regulator'], scjg);
  inspector = await staffToken(t, ['inspector'], scjg);
  clerk = await staffToken(t, ['office_clerk'], other);
  // A synthetic base (its credit register has black-listed and penalised entities) and the 名录库 built from it.
  await loadSyntheticBase(t.p.kernel, { people: 400, entities: 1500 });
  await t.p.regulation.directory.sync.runNow('152201', { id: SYSTEM_PRINCIPAL.accountId, type: 'system', regionCode: '152201' });
}, 300_000);

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

  it('classifies every object of the region in a background run, black-listed and penalised entities low', async () => {
    const objects = await t.p.regulation.directory.objects.port.inScope(t.p.kernel.db, { regionCodes: ['152201'] });
    expect(objects.length).toBeGreaterThan(500);
    const first = await call('POST', `${BASE}/runs`, regulator, {});
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ state: 'queued', kind: 'manual', regionCode: '152201' });
    // Asking again while it is open answers the same run: the region is not classified twice.
    const second = await call('POST', `${BASE}/runs`, regulator, {});
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    await work();
    const run = (await call('GET', `${BASE}/runs/${first.json().id}`, inspector)).json();
    expect(run).toMatchObject({ state: 'done', progress: { done: objects.length, total: objects.length }, changed: objects.length });
    const codes = objects.map((o) => o.creditCode);
    expect(await count('regulation_credit_class', `credit_code IN (${codes.map((c) => `'${c}'`).join(',')})`)).toBe(objects.length);
    expect(await count('regulation_credit_history')).toBe(objects.length);
    // The distribution adds up to the objects, and some are C or D.
    const dist = (await call('GET', `${BASE}/distribution?by=entityType`, inspector)).json();
    const { A, B, C, D } = dist.total;
    expect(A + B + C + D).toBe(objects.length);
    expect(run.counts).toEqual(dist.total);
    expect(C + D).toBeGreaterThan(0);
    expect(dist.groups.map((g: { key: string }) => g.key)).toContain('有限责任公司');
    // 严重失信 on the register: D, with the reasons in both languages.
    const black = await entity(await pick('c.black_list'));
    expect(black.current.class).toBe('D');
    expect(black.current.reasons).toEqual(expect.arrayContaining([{ indicator: 'black_list', zh: '列入严重违法失信名单', en: 'On the list of serious dishonesty', points: -40 }]));
    expect(black.history).toHaveLength(1);
    // Three penalties on record: −45, D; one: −15, B; none, established years ago: A with no reason.
    expect((await entity(await pick(`NOT c.black_list AND c.penalties = 3 AND ${NOT_NEW}`))).current).toMatchObject({ class: 'D', score: 55 });
    const one = await entity(await pick(`NOT c.black_list AND c.penalties = 1 AND ${NOT_NEW}`));
    expect(one.current).toMatchObject({ class: 'B', score: 85, reasons: [{ indicator: 'penalties_on_record', zh: '公共信用记录中的行政处罚', points: -15 }] });
    expect((await entity(await pick("c.penalties = 0 AND NOT c.black_list AND k.reasons = '[]'"))).current).toMatchObject({ class: 'A', score: 100, reasons: [] });
    // A run over unchanged facts adds no history.
    const again = await classify();
    expect(again).toMatchObject({ state: 'done', changed: 0 });
    expect(await count('regulation_credit_history')).toBe(objects.length);
  });

  it('a penalty reported by a fact source lowers the class after the event, with the reason in the history', async () => {
    const code = await pick("k.class = 'A' AND k.score = 100");
    const penalties = new Map<string, IndicatorFacts>();
    // As the tasks area does: a source of facts it holds, through the module's public credit area.
    t.p.regulation.credit.addFactSource('test.penalties', async (_ex, codes) => new Map(codes.filter((c) => penalties.has(c)).map((c) => [c, penalties.get(c)!])));
    penalties.set(code, { penalties24m: 2 });
    const before = await count('regulation_credit_history', `credit_code = '${code}'`);
    await t.p.kernel.db.transaction().execute((trx) => t.p.regulation.credit.port.recomputeLater(trx, code, '行政处罚 乌市监罚〔2026〕12号'));
    // Nothing moves before the worker runs the queued job.
    expect((await entity(code)).current.class).toBe('A');
    await work();
    const after = await entity(code);
    expect(after.current).toMatchObject({ class: 'C', score: 70, cause: '行政处罚 乌市监罚〔2026〕12号', reasons: [{ indicator: 'penalties', zh: '24个月内行政处罚（2次）', points: -30 }] });
    expect(after.history).toHaveLength(before + 1);
    expect(after.history[0]).toMatchObject({ class: 'C', previousClass: 'A', score: 70, previousScore: 100, cause: '行政处罚 乌市监罚〔2026〕12号' });
    expect(after.history.at(-1)).toMatchObject({ class: 'A' });
    expect(await count('kernel_outbox', `topic = 'regulation.credit.class.changed' AND payload->>'id' = '${code}'`)).toBe(1);
    // Other areas read it through the port; an entity never classified is B.
    const classes = await t.p.regulation.credit.port.classes(t.p.kernel.db, [code, '91152201MA0000000X']);
    expect(Object.fromEntries(classes)).toEqual({ [code]: 'C', '91152201MA0000000X': 'B' });
    // Recomputing again with the same facts keeps the history as it is.
    await t.p.kernel.db.transaction().execute((trx) => t.p.regulation.credit.port.recomputeLater(trx, code, '复核'));
    await work();
    expect((await entity(code)).history).toHaveLength(before + 1);
  });

  it('saves a region’s indicators as a new version, and the next run classifies by its thresholds', async () => {
    const before = await indicators();
    expect(before.thresholds).toEqual({ A: 90, B: 75, C: 60 });
    const code = await pick('NOT c.black_list AND c.penalties = 1 AND k.score = 85');
    const res = await call('PUT', `${BASE}/indicators`, regulator, { regionCode: '152201', value: { ...before, thresholds: { A: 95, B: 86, C: 65 } }, reason: '按本地风险水平调整分数线' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ regionCode: '152201', version: 1, value: { thresholds: { A: 95, B: 86, C: 65 } } });
    await classify();
    expect((await entity(code)).current).toMatchObject({ class: 'C', score: 85 });
    // Back to the national thresholds (a second version): B again, each change in the history.
    expect((await call('PUT', `${BASE}/indicators`, regulator, { value: before, reason: '恢复默认分数线' })).json().version).toBe(2);
    await classify();
    const back = await entity(code);
    expect(back.current.class).toBe('B');
    expect(back.history.map((h: { class: string }) => h.class)).toEqual(['B', 'C', 'B']);
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
    const unknown = await call('GET', `${BASE}/entities/91152201MA0000000X`, regulator);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('REGULATION_CREDIT_UNKNOWN_ENTITY');
    // Wrong JSON types and oversized values are refused before anything is queued.
    const runs = await count('regulation_credit_run');
    expect((await call('POST', `${BASE}/runs`, regulator, { regionCode: { code: '152201' } })).statusCode).toBe(400);
    expect((await call('POST', `${BASE}/runs`, regulator, { regionCode: '1'.repeat(13) })).statusCode).toBe(400);
    expect((await call('POST', `${BASE}/runs`, regulator, { regionCode: '152201', force: true })).statusCode).toBe(400);
    expect((await call('POST', `${BASE}/runs`, regulator, { regionCode: '150102' })).statusCode).toBe(403);
    expect(await count('regulation_credit_run')).toBe(runs);
    // An inspector reads classes (to know whom they inspect) but changes nothing.
    expect((await call('GET', `${BASE}/distribution`, inspector)).statusCode).toBe(200);
    expect(await settingVersions()).toBe(versions);
  });
  it('classifies each month once: the timer’s run of a month already classified is not redone', async () => {
    const id = await t.p.regulation.credit.monthly('152201');
    expect(id).toBeTruthy();
    await work();
    expect((await call('GET', `${BASE}/runs/${id}`, regulator)).json()).toMatchObject({ kind: 'monthly', month: '2026-03', state: 'done', changed: 0 });
    const runs = await count('regulation_credit_run');
    const history = await count('regulation_credit_history');
    expect(await t.p.regulation.credit.monthly('152201')).toBeNull();
    await work();
    expect(await count('regulation_credit_run')).toBe(runs);
    expect(await count('regulation_credit_history')).toBe(history);
    // The next month is classified again.
    await advanceSignedIn(t, 31 * 86_400_000);
    const next = await t.p.regulation.credit.monthly('152201');
    await work();
    expect((await call('GET', `${BASE}/runs/${next}`, regulator)).json()).toMatchObject({ month: '2026-04', state: 'done' });
    const list = (await call('GET', `${BASE}/runs`, regulator)).json().items;
    expect(list[0]).toMatchObject({ id: next, month: '2026-04' });
  });
});
