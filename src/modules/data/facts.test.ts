import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId, makeCreditCode } from '../../kernel/ids/index.ts';
import { evaluate, factCatalog, parseAmount, parseRule, type FactValues, type Subject } from '../../kernel/rules/index.ts';
import { SYSTEM_PRINCIPAL } from '../identity/index.ts';
import { setupData } from '../../testing/data.ts';
import { startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { populationRow } from './index.ts';

let t: TestPlatform;
const AS_OF = '2026-03-02';
const admin = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };

beforeAll(async () => {
  t = await startTestPlatform();
  await setupData(t, { people: 3000, entities: 400 });
}, 300_000);
afterAll(() => t.close());

const facts = () => t.p.data.facts;
const catalog = (s: Subject) => factCatalog(facts().catalog(s));
async function everyone(s: Subject): Promise<{ key: string; values: FactValues }[]> {
  const out: { key: string; values: FactValues }[] = [];
  for (let after: string | undefined; ; ) {
    const page = await facts().page(s, AS_OF, { after, limit: 700 });
    out.push(...page);
    if (page.length < 700) return out;
    after = page.at(-1)!.key;
  }
}

const ELDERLY = { and: [{ '==': [{ var: 'regionCode' }, '152201'] }, { '>=': [{ var: 'age' }, 80] }, { var: 'alive' }] };
const HARDSHIP_DISABLED = { and: [{ '!=': [{ var: 'disabilityGrade' }, null] }, { in: [{ var: 'assistanceKind' }, ['低保', '特困']] }, { var: 'alive' }] };
const STABLE_JOBS = {
  and: [
    { '==': [{ var: 'status' }, '存续'] },
    { '>=': [{ var: 'unemploymentMonthsPaid' }, 12] },
    { or: [{ '<=': [{ var: 'layoffRatePct' }, 5.5] }, { and: [{ '<=': [{ var: 'insuredStaff' }, 30] }, { '<=': [{ var: 'layoffRatePct' }, 20] }] }] },
    { '!': { var: 'blackListed' } },
  ],
};

describe('facts over the base data', () => {
  it('declares each fact with a source resource and item that the catalogue lists', async () => {
    for (const s of ['person', 'entity'] as const)
      for (const f of facts().catalog(s)) {
        const r = await t.p.data.catalogue.get(f.source.resource);
        expect(r.items.map((i: { code: string }) => i.code), `${f.code} → ${f.source.resource}`).toContain(f.source.item);
      }
  });

  it.each([
    ['高龄津贴', 'person', ELDERLY],
    ['困难残疾人生活补贴', 'person', HARDSHIP_DISABLED],
    ['稳岗返还', 'entity', STABLE_JOBS],
  ] as const)('%s: one SQL pass selects exactly whom the in-memory path grants, on every record', async (_name, subject, rule) => {
    const { node } = parseRule(rule, catalog(subject));
    const all = await everyone(subject);
    expect(all.length).toBe(await facts().count(subject));
    const granted = all.filter((r) => evaluate(node, r.values).result === true).map((r) => r.key);
    const matched = (await facts().match(subject, node, AS_OF)).map((m) => m.key);
    expect(granted.length).toBeGreaterThan(3);
    expect(granted.length).toBeLessThan(all.length);
    expect(matched).toEqual(granted);
  });

  it('pays 稳岗返还 at 60 % for SMEs and 30 % for large firms, the same in SQL and in memory', async () => {
    const cat = catalog('entity');
    const { node } = parseRule(STABLE_JOBS, cat);
    const tiers = parseAmount({ tiers: [{ when: { var: 'isSme' }, percentOf: { fact: 'lastYearContributionFen', percent: 60 } }, { percentOf: { fact: 'lastYearContributionFen', percent: 30 } }] }, cat);
    const matched = await facts().match('entity', node, AS_OF, tiers);
    const byKey = new Map((await everyone('entity')).map((r) => [r.key, r.values]));
    for (const m of matched) {
      const v = byKey.get(m.key)!;
      expect(m.amountFen).toBe(Math.floor(((v.lastYearContributionFen as number) * (v.isSme ? 60 : 30)) / 100));
    }
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.every((m) => (m.amountFen ?? 0) > 0)).toBe(true);
  });
});

describe('registers', () => {
  const idNumber = makeCitizenId('152201', '1940-05-06', 321);
  it('a death recorded takes a planted 85-year-old out of the match, with an audited event and no ID number in it', async () => {
    await t.p.kernel.db
      .insertInto('data_population')
      .values(populationRow(t.p.kernel, { name: '巴特尔', idNumber, regionCode: '152201', birthDate: '1940-05-06', sex: '男' }))
      .execute();
    const { node } = parseRule(ELDERLY, catalog('person'));
    const one = await facts().valuesOf('person', { idNumber }, AS_OF);
    expect(one).toMatchObject({ name: '巴**', values: { age: 85, alive: true, regionCode: '152201' } });
    expect(evaluate(node, one!.values).result).toBe(true);
    expect((await facts().match('person', node, AS_OF)).map((m) => m.key)).toContain(one!.key);

    await t.p.data.registers.recordDeath(admin, { idNumber, diedOn: '2026-02-20' });
    const after = await facts().valuesOf('person', { key: one!.key }, AS_OF);
    expect(after!.values.alive).toBe(false);
    expect((await facts().match('person', node, AS_OF)).map((m) => m.key)).not.toContain(one!.key);
    const ev = await t.p.kernel.db.selectFrom('kernel_outbox').select(['topic', 'payload']).where('topic', '=', 'data.base.changed').execute();
    expect(ev.at(-1)!.payload).toMatchObject({ resource: 'MZ-DEATH', subject: 'person', key: one!.key });
    const entry = await t.p.kernel.db.selectFrom('kernel_audit_entry').selectAll().where('object_type', '=', 'data.register').execute();
    expect(entry.length).toBe(1);
    expect(JSON.stringify(entry)).not.toContain(idNumber);
  });

  it('a person the base data does not hold is "not found", never a set of unknown facts', async () => {
    expect(await facts().valuesOf('person', { idNumber: makeCitizenId('152201', '1950-01-01', 999) }, AS_OF)).toBeNull();
    expect(await facts().valuesOf('entity', { creditCode: makeCreditCode('152201', 'ABCDEFG1') }, AS_OF)).toBeNull();
  });

  it('refuses malformed entries and keeps what was stored', async () => {
    const bad = async (f: () => Promise<void>) => f().then(() => 'accepted', (e: { code: string; errors?: { path: string }[] }) => `${e.code} ${e.errors?.[0]?.path}`);
    expect(await bad(() => t.p.data.registers.recordDeath(admin, { idNumber: '152201194005060000', diedOn: '2026-01-01' }))).toBe('DATA_REGISTER_INVALID /idNumber');
    expect(await bad(() => t.p.data.registers.recordDeath(admin, { idNumber, diedOn: '2027-01-01' }))).toBe('DATA_REGISTER_INVALID /diedOn');
    expect(await bad(() => t.p.data.registers.recordDeath(admin, { idNumber, diedOn: '2026-02-30\u0000' }))).toBe('DATA_REGISTER_INVALID /diedOn');
    expect(await bad(() => t.p.data.registers.setDisability(admin, { idNumber, grade: 5, category: '肢体' }))).toBe('DATA_REGISTER_INVALID /grade');
    expect(await bad(() => t.p.data.registers.setAssistance(admin, { idNumber, kind: '低保', householdSize: 0, status: '在保' }))).toBe('DATA_REGISTER_INVALID /householdSize');
    const code = makeCreditCode('152201', 'ABCDEFGH');
    expect(await bad(() => t.p.data.registers.setEmployerInsurance(admin, { creditCode: code, size: '大型', insuredAvg: 10, monthsPaid: 12, lastYearContributionFen: 1, newClaimants: 11 }))).toBe('DATA_REGISTER_INVALID /newClaimants');
    expect(await bad(() => t.p.data.registers.setEmployerInsurance(admin, { creditCode: code, size: '大型', insuredAvg: 10.5, monthsPaid: 12, lastYearContributionFen: 1, newClaimants: 0 }))).toBe('DATA_REGISTER_INVALID /insuredAvg');
    expect((await facts().valuesOf('person', { idNumber }, AS_OF))!.values).toMatchObject({ alive: false, disabilityGrade: null });
  });
});

describe('register entries over HTTP', () => {
  const post = (url: string, token: string | null, body: unknown, method: 'POST' | 'PUT' = 'POST') =>
    t.app.inject({ method, url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
  it('lets the data bureau record a 低保 grant, and refuses others, wrong types and junk with a problem in both languages', async () => {
    const { staffToken, department } = await import('../../testing/platform.ts');
    const dept = (await department(t, '152201', '数据局测试')).id;
    const bureau = await staffToken(t, ['data_admin'], dept);
    const clerk = await staffToken(t, ['window_staff'], dept);
    const idNumber = makeCitizenId('152201', '1961-07-07', 88);
    await t.p.kernel.db
      .insertInto('data_population')
      .values(populationRow(t.p.kernel, { name: '其其格', idNumber, regionCode: '152201', birthDate: '1961-07-07', sex: '女' }))
      .execute();
    const body = { idNumber, kind: '低保', householdSize: 3, status: '在保' };
    expect((await post('/api/data/registers/assistance', null, body, 'PUT')).statusCode).toBe(401);
    expect((await post('/api/data/registers/assistance', clerk, body, 'PUT')).statusCode).toBe(403);
    const wrongType = await post('/api/data/registers/assistance', bureau, { ...body, householdSize: '三' }, 'PUT');
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.headers['content-type']).toContain('application/problem+json');
    expect((await post('/api/data/registers/assistance', bureau, '{"idNumber":', 'PUT')).statusCode).toBe(400);
    expect((await post('/api/data/registers/deaths', bureau, { idNumber: `${idNumber.slice(0, 17)}\u0000`, diedOn: '2026-01-01' })).statusCode).toBeGreaterThanOrEqual(400);
    expect((await facts().valuesOf('person', { idNumber }, AS_OF))!.values.assistanceKind).toBeNull();
    expect((await post('/api/data/registers/assistance', bureau, body, 'PUT')).statusCode).toBe(204);
    expect((await facts().valuesOf('person', { idNumber }, AS_OF))!.values).toMatchObject({ assistanceKind: '低保', householdSize: 3, alive: true });
    const bad = await post('/api/data/registers/deaths', bureau, { idNumber, diedOn: '2099-01-01' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'DATA_REGISTER_INVALID', zh: '登记内容有误', en: 'The register entry is not valid' });
    expect(wrongType.json().zh).toBeTruthy();
    expect(wrongType.json().en).toBeTruthy();
    expect((await facts().valuesOf('person', { idNumber }, AS_OF))!.values.alive).toBe(true);
  });
});
