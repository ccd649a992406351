import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../kernel/ids/index.ts';
import { amountOf, evaluate } from '../../kernel/rules/index.ts';
import { populationRow } from '../data/index.ts';
import { SYSTEM_PRINCIPAL } from '../identity/index.ts';
import { setupData } from '../../testing/data.ts';
import { bearer, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { itemContent } from '../../testing/services.ts';
import { demoPolicies, PROACTIVE_CODES } from '../../../seed/proactive-policies.ts';
import type { PolicyDefinition } from './index.ts';
import { asOfDay } from './ports.ts';

let t: TestPlatform;
let depts: Record<string, string> = {};
let mzj: string;
let rsj: string;
let leader: string;
let admin: string;
let seq = 100;
const system = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };

const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const count = async (table: string) =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const policyByCode = async (code: string) => (await t.p.kernel.db.selectFrom('proactive_policy').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id as string;
/** Delivers events and runs the jobs they queue (data changes → re-checks), as the workers would. */
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    await t.p.kernel.events.dispatch(500);
    await t.p.kernel.jobs.runDue(50);
  }
};
const today = () => asOfDay(t.clock.now());

/** A person in the population base born on that day (and with a verified account when asked). */
async function plantPerson(name: string, birthDate: string, opts: { account?: boolean; regionCode?: string } = {}) {
  const idNumber = makeCitizenId('152201', birthDate, ++seq);
  const key = t.p.kernel.crypto.blindIndex(idNumber);
  const regionCode = opts.regionCode ?? '152201';
  let token = '';
  if (opts.account) {
    // Registration puts them in the base with their name; the base also knows their birth date and 户籍.
    token = (await personToken(t, { realName: { name, idNumber } })).token;
    await t.p.kernel.db.updateTable('data_population').set({ birth_date: birthDate, region_code: regionCode }).where('id_number_idx', '=', key).execute();
  } else {
    await t.p.kernel.db
      .insertInto('data_population')
      .values(populationRow(t.p.kernel, { name, idNumber, regionCode, birthDate, sex: '男' }))
      .execute();
  }
  return { idNumber, key, token };
}
const recordDeath = (idNumber: string) => t.p.data.registers.recordDeath(system, { idNumber, diedOn: today() });

let elderA: Awaited<ReturnType<typeof plantPerson>>;
let elderB: Awaited<ReturnType<typeof plantPerson>>;
let elderC: Awaited<ReturnType<typeof plantPerson>>;
let young: Awaited<ReturnType<typeof plantPerson>>;
let outsider: Awaited<ReturnType<typeof plantPerson>>;
let disabled: Awaited<ReturnType<typeof plantPerson>>;
let stranger: { token: string };
const defs = () => demoPolicies((c) => depts[c]);
const def = (code: string) => defs().find((d) => d.code === code)!;

const companies: Record<'sme' | 'young' | 'large' | 'closed', string> = { sme: '', young: '', large: '', closed: '' };

beforeAll(async () => {
  t = await startTestPlatform();
  depts = (await setupData(t, { people: 2000, entities: 300 })).depts;
  mzj = await staffToken(t, ['policy_officer'], depts.MZJ);
  rsj = await staffToken(t, ['policy_officer'], depts.RSJ);
  leader = await staffToken(t, ['leader'], depts.ZWSJ);
  admin = await staffToken(t, ['region_admin'], depts.ZWSJ);
  // Planted people whose eligibility is known, beside the synthetic base.
  elderA = await plantPerson('宝音', '1940-03-01', { account: true });
  elderB = await plantPerson('乌云', '1934-03-01');
  elderC = await plantPerson('其其格', '1942-03-01', { account: true });
  young = await plantPerson('王伟', '1966-03-01', { account: true });
  outsider = await plantPerson('李强', '1940-05-01', { regionCode: '150102' });
  disabled = await plantPerson('白雪', '1980-03-01', { account: true });
  await t.p.data.registers.setDisability(system, { idNumber: disabled.idNumber, grade: 1, category: '肢体' });
  stranger = await personToken(t, { realName: { name: '赵志刚', idNumber: makeCitizenId('152201', '1979-01-09', 55) } });
  // Planted enterprises: live, not blacklisted entities of the base, with known insurance figures.
  const ents = await t.p.data.facts.page('entity', today(), { limit: 300 });
  const live = ents.filter((e) => e.values.status === '存续' && e.values.blackListed === false);
  const closed = ents.find((e) => e.values.status === '注销' && e.values.blackListed === false)!;
  [companies.sme, companies.young, companies.large, companies.closed] = [live[0].key, live[1].key, live[2].key, closed.key];
  const ins = (creditCode: string, o: Partial<Parameters<typeof t.p.data.registers.setEmployerInsurance>[1]>) =>
    t.p.data.registers.setEmployerInsurance(system, { creditCode, size: '小型', insuredAvg: 40, monthsPaid: 24, lastYearContributionFen: 500_000, newClaimants: 1, ...o });
  await ins(companies.sme, {});
  await ins(companies.young, { monthsPaid: 6 });
  await ins(companies.large, { size: '大型', insuredAvg: 900, monthsPaid: 36, newClaimants: 36, lastYearContributionFen: 9_000_000 });
  await ins(companies.closed, {});
  await settle();
}, 300_000);
afterAll(() => t?.close());

describe('policy versions', () => {
  it('refuses rules on undeclared facts, type mismatches and other subjects, storing nothing', async () => {
    const before = await count('proactive_policy');
    const d = def(PROACTIVE_CODES.elderly);
    const unknown = await call('POST', '/api/proactive/policies', mzj, { ...d, code: 'X-1', rule: { '>=': [{ var: 'income' }, 1] } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('RULE_UNKNOWN_FACT');
    expect(unknown.json().zh).toContain('income');
    const mismatch = await call('POST', '/api/proactive/policies', mzj, { ...d, code: 'X-2', rule: { '>': [{ var: 'age' }, '八十'] } });
    expect(mismatch.json().code).toBe('RULE_TYPE_MISMATCH');
    const other = await call('POST', '/api/proactive/policies', mzj, { ...d, code: 'X-3', rule: { '>=': [{ var: 'insuredStaff' }, 1] } });
    expect(other.json().code).toBe('PROACTIVE_SUBJECT_MISMATCH');
    const noItem = await call('POST', '/api/proactive/policies', mzj, { ...d, code: 'X-4', mode: 'application', itemCode: null });
    expect(noItem.json().code).toBe('PROACTIVE_ITEM_REQUIRED');
    const bad = await call('POST', '/api/proactive/policies', mzj, { ...d, code: '我的', timeLimitDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(await count('proactive_policy')).toBe(before);
  });

  it('lets only the owning department manage its policies, and nobody unauthenticated', async () => {
    const d = def(PROACTIVE_CODES.elderly);
    expect((await call('POST', '/api/proactive/policies', undefined, d)).statusCode).toBe(401);
    expect((await call('POST', '/api/proactive/policies', rsj, d)).statusCode).toBe(403);
    expect((await call('POST', '/api/proactive/policies', leader, d)).statusCode).toBe(403);
    expect((await call('POST', '/api/proactive/policies', stranger.token, d)).statusCode).toBe(403);
  });

  it('publishes only with passing tests from both sides', async () => {
    const d = def(PROACTIVE_CODES.elderly);
    const created = await call('POST', '/api/proactive/policies', mzj, { ...d, tests: [d.tests[0], { ...d.tests[3], eligible: true }] });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const failing = await call('POST', `/api/proactive/policies/${id}/publish`, mzj);
    expect(failing.statusCode).toBe(422);
    expect(failing.json().code).toBe('RULE_TESTS_FAILING');
    const tests = await call('POST', `/api/proactive/policies/${id}/test`, mzj);
    expect(tests.json().map((r: { passed: boolean }) => r.passed)).toEqual([true, false]);
    expect((await call('POST', `/api/proactive/policies/${id}/runs`, mzj)).json().code).toBe('PROACTIVE_NOT_PUBLISHED');
    expect((await call('PUT', `/api/proactive/policies/${id}`, mzj, d)).json()).toEqual({ id, version: 1 });
    expect((await call('POST', `/api/proactive/policies/${id}/publish`, rsj)).statusCode).toBe(403);
    const ok = await call('POST', `/api/proactive/policies/${id}/publish`, mzj);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(1);
    const list = await call('GET', '/api/proactive/policies', leader);
    expect(list.json().items.find((p: { id: string }) => p.id === id).status).toBe('published');
    const cards = await call('GET', '/api/proactive/policy-cards');
    const card = cards.json().find((c: { id: string }) => c.id === id);
    expect(card.conditionsZh).toContain('年龄不小于80岁');
    expect(card.payoutZh).toBe(d.payoutZh);
    expect(card.timeLimitDays).toBe(15);
    expect(card.amountZh).toContain('30 元/月');
  });

  it('refuses a rule that matches every subject, and a cycle between policies', async () => {
    const d = def(PROACTIVE_CODES.elderly);
    const everyone: PolicyDefinition = {
      ...d,
      code: 'MZJ-ALL',
      rule: { or: [{ '>=': [{ var: 'age' }, 0] }, { '==': [{ var: 'age' }, null] }] },
      amount: null,
      tests: [
        { name: '成年', facts: { age: 30 }, eligible: true },
        { name: '负数', facts: { age: -1 }, eligible: false },
      ],
    };
    const c = await call('POST', '/api/proactive/policies', mzj, everyone);
    expect(c.statusCode, c.body).toBe(201);
    const pub = await call('POST', `/api/proactive/policies/${c.json().id}/publish`, mzj);
    expect(pub.statusCode).toBe(422);
    expect(pub.json().code).toBe('PROACTIVE_MATCHES_EVERYONE');
    expect(pub.json().en).toContain('all');
    const a = await call('POST', '/api/proactive/policies', mzj, { ...d, code: 'MZJ-CYC-A' });
    const b = await call('POST', '/api/proactive/policies', mzj, { ...d, code: 'MZJ-CYC-B', dependsOn: ['MZJ-CYC-A'] });
    expect(b.statusCode).toBe(201);
    const cyc = await call('PUT', `/api/proactive/policies/${a.json().id}`, mzj, { ...d, code: 'MZJ-CYC-A', dependsOn: ['MZJ-CYC-B'] });
    expect(cyc.statusCode).toBe(422);
    expect(cyc.json().code).toBe('PROACTIVE_DEPENDENCY_CYCLE');
    expect(cyc.json().zh).toContain('MZJ-CYC-A → MZJ-CYC-B → MZJ-CYC-A');
    expect((await call('PUT', `/api/proactive/policies/${a.json().id}`, mzj, { ...d, code: 'MZJ-CYC-A', dependsOn: ['NOPE'] })).json().code).toBe('PROACTIVE_DEPENDENCY_UNKNOWN');
  });
});

describe('免申即享 runs', () => {
  let elderly: string;
  beforeAll(async () => {
    elderly = await policyByCode(PROACTIVE_CODES.elderly);
    for (const d of defs().filter((x) => x.code !== PROACTIVE_CODES.elderly)) {
      const dept = d.departmentId === depts.RSJ ? rsj : admin;
      const c = await call('POST', '/api/proactive/policies', dept, d);
      expect(c.statusCode, c.body).toBe(201);
      const p = await call('POST', `/api/proactive/policies/${c.json().id}/publish`, dept);
      expect(p.statusCode, p.body).toBe(200);
    }
  });

  it('offers each newly eligible person once, with the tier amount, and tells those with an account', async () => {
    const run = await call('POST', `/api/proactive/policies/${elderly}/runs`, mzj);
    expect(run.statusCode, run.body).toBe(201);
    const r = run.json();
    // Everyone found is new on the first run; of the planted, A, B and C (not the outsider, not the young).
    expect(r.newlyEligible).toBe(r.matched);
    expect(r.population).toBe(await t.p.data.facts.count('person'));
    expect(r.notified).toBe(2);
    const rows = await t.p.kernel.db.selectFrom('proactive_benefit').select(['subject_key', 'amount_fen', 'state']).where('policy_id', '=', elderly).execute();
    const by = new Map(rows.map((b) => [b.subject_key, b]));
    expect(Number(by.get(elderA.key)!.amount_fen)).toBe(3000);
    expect(Number(by.get(elderB.key)!.amount_fen)).toBe(6000);
    expect(by.has(young.key)).toBe(false);
    expect(by.has(outsider.key)).toBe(false);
    const again = (await call('POST', `/api/proactive/policies/${elderly}/runs`, mzj)).json();
    expect(again.newlyEligible).toBe(0);
    expect(again.stopped).toBe(0);
    expect(await t.p.kernel.db.selectFrom('proactive_benefit').select('id').where('policy_id', '=', elderly).execute()).toHaveLength(r.matched);
    const detail = (await call('GET', `/api/proactive/runs/${r.id}`, leader)).json();
    expect(detail.newlyEligibleList).toHaveLength(Math.min(200, r.matched));
    expect(JSON.stringify(detail)).not.toContain(elderA.idNumber);
    expect(detail.offered).toBe(r.matched);
    const runs = (await call('GET', `/api/proactive/policies/${elderly}/runs`, leader)).json();
    expect(runs.items.map((x: { newlyEligible: number }) => x.newlyEligible)).toEqual([0, r.matched]);
    expect((await call('POST', `/api/proactive/policies/${elderly}/runs`, leader)).statusCode).toBe(403);
  });

  it('pays enterprises 60 % or 30 % of last year’s contributions', async () => {
    const id = await policyByCode(PROACTIVE_CODES.jobs);
    const r = (await call('POST', `/api/proactive/policies/${id}/runs`, rsj)).json();
    expect(r.newlyEligible).toBe(r.matched);
    const rows = await t.p.kernel.db.selectFrom('proactive_benefit').select(['subject_key', 'amount_fen']).where('policy_id', '=', id).execute();
    const by = new Map(rows.map((b) => [b.subject_key, Number(b.amount_fen)]));
    expect(by.get(companies.sme)).toBe(300_000);
    expect(by.get(companies.large)).toBe(2_700_000);
    expect(by.has(companies.young)).toBe(false);
    expect(by.has(companies.closed)).toBe(false);
  });

  it('agrees with the in-memory evaluation on every record', async () => {
    for (const d of defs()) {
      const p = await t.p.proactive.policies.published(d.subject).then((ps) => ps.find((x) => x.def.code === d.code)!);
      const sqlKeys = new Map((await t.p.data.facts.match(d.subject, p.node, today(), p.tiers ?? undefined)).map((m) => [m.key, m.amountFen]));
      let after: string | undefined;
      let seen = 0;
      for (;;) {
        const page = await t.p.data.facts.page(d.subject, today(), { after, limit: 500 });
        if (!page.length) break;
        for (const r of page) {
          const e = evaluate(p.node, r.values).result === true;
          expect(sqlKeys.has(r.key), `${d.code} ${r.key}`).toBe(e);
          if (e && p.tiers) expect(sqlKeys.get(r.key)).toBe(amountOf(p.tiers, r.values));
        }
        seen += page.length;
        after = page.at(-1)!.key;
      }
      expect(seen).toBe(await t.p.data.facts.count(d.subject));
    }
  });

  it('stops a benefit when a death is recorded, saying which condition failed, and never offers it again', async () => {
    const elderly = await policyByCode(PROACTIVE_CODES.elderly);
    await recordDeath(elderB.idNumber);
    await settle();
    const b = await t.p.kernel.db.selectFrom('proactive_benefit').selectAll().where('subject_key', '=', elderB.key).executeTakeFirstOrThrow();
    expect(b.state).toBe('stopped');
    expect((b.stop_reason as { conditions: { fact: string; held: boolean }[] }).conditions.map((c) => [c.fact, c.held])).toEqual([['alive', false]]);
    const r = (await call('POST', `/api/proactive/policies/${elderly}/runs`, mzj)).json();
    expect([r.newlyEligible, r.stopped]).toEqual([0, 0]);
  });

  it('offers 困难残疾人生活补贴 when a 低保 record arrives for a disabled person', async () => {
    await t.p.data.registers.setAssistance(system, { idNumber: disabled.idNumber, kind: '低保', householdSize: 2, status: '在保' });
    await settle();
    const id = await policyByCode(PROACTIVE_CODES.disabled);
    const b = await t.p.kernel.db.selectFrom('proactive_benefit').selectAll().where('policy_id', '=', id).where('subject_key', '=', disabled.key).executeTakeFirstOrThrow();
    expect(b.state).toBe('offered');
    expect(Number(b.amount_fen)).toBe(8000);
    await t.p.data.registers.setAssistance(system, { idNumber: disabled.idNumber, kind: '低保', householdSize: 3, status: '在保' });
    await settle();
    expect(await t.p.kernel.db.selectFrom('proactive_benefit').select('id').where('policy_id', '=', id).where('subject_key', '=', disabled.key).execute()).toHaveLength(1);
  });
});

describe('versions in use', () => {
  it('keeps the version a benefit was made under when the policy is edited and republished', async () => {
    const id = await policyByCode(PROACTIVE_CODES.elderly);
    const d = def(PROACTIVE_CODES.elderly);
    const raised = { ...d, amount: { tiers: [{ ...d.amount!.tiers[0], fen: 3500 }, ...d.amount!.tiers.slice(1)] }, tests: d.tests.map((x) => (x.amountFen === 3000 ? { ...x, amountFen: 3500 } : x)) };
    const v2 = await call('PUT', `/api/proactive/policies/${id}`, mzj, raised);
    expect(v2.json()).toEqual({ id, version: 2 });
    const view = (await call('GET', `/api/proactive/policies/${id}`, mzj)).json();
    expect([view.status, view.publishedVersion, view.draftVersion]).toEqual(['published_with_draft', 1, 2]);
    expect((await call('POST', `/api/proactive/policies/${id}/publish`, mzj)).json().version).toBe(2);
    const rows = await t.p.kernel.db
      .selectFrom('proactive_benefit as b')
      .innerJoin('proactive_policy_version as v', 'v.id', 'b.version_id')
      .select(['v.version', 'b.amount_fen'])
      .where('b.subject_key', '=', elderA.key)
      .where('b.policy_id', '=', id)
      .execute();
    expect(rows.map((r) => [r.version, Number(r.amount_fen)])).toEqual([[1, 3000]]);
    const check = (await call('POST', '/api/proactive/check', mzj, { policyId: id, idNumber: elderA.idNumber })).json();
    expect([check.version, check.amountFen]).toEqual([2, 3500]);
  });
});

describe('residents', () => {
  it('see their offer with the reasons, confirm it with an account shown masked, and cannot touch another’s', async () => {
    expect((await call('GET', '/api/proactive/my/benefits')).statusCode).toBe(401);
    const mine = (await call('GET', '/api/proactive/my/benefits', elderA.token)).json();
    expect(mine).toHaveLength(1);
    const b = mine[0];
    expect([b.state, b.amountFen, b.paysMoney, b.policy.name]).toEqual(['offered', 3000, true, '高龄津贴']);
    expect(b.conditions.map((c: { fact: string; held: boolean }) => [c.fact, c.held])).toEqual([
      ['regionCode', true],
      ['age', true],
      ['alive', true],
    ]);
    expect((await call('POST', `/api/proactive/my/benefits/${b.id}/confirm`, stranger.token, { account: { bank: '中国银行', number: '6217000000001234', holder: '宝音' } })).statusCode).toBe(404);
    const noAccount = await call('POST', `/api/proactive/my/benefits/${b.id}/confirm`, elderA.token, {});
    expect(noAccount.statusCode).toBe(422);
    expect(noAccount.json().code).toBe('BENEFIT_ACCOUNT_REQUIRED');
    const badAccount = await call('POST', `/api/proactive/my/benefits/${b.id}/confirm`, elderA.token, { account: { bank: '中国银行', number: '12ab', holder: '宝音' } });
    expect(badAccount.statusCode).toBe(400);
    const confirm = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/proactive/my/benefits/${b.id}/confirm`,
        headers: { ...bearer(elderA.token), 'idempotency-key': 'confirm-elder-a-1' },
        payload: { account: { bank: '中国银行', number: '6217000000001234', holder: '宝音' } },
      });
    const ok = await confirm();
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await confirm()).json()).toEqual(ok.json());
    expect(await t.p.kernel.db.selectFrom('proactive_benefit_action').select('action').where('benefit_id', '=', b.id).execute()).toEqual([{ action: 'offered' }, { action: 'confirmed' }]);
    expect(ok.json().state).toBe('confirmed');
    const row = await t.p.kernel.db.selectFrom('proactive_benefit').selectAll().where('id', '=', b.id).executeTakeFirstOrThrow();
    expect(row.account_enc).not.toContain('6217000000001234');
    expect(row.account_masked).toBe('中国银行 ****1234');
    const twice = await call('POST', `/api/proactive/my/benefits/${b.id}/confirm`, elderA.token, { account: { bank: '中国银行', number: '6217000000001234', holder: '宝音' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('BENEFIT_NOT_IN_STATE');
    expect((await call('GET', '/api/proactive/my/benefits', young.token)).json()).toEqual([]);
    const inbox = await t.p.kernel.notify.inbox((await t.p.kernel.db.selectFrom('identity_account').select('id').where('id_number_idx', '=', elderA.key).executeTakeFirstOrThrow()).id);
    expect(inbox.some((m) => m.title.includes('高龄津贴'))).toBe(true);
    await settle();
    expect(t.sent.some((m) => m.channel === 'sms' && m.text.includes('高龄津贴'))).toBe(true);
  });

  it('decline keeps the slot: a later run does not offer again', async () => {
    const [b] = (await call('GET', '/api/proactive/my/benefits', elderC.token)).json();
    const d = await call('POST', `/api/proactive/my/benefits/${b.id}/decline`, elderC.token, { reason: '子女已照顾' });
    expect(d.json().state).toBe('declined');
    const elderly = await policyByCode(PROACTIVE_CODES.elderly);
    expect((await call('POST', `/api/proactive/policies/${elderly}/runs`, mzj)).json().newlyEligible).toBe(0);
    const detail = await call('GET', `/api/proactive/policies/${elderly}/runs?limit=1`, mzj);
    const run = (await call('GET', `/api/proactive/runs/${detail.json().items[0].id}`, mzj)).json();
    expect([run.confirmed, run.declined]).toEqual([1, 1]);
    const live = await t.p.kernel.db.selectFrom('proactive_benefit').select('id').where('policy_id', '=', elderly).where('state', '<>', 'stopped').execute();
    expect(run.offered).toBe(live.length - 2);
  });

  it('officials record a payment batch per period once', async () => {
    const elderly = await policyByCode(PROACTIVE_CODES.elderly);
    const pay = await call('POST', `/api/proactive/policies/${elderly}/payments`, mzj, { period: '2026-12' });
    expect(pay.statusCode, pay.body).toBe(201);
    expect([pay.json().benefits, pay.json().totalFen]).toEqual([1, 3000]);
    expect((await call('POST', `/api/proactive/policies/${elderly}/payments`, mzj, { period: '2026-12' })).json().code).toBe('PROACTIVE_PAYMENT_EXISTS');
    expect((await call('POST', `/api/proactive/policies/${elderly}/payments`, rsj, { period: '2027-01' })).statusCode).toBe(403);
    const [b] = (await call('GET', '/api/proactive/my/benefits', elderA.token)).json();
    expect(b.state).toBe('paid');
    expect(b.payments).toEqual([{ period: '2026-12', amountFen: 3000 }]);
  });
});

describe('政策找人 and one-subject checks', () => {
  it('shows 您可能符合 with reasons and counts reach', async () => {
    const id = await policyByCode(PROACTIVE_CODES.care);
    const r = (await call('POST', `/api/proactive/policies/${id}/runs`, admin)).json();
    expect(r.newlyEligible).toBeGreaterThan(0);
    const m = (await call('GET', '/api/proactive/my/matches', disabled.token)).json();
    expect(m).toHaveLength(1);
    expect(m[0].policy.name).toBe('重度残疾人护理补贴');
    expect(m[0].itemCode).toBe('JF-CLH-001');
    expect(m[0].reasons.find((c: { fact: string }) => c.fact === 'disabilityGrade').actual).toBe(1);
    // The 事项 it leads to; applying for it through the services module counts as applied (a flow).
    const item = await call('POST', '/api/services/items', admin, {
      code: 'JF-CLH-001',
      regionCode: '152201',
      content: itemContent(depts.CLH, { name: '重度残疾人护理补贴申领', itemType: 'payment', materials: [] }),
    });
    expect(item.statusCode, item.body).toBe(201);
    const [match] = (await call('GET', '/api/proactive/my/matches', disabled.token)).json();
    expect(match.applyLink).toBe(`/services/${item.json().id}/apply`);
    const app = await call('POST', '/api/services/applications', disabled.token, { itemId: item.json().id, form: { shopName: '护理补贴', capital: 1 }, materials: [] });
    expect(app.statusCode, app.body).toBe(201);
    await settle();
    const reach = (await call('GET', `/api/proactive/policies/${id}/reach`, leader)).json();
    expect(reach.matched).toBe(r.matched);
    expect(reach.notified).toBe(1);
    expect(reach.applied).toBe(1);
    expect(reach.granted).toBe(0);
  });

  it('tells a match why, where to apply and where the policy document is; a retell reaches the matched who have not applied', async () => {
    const white = await plantPerson('白云', '1982-05-01', { account: true });
    await t.p.data.registers.setDisability(system, { idNumber: white.idNumber, grade: 2, category: '视力' });
    const accountOf = async (key: string) => (await t.p.kernel.db.selectFrom('identity_account').select('id').where('id_number_idx', '=', key).executeTakeFirstOrThrow()).id as string;
    const notices = async (key: string) => (await t.p.kernel.notify.inbox(await accountOf(key))).filter((m) => m.title.includes('重度残疾人护理补贴'));
    t.p.proactive.useSourceLinks(async (code) => (code === PROACTIVE_CODES.care ? { link: '/openness/documents/0192', title: '护理补贴实施办法' } : null));
    try {
      const actor = { id: 'system', type: 'system' as const };
      const first = await t.p.proactive.runs.runByCode(PROACTIVE_CODES.care, actor);
      expect(first.newlyEligible).toBe(1);
      const [n] = await notices(white.key);
      expect(n.body).toContain('残疾等级不大于2');
      expect(n.body).toContain('政策原文：《护理补贴实施办法》/openness/documents/0192');
      expect(n.body).toMatch(/在线申请：\/services\/[0-9a-f-]+\/apply/);
      expect(n.link).toMatch(/^\/services\/[0-9a-f-]+\/apply$/);
      // Told again once asked (e.g. when a policy document first carries the rule); who applied is not.
      const before = (await notices(disabled.key)).length;
      const again = await t.p.proactive.runs.runByCode(PROACTIVE_CODES.care, actor, { retell: true });
      expect([again.newlyEligible, again.notified]).toEqual([0, 1]);
      expect(await notices(white.key)).toHaveLength(2);
      expect(await notices(disabled.key)).toHaveLength(before);
      await expect(t.p.proactive.runs.runByCode('NO-SUCH', actor)).rejects.toMatchObject({ code: 'PROACTIVE_NOT_FOUND' });
    } finally {
      t.p.proactive.useSourceLinks(null);
    }
  });

  it('explains one check; someone not in the base is not_found and missing facts are unknown', async () => {
    const elderly = await policyByCode(PROACTIVE_CODES.elderly);
    const yes = (await call('POST', '/api/proactive/check', mzj, { policyId: elderly, idNumber: elderA.idNumber })).json();
    expect([yes.result, yes.amountFen]).toEqual(['eligible', 3500]);
    expect(yes.idMasked).not.toBe(elderA.idNumber);
    expect((await call('POST', '/api/proactive/check', mzj, { policyId: elderly, idNumber: young.idNumber })).json().result).toBe('not_eligible');
    expect((await call('POST', '/api/proactive/check', mzj, { policyId: elderly, idNumber: makeCitizenId('152201', '1930-01-01', 999) })).json().result).toBe('not_found');
    const care = await policyByCode(PROACTIVE_CODES.care);
    const unknown = (await call('POST', '/api/proactive/check', mzj, { policyId: care, idNumber: young.idNumber })).json();
    expect(unknown.result).toBe('unknown');
    expect(unknown.conditions.find((c: { fact: string }) => c.fact === 'disabilityGrade').held).toBe('unknown');
    expect((await call('POST', '/api/proactive/check', mzj, { policyId: elderly, creditCode: companies.sme })).json().code).toBe('PROACTIVE_CHECK_SUBJECT');
    const jobs = await policyByCode(PROACTIVE_CODES.jobs);
    expect((await call('POST', '/api/proactive/check', rsj, { policyId: jobs, creditCode: companies.young })).json().result).toBe('not_eligible');
    expect((await call('POST', '/api/proactive/check', mzj, { policyId: elderly, idNumber: '123' })).statusCode).toBe(400);
    expect((await call('POST', '/api/proactive/check', stranger.token, { policyId: elderly, idNumber: elderA.idNumber })).statusCode).toBe(403);
  });
});
