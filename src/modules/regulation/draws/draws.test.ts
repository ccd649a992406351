import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { sm3 } from 'sm-crypto-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../kernel/ids/index.ts';
import type { Principal } from '../../../kernel/policy/index.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { loadSyntheticBase } from '../../data/index.ts';
import { advanceSignedIn, bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import { checkInBrowser } from '../../../../web/src/portal/regulation/draws/recompute.ts';
import type { PublicDraw } from '../../../../web/src/portal/regulation/draws/types.ts';
import { canonicalJson } from './canonical.ts';
import { draw, keyString, pick, quotaOf, type HashFn } from './sortition.ts';

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, 'check-script/draw-check.mjs');

let t: TestPlatform;
let regulator: string;
let inspectorToken: string;
let scjg: string;
let wjw: string;
let reg: Principal;
const inspectors: { id: string; token: string; departmentId: string }[] = [];
let foodItem: string;
let healthItem: string;
let plainItem: string;
let item: (code: string, name: string, departmentId: string, randomCheck: boolean) => Promise<string>;
/** A few objects tagged '专项' (a small scope whose every object is drawn at 100 %). */
let special: string[] = [];

const BASE = '/api/regulation/plans';
const PUBLIC = '/api/regulation/public/draws';
const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const count = async (table: string, where = 'true') => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.raw(where)}`.execute(t.p.kernel.db)).rows[0].n);
const principal = async (token: string) => (await t.p.identity.service.authenticate(token)) as Principal;
const hour = 3_600_000;
const inAnHour = () => new Date(t.clock.now().getTime() + hour).toISOString();

// An independent SM3 for recomputing: sm-crypto-v2 (the platform uses node:crypto where it can).
const jsSm3: HashFn = (b) => Uint8Array.from(Buffer.from(sm3(b), 'hex'));
const md5: HashFn = (b) => new Uint8Array(createHash('md5').update(b).digest());

const RATES = { A: { percent: 3 }, B: { percent: 10 }, C: { percent: 20 }, D: { percent: 100 } };
const planInput = (over: Record<string, unknown> = {}) => ({
  name: '2026年食品经营者双随机抽查',
  year: 2026,
  batch: 1,
  checkType: 'undirected',
  itemIds: [foodItem],
  scope: { regionCodes: ['152201'] },
  startsOn: '2026-03-01',
  endsOn: '2026-06-30',
  leadDepartmentId: scjg,
  rates: RATES,
  inspectorsPerObject: 2,
  ...over,
});
const SOURCES = [
  { name: '中国福利彩票双色球第2026025期开奖号码（红球6个、蓝球1个）', count: 7 },
  { name: '中国福利彩票3D第2026061期开奖号码', count: 3 },
];
const VALUES = [
  [3, 9, 14, 22, 27, 31, 8],
  [4, 0, 7],
];

async function createPlan(over: Record<string, unknown> = {}): Promise<string> {
  const res = await call('POST', BASE, regulator, planInput(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function commitPlan(id: string, at = inAnHour()) {
  const res = await call('POST', `${BASE}/${id}/commit`, regulator, { seedSources: SOURCES, seedAvailableAt: at });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
/** Moves the test clock past the seed's time (keeping everyone signed in) and draws. */
async function drawPlan(id: string, values = VALUES) {
  await advanceSignedIn(t, 2 * hour);
  return call('POST', `${BASE}/${id}/draw`, regulator, { values });
}
const publicDraw = async (id: string) => {
  const res = await call('GET', `${PUBLIC}/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PublicDraw;
};
/** Runs the downloadable script on a saved copy of the public JSON; its exit code and output. */
async function script(pub: unknown, ...flags: string[]): Promise<{ code: number; out: string }> {
  const file = path.join(os.tmpdir(), `draw-${process.pid}-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify(pub));
  try {
    const { stdout } = await run(process.execPath, [SCRIPT, file, ...flags]);
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  } finally {
    fs.rmSync(file, { force: true });
  }
}
/** The result recomputed here with the pure function and another SM3, from the public JSON only. */
function recompute(pub: PublicDraw) {
  const avoid = new Map<string, Set<string>>();
  for (const a of pub.avoidance) avoid.set(a.creditCode, (avoid.get(a.creditCode) ?? new Set()).add(a.inspectorId));
  return draw(jsSm3, {
    key: keyString(pub.draw!.values),
    candidates: pub.candidates,
    rates: pub.plan.rates,
    inspectors: pub.inspectors,
    departments: [pub.plan.leadDepartmentId, ...pub.plan.jointDepartmentIds],
    avoid,
    perObject: pub.plan.inspectorsPerObject,
  });
}

beforeAll(async () => {
  t = await startTestPlatform();
  scjg = (await department(t, '152201', '市场监管局')).id;
  wjw = (await department(t, '152201', '卫生健康委员会')).id;
  regulator = await staffToken(t, ['regulator'], scjg);
  reg = await principal(regulator);
  // Inspectors with accounts (so one can record a result), four of 市场监管 and two of 卫健委.
  for (const [i, d] of [scjg, scjg, scjg, scjg, wjw, wjw].entries()) {
    const token = await staffToken(t, ['inspector'], d, `jc.t${i}`);
    const who = await principal(token);
    const v = await t.p.regulation.directory.inspectors.create(reg, { name: `检查员${i}`, certificateNo: `15220126${String(i).padStart(4, '0')}`, departmentId: d, accountId: who.accountId });
    inspectors.push({ id: v.id, token, departmentId: d });
  }
  inspectorToken = inspectors[0].token;
  const items = t.p.regulation.items.items;
  // A regulator keeps only their own department's items: 卫健委's comes from its own regulator.
  const wjwReg = await principal(await staffToken(t, ['regulator'], wjw));
  item = (code: string, name: string, departmentId: string, randomCheck: boolean) =>
    items.create(departmentId === wjw ? wjwReg : reg, { code, name, basis: '《食品安全法》第八十七条', departmentId, level: 'general', methods: ['onsite'], randomCheck }).then((r) => r.id);
  foodItem = await item('SCJG-SP-001', '食品经营许可事项的监督检查', scjg, true);
  healthItem = await item('WJW-WS-001', '公共场所卫生监督检查', wjw, true);
  plainItem = await item('SCJG-GG-009', '广告发布登记事项检查', scjg, false);
  // A synthetic base (with black-listed and penalised entities), the 名录库 from it, then a credit run.
  await loadSyntheticBase(t.p.kernel, { people: 200, entities: 300 });
  await t.p.regulation.directory.sync.runNow('152201', { id: SYSTEM_PRINCIPAL.accountId, type: 'system', regionCode: '152201' });
  const runRes = await call('POST', '/api/regulation/credit/runs', regulator, {});
  expect(runRes.statusCode, runRes.body).toBe(202);
  while ((await t.p.kernel.jobs.runDue(50)) > 0);
  // A small, fixed scope: three objects tagged 专项.
  const some = await t.p.regulation.directory.objects.inScope(t.p.kernel.db, { regionCodes: ['152201'] });
  special = some.slice(0, 3).map((o) => o.creditCode);
  for (const c of special) await t.p.regulation.directory.objects.tag(reg, c, ['专项']);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('抽取规则（纯函数）', () => {
  it('reproduces the RFC 3797 reference vector with MD5 and our SM3 vector', () => {
    const key = keyString([[9319], [2, 5, 12, 8, 10], [9, 18, 26, 34, 41, 45]]);
    expect(key).toBe('9319./2.5.8.10.12./9.18.26.34.41.45./');
    const rfc = pick(md5, key, '', 25, 5);
    expect(rfc.map((x) => x.position + 1)).toEqual([17, 7, 2, 16, 25]);
    expect(rfc[0].digest.toUpperCase()).toBe('990DD0A5692A029A98B5E01AA28F3459');
    expect(pick(jsSm3, key, '', 25, 5).map((x) => x.position + 1)).toEqual([4, 21, 16, 15, 5]);
  });

  it("the script's own SM3 (GB/T 32905) agrees with sm-crypto-v2 and passes its self-test", async () => {
    const { ownSm3, hex } = (await import(SCRIPT)) as { ownSm3: (b: Uint8Array) => Uint8Array; hex: (b: Uint8Array) => string };
    for (const s of ['', 'abc', '9319./2.5.8.10.12./', '食品经营'.repeat(40), 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(1000)]) {
      const b = new TextEncoder().encode(s);
      expect(hex(ownSm3(b))).toBe(sm3(b));
    }
    const { stdout } = await run(process.execPath, [SCRIPT, '--self-test']);
    expect(stdout).not.toContain('BAD');
  });

  it('keeps the rate of every class over 20,000 entities, and spreads picks evenly within a class', () => {
    const classOf = (i: number) => (i % 100 < 40 ? 'A' : i % 100 < 85 ? 'B' : i % 100 < 97 ? 'C' : 'D');
    const candidates = Array.from({ length: 20_000 }, (_, i) => ({ creditCode: makeCreditCode('152201', String(10_000_000 + i)), class: classOf(i) }));
    const rates = { A: { bp: 300, min: 0 }, B: { bp: 1000, min: 0 }, C: { bp: 2000, min: 0 }, D: { bp: 10_000, min: 0 } };
    const pool = Array.from({ length: 10 }, (_, i) => ({ id: `i${i}`, departmentId: 'd' }));
    const deciles = new Array(10).fill(0);
    const keys = 8;
    for (let k = 0; k < keys; k++) {
      const r = draw(jsSm3, { key: keyString([[k, 17, 33]]), candidates, rates, inspectors: pool, departments: ['d'], avoid: new Map(), perObject: 2 });
      for (const s of r.strata) {
        const n = candidates.filter((c) => c.class === s.label).length;
        // The quota is exact: ceil(rate × n) of each class (A 8,000 → 240, B 9,000 → 900, C 2,400 → 480, D 600 → 600).
        expect(s.quota).toBe(Math.ceil((rates[s.label as 'A'].bp * n) / 10_000));
        expect(new Set(s.steps.map((x) => x.creditCode)).size).toBe(s.quota);
      }
      expect(r.objects.map((o) => o.class).filter((c) => c === 'A')).toHaveLength(240);
      // Where in class B's list the picks fall: ten equal parts should each get a tenth.
      const members = candidates.filter((c) => c.class === 'B').map((c) => c.creditCode);
      const at = new Map(members.map((c, i) => [c, i]));
      for (const s of r.strata.find((x) => x.label === 'B')!.steps) deciles[Math.floor((at.get(s.creditCode)! * 10) / members.length)]++;
    }
    const expected = (900 * keys) / 10;
    const sigma = Math.sqrt(900 * keys * 0.1 * 0.9);
    for (const d of deciles) expect(Math.abs(d - expected)).toBeLessThan(4 * sigma);
    expect(quotaOf(7, { bp: 300, min: 2 })).toBe(2);
    expect(quotaOf(7, { bp: 0, min: 0 })).toBe(0);
  });
});

describe('抽查计划与可核验抽取', () => {
  let drawnId: string;

  it('publishes a joint plan, commits the seed source, draws, and anyone recomputes the same result', async () => {
    const id = await createPlan({
      name: '2026年第一批部门联合双随机抽查',
      jointDepartmentIds: [wjw],
      itemIds: [foodItem, healthItem],
      rates: { A: { percent: 10 }, B: { percent: 20 }, C: { percent: 50 }, D: { percent: 100 } },
    });
    expect((await call('GET', `${PUBLIC}/${id}`)).statusCode).toBe(404); // a draft is not public
    const committed = await commitPlan(id);
    expect(committed).toMatchObject({ state: 'committed', inspectors: 6 });
    expect(committed.candidates).toBeGreaterThan(100);

    // Public from the moment of commit, before anyone knows the seed.
    const before = await publicDraw(id);
    expect(before).toMatchObject({ state: 'committed', seedSources: SOURCES, draw: null });
    expect(before.candidates).toHaveLength(committed.candidates);
    expect(before.candidates.map((c) => c.creditCode)).toEqual([...before.candidates.map((c) => c.creditCode)].sort());
    expect(checkInBrowser(before).match).toBe(true);
    const list = (await call('GET', PUBLIC)).json().items as { id: string }[];
    expect(list.map((x) => x.id)).toContain(id);

    const res = await drawPlan(id);
    expect(res.statusCode, res.body).toBe(200);
    const drawn = res.json();
    expect(drawn.key).toBe('3.8.9.14.22.27.31./0.4.7./');
    const pub = await publicDraw(id);
    const objects = pub.draw!.result.objects;
    expect(drawn).toMatchObject({ state: 'drawn', objects: objects.length, tasks: objects.length });
    for (const s of pub.draw!.result.strata) expect(s.quota).toBe(quotaOf(s.n, pub.plan.rates[s.label]));

    // Recomputed independently from the published inputs: the pure function with another SM3, the
    // browser's code, the downloadable script (own SM3 and node's), and the server's own check.
    expect(canonicalJson(recompute(pub))).toBe(canonicalJson(pub.draw!.result));
    expect(checkInBrowser(pub)).toMatchObject({ match: true });
    const own = await script(pub, '--own-sm3');
    expect(own.code, own.out).toBe(0);
    expect(own.out).toContain('全部一致');
    expect((await script(pub)).code).toBe(0);
    expect((await call('GET', `${PUBLIC}/${id}/check`)).json()).toMatchObject({ match: true, parts: { candidates: { match: true }, result: { match: true }, key: { match: true } } });

    // 部门联合: the first inspector is of the lead department, the second of the joint one.
    for (const o of objects) expect(o.inspectors.map((x) => x.departmentId)).toEqual([scjg, wjw]);
    // The tasks exist for the drawn objects, with their inspectors, due on the plan's end date.
    const tasks = await t.p.kernel.db.selectFrom('regulation_task').selectAll().where('plan_id', '=', id).execute();
    expect(tasks.map((x) => x.credit_code).sort()).toEqual(objects.map((o) => o.creditCode).sort());
    const first = tasks.find((x) => x.credit_code === objects[0].creditCode)!;
    expect(first.inspector_ids).toEqual(objects[0].inspectors.map((x) => x.id));
    expect(first.kind).toBe('random');
    drawnId = id;
  });

  it('refuses a second draw (409) and never draws again', async () => {
    const stored = await t.p.kernel.db.selectFrom('regulation_draw').selectAll().where('plan_id', '=', drawnId).executeTakeFirstOrThrow();
    const tasks = await count('regulation_task');
    const res = await call('POST', `${BASE}/${drawnId}/draw`, regulator, {
      values: [
        [1, 2, 3, 4, 5, 6, 7],
        [1, 2, 3],
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'REGULATION_PLAN_ALREADY_DRAWN' });
    expect(await t.p.kernel.db.selectFrom('regulation_draw').selectAll().where('plan_id', '=', drawnId).executeTakeFirstOrThrow()).toEqual(stored);
    expect(await count('regulation_task')).toBe(tasks);
  });

  it('回避: never draws an inspector related to the object or who inspected it last time', async () => {
    // The last inspection: the first task of the earlier draw, recorded by its first inspector.
    const pub1 = await publicDraw(drawnId);
    const lastObject = pub1.draw!.result.objects[0];
    const task = await t.p.kernel.db.selectFrom('regulation_task').select('id').where('plan_id', '=', drawnId).where('credit_code', '=', lastObject.creditCode).executeTakeFirstOrThrow();
    const recorder = inspectors.find((x) => x.id === lastObject.inspectors[0].id)!;
    await t.p.regulation.tasks.service.recordResult(await principal(recorder.token), task.id, { inspectedOn: '2026-03-02', conclusion: 'no_problem' });
    // A declared relation (亲属) of a 市场监管 inspector with one of the 专项 objects.
    const related = inspectors[1];
    await t.p.regulation.directory.relations.declare(reg, { inspectorId: related.id, creditCode: special[0], kind: 'kin' });
    await t.p.regulation.directory.objects.tag(reg, lastObject.creditCode, ['专项']);

    const all = { A: { percent: 100 }, B: { percent: 100 }, C: { percent: 100 }, D: { percent: 100 } };
    const id = await createPlan({ name: '专项检查（回避）', scope: { regionCodes: ['152201'], industries: ['专项'] }, rates: all, inspectorsPerObject: 3 });
    const c = await commitPlan(id);
    expect(c.candidates).toBe(4);
    const before = await publicDraw(id);
    expect(before.avoidance).toEqual(
      expect.arrayContaining([
        { creditCode: special[0], inspectorId: related.id, reason: 'relation' },
        // The last inspectors who are in this plan's pool (卫健委's is not: the plan is 市场监管's alone).
        ...lastObject.inspectors.filter((x) => x.departmentId === scjg).map((x) => ({ creditCode: lastObject.creditCode, inspectorId: x.id, reason: 'last' })),
      ]),
    );
    const res = await drawPlan(id);
    expect(res.statusCode, res.body).toBe(200);
    const pub = await publicDraw(id);
    const of = (code: string) => pub.draw!.result.objects.find((o) => o.creditCode === code)!.inspectors.map((x) => x.id);
    expect(of(special[0])).not.toContain(related.id);
    for (const x of lastObject.inspectors) expect(of(lastObject.creditCode)).not.toContain(x.id);
    expect(pub.draw!.result.objects).toHaveLength(4);
    expect(checkInBrowser(pub).match).toBe(true);
  });

  it('rates per class hold through the API on the region (ceil of rate × class size)', async () => {
    const id = await createPlan({ name: '比例核对', batch: 3, rates: { A: { percent: 3 }, B: { percent: 10 }, C: { percent: 20, min: 1 }, D: { percent: 100 } } });
    await commitPlan(id);
    expect((await drawPlan(id)).statusCode).toBe(200);
    const pub = await publicDraw(id);
    const classes = new Set(pub.candidates.map((c) => c.class));
    expect(classes.size).toBeGreaterThan(1);
    for (const s of pub.draw!.result.strata) {
      const n = pub.candidates.filter((c) => c.class === s.label).length;
      expect(s.n).toBe(n);
      expect(pub.draw!.result.objects.filter((o) => o.class === s.label)).toHaveLength(n === 0 ? 0 : Math.max(Math.ceil((pub.plan.rates[s.label].bp * n) / 10_000), pub.plan.rates[s.label].min));
    }
  });

  it('a draw with fewer eligible inspectors than needed is refused (422), nothing is stored, and the plan can be cancelled', async () => {
    const all = { A: { percent: 100 }, B: { percent: 100 }, C: { percent: 100 }, D: { percent: 100 } };
    // 市场监管 alone has four inspectors; one is related to special[0], so it has three eligible of four needed.
    const id = await createPlan({ name: '人员不足', scope: { regionCodes: ['152201'], industries: ['专项'] }, rates: all, inspectorsPerObject: 4 });
    const c = await commitPlan(id);
    expect(c.shortOfInspectors).toBeGreaterThanOrEqual(1);
    const tasks = await count('regulation_task');
    const res = await drawPlan(id);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'REGULATION_DRAW_SHORT_OF_INSPECTORS' });
    expect(res.json().zh).toContain('回避');
    expect(await count('regulation_draw', `plan_id = '${id}'`)).toBe(0);
    expect(await count('regulation_task')).toBe(tasks);
    expect((await call('GET', `${BASE}/${id}`, regulator)).json().state).toBe('committed');
    const cancel = await call('POST', `${BASE}/${id}/cancel`, regulator, { reason: '检查人员不足，改为联合抽查' });
    expect(cancel.json()).toEqual({ state: 'cancelled' });
    expect((await publicDraw(id)).state).toBe('cancelled');
  });

  it('refuses overlapping joint departments, a non-random item and a seed already known, storing nothing', async () => {
    const plans = await count('regulation_plan');
    for (const [joint, path] of [
      [[wjw, wjw], '/jointDepartmentIds/1'],
      [[scjg], '/jointDepartmentIds/0'],
    ] as const) {
      const res = await call('POST', BASE, regulator, planInput({ jointDepartmentIds: joint }));
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'REGULATION_PLAN_JOINT_OVERLAP', errors: [{ path }] });
    }
    const notRandom = await call('POST', BASE, regulator, planInput({ itemIds: [foodItem, plainItem] }));
    expect(notRandom.statusCode).toBe(422);
    expect(notRandom.json()).toMatchObject({ code: 'REGULATION_PLAN_ITEM_NOT_RANDOM', errors: [{ path: '/itemIds/1' }] });
    // A 监管事项 taken off the list (停用) may not be planned any more.
    const retired = await item('SCJG-SP-099', '已停用的抽查事项', scjg, true);
    await t.p.regulation.items.items.setActive(reg, retired, false, undefined);
    const offList = await call('POST', BASE, regulator, planInput({ itemIds: [foodItem, retired] }));
    expect(offList.json()).toMatchObject({ code: 'REGULATION_PLAN_UNKNOWN_ITEM', errors: [{ path: '/itemIds/1' }] });
    const otherDept = await call('POST', BASE, regulator, planInput({ itemIds: [healthItem] }));
    expect(otherDept.json()).toMatchObject({ code: 'REGULATION_PLAN_ITEM_DEPARTMENT' });
    expect(await count('regulation_plan')).toBe(plans);

    const id = await createPlan({ name: '种子已公布' });
    const past = await call('POST', `${BASE}/${id}/commit`, regulator, { seedSources: SOURCES, seedAvailableAt: t.clock.now().toISOString() });
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({ code: 'REGULATION_SEED_TIME_NOT_FUTURE' });
    expect(await count('regulation_plan_candidate', `plan_id = '${id}'`)).toBe(0);
    expect((await call('GET', `${BASE}/${id}`, regulator)).json().state).toBe('draft');
  });

  it('refuses a draw before the seed source is published, and wrong values', async () => {
    const id = await createPlan({ name: '号码未公布', batch: 2 });
    await commitPlan(id, new Date(t.clock.now().getTime() + 48 * hour).toISOString());
    const early = await call('POST', `${BASE}/${id}/draw`, regulator, { values: VALUES });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'REGULATION_SEED_NOT_YET_PUBLISHED' });
    await advanceSignedIn(t, 49 * hour);
    const short = await call('POST', `${BASE}/${id}/draw`, regulator, { values: [[1, 2, 3]] });
    expect(short.json()).toMatchObject({ code: 'REGULATION_SEED_VALUES_INVALID' });
    const fewer = await call('POST', `${BASE}/${id}/draw`, regulator, { values: [VALUES[0], [1, 2]] });
    expect(fewer.json()).toMatchObject({ code: 'REGULATION_SEED_VALUES_INVALID', errors: [{ path: '/values/1' }] });
    expect(await count('regulation_draw', `plan_id = '${id}'`)).toBe(0);
  });

  it('shows a visible mismatch when a frozen row or the stored result is edited afterwards', async () => {
    const pubBefore = await publicDraw(drawnId);
    // A database writer changes one frozen candidate's class, then one drawn inspector.
    const victim = pubBefore.candidates.find((c) => !pubBefore.draw!.result.objects.some((o) => o.creditCode === c.creditCode))!;
    await sql`UPDATE regulation_plan_candidate SET credit_class = 'D' WHERE plan_id = ${drawnId} AND credit_code = ${victim.creditCode}`.execute(t.p.kernel.db);
    const check = (await call('GET', `${PUBLIC}/${drawnId}/check`)).json();
    expect(check.match).toBe(false);
    expect(check.parts.candidates).toMatchObject({ match: false, committed: pubBefore.digests.candidates });
    expect(check.parts.inspectors.match).toBe(true);
    const pub = await publicDraw(drawnId);
    expect(checkInBrowser(pub).match).toBe(false);
    expect(checkInBrowser(pub).parts.find((p) => p.name === 'candidates')!.match).toBe(false);
    const s = await script(pub, '--own-sm3');
    expect(s.code).toBe(1);
    expect(s.out).toContain('不一致 MISMATCH  candidates');

    await sql`UPDATE regulation_plan_candidate SET credit_class = ${victim.class} WHERE plan_id = ${drawnId} AND credit_code = ${victim.creditCode}`.execute(t.p.kernel.db);
    expect((await call('GET', `${PUBLIC}/${drawnId}/check`)).json().match).toBe(true);
    // Someone swaps an inspector in the stored result: the recomputation no longer agrees.
    const other = inspectors.find((x) => x.departmentId === scjg && x.id !== pubBefore.draw!.result.objects[0].inspectors[0].id)!;
    await sql`UPDATE regulation_draw SET result = jsonb_set(result, '{objects,0,inspectors,0,id}', to_jsonb(${other.id}::text)) WHERE plan_id = ${drawnId}`.execute(t.p.kernel.db);
    const after = (await call('GET', `${PUBLIC}/${drawnId}/check`)).json();
    expect(after).toMatchObject({ match: false, parts: { published: { match: false }, result: { match: true } } });
    expect(checkInBrowser(await publicDraw(drawnId)).match).toBe(false);
  });

  it('lets only planners write plans; the public pages need no sign-in; bad input stores nothing', async () => {
    const plans = await count('regulation_plan');
    expect((await call('POST', BASE, undefined, planInput())).statusCode).toBe(401);
    expect((await call('POST', BASE, inspectorToken, planInput())).statusCode).toBe(403);
    expect((await call('POST', `${BASE}/${drawnId}/draw`, inspectorToken, { values: VALUES })).statusCode).toBe(403);
    expect((await call('GET', `${BASE}/${drawnId}`, undefined)).statusCode).toBe(401);
    for (const bad of [
      planInput({ year: 'twenty' }),
      planInput({ scope: 'all' }),
      planInput({ rates: [] }),
      planInput({ name: 'x'.repeat(201) }),
      planInput({ rates: { ...RATES, A: { percent: 101 } } }),
      planInput({ inspectorsPerObject: 1 }),
      planInput({ scope: { regionCodes: [] } }),
      planInput({ extra: true }),
      planInput({ itemIds: Array.from({ length: 51 }, () => foodItem) }),
    ]) {
      const res = await call('POST', BASE, regulator, bad);
      expect(res.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(res.json().zh).toBeTruthy();
    }
    const malformed = await t.app.inject({ method: 'POST', url: BASE, headers: { ...bearer(regulator), 'content-type': 'application/json' }, payload: '{"name":' });
    expect(malformed.statusCode).toBe(400);
    expect((await call('POST', BASE, regulator, planInput({ scope: { regionCodes: ['1501'] } }))).json()).toMatchObject({ code: 'REGULATION_PLAN_SCOPE_OUTSIDE' });
    expect((await call('POST', BASE, regulator, planInput({ endsOn: '2026-02-30' }))).json()).toMatchObject({ code: 'REGULATION_PLAN_DATES' });
    expect(await count('regulation_plan')).toBe(plans);
    expect((await call('GET', `${PUBLIC}/${drawnId}`)).statusCode).toBe(200);
    expect((await call('GET', `${PUBLIC}/not-a-uuid`)).statusCode).toBe(400);
    const dl = await call('GET', `${PUBLIC}/check-script`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('javascript');
    expect(dl.body).toBe(fs.readFileSync(SCRIPT, 'utf8'));
  });
});
