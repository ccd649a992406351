import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId, makeCreditCode } from '../../kernel/ids/index.ts';
import { setupData, type DataWorld } from '../../testing/data.ts';
import { bearer, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

let t: TestPlatform;
let w: DataWorld;
const planted: Record<string, string> = {};

/** The id of the n-th row of a table in id order. */
const nth = async (table: string, n: number) => (await t.p.kernel.db.selectFrom(table).select('id').orderBy('id').offset(n).limit(1).executeTakeFirstOrThrow()).id as string;

beforeAll(async () => {
  t = await startTestPlatform();
  w = await setupData(t, { people: 200_000, entities: 20_000 });
  const k = t.p.kernel;
  // Known errors, one of each kind, in known rows.
  const badId = makeCitizenId('152201', '1990-01-01', 7).slice(0, 17) + (makeCitizenId('152201', '1990-01-01', 7).endsWith('1') ? '2' : '1');
  planted.badCheck = await nth('data_population', 1234);
  await k.db.updateTable('data_population').set({ id_number_enc: k.crypto.encryptField(badId), id_number_idx: k.crypto.blindIndex(badId) }).where('id', '=', planted.badCheck).execute();
  planted.noName = await nth('data_population', 50_000);
  await k.db.updateTable('data_population').set({ name: null }).where('id', '=', planted.noName).execute();
  planted.badRegion = await nth('data_population', 99_999);
  await k.db.updateTable('data_population').set({ region_code: '15220X' }).where('id', '=', planted.badRegion).execute();
  planted.tooOld = await nth('data_population', 150_000);
  await k.db.updateTable('data_population').set({ birth_date: '1850-06-01' }).where('id', '=', planted.tooOld).execute();
  const twin = await k.db.selectFrom('data_population').select(['id_number_enc', 'id_number_idx']).where('id', '=', await nth('data_population', 7)).executeTakeFirstOrThrow();
  planted.duplicate = await nth('data_population', 199_998);
  await k.db.updateTable('data_population').set(twin).where('id', '=', planted.duplicate).execute();
  planted.ghostRep = await nth('data_entity', 777);
  const ghost = makeCitizenId('152201', '1970-07-07', 999);
  await k.db.updateTable('data_entity').set({ legal_rep_enc: k.crypto.encryptField(ghost), legal_rep_idx: k.crypto.blindIndex(ghost) }).where('id', '=', planted.ghostRep).execute();
  planted.badCredit = await nth('data_entity', 15_000);
  const good = makeCreditCode('152201', 'MA0N4C7B');
  await k.db.updateTable('data_entity').set({ credit_code: good.slice(0, 17) + (good.endsWith('0') ? '1' : '0') }).where('id', '=', planted.badCredit).execute();
  planted.orphanCredit = await nth('data_credit', 4321);
  await k.db.updateTable('data_credit').set({ credit_code: makeCreditCode('152299', 'YY9Y9Y9Y') }).where('id', '=', planted.orphanCredit).execute();
}, 600_000);
afterAll(() => t.close());

describe('data quality on the 200,000-person base table', () => {
  it('finds each planted error in its row, and scores the resource', async () => {
    const run = await t.app.inject({ method: 'POST', url: '/api/data/quality/RK-POPULATION/run', headers: bearer(w.bureau) });
    expect(run.statusCode, run.body).toBe(202);
    await t.p.kernel.jobs.runDue();
    const body = (await t.app.inject({ method: 'GET', url: run.headers.location as string, headers: bearer(w.bureau) })).json();
    expect(body.state).toBe('done');
    const rows = async (rule: string) => (await t.p.data.quality.issues('RK-POPULATION', rule)).map((i) => i.rowId);
    expect(await rows('format:citizen-id')).toEqual([planted.badCheck]);
    expect(await rows('required')).toEqual([planted.noName]);
    expect(await rows('format:region-code')).toEqual([planted.badRegion]);
    expect(await rows('range')).toEqual([planted.tooOld]);
    expect((await rows('unique')).sort()).toEqual([planted.duplicate, await nth('data_population', 7)].sort());
    expect(body.rows).toBe(200_000);
    expect(body.score).toBeGreaterThan(99.99);
    expect(body.score).toBeLessThan(100);
  });

  it('checks entities against the population and credit records against the entities', async () => {
    await t.p.data.quality.run('FR-ENTITY');
    await t.p.data.quality.run('XY-CREDIT');
    expect((await t.p.data.quality.issues('FR-ENTITY', 'exists-in')).map((i) => i.rowId)).toEqual([planted.ghostRep]);
    expect((await t.p.data.quality.issues('FR-ENTITY', 'format:credit-code')).map((i) => i.rowId)).toEqual([planted.badCredit]);
    // The credit row pointing at no entity, and the one whose entity's code was broken above.
    const orphans = (await t.p.data.quality.issues('XY-CREDIT', 'exists-in')).map((i) => i.rowId);
    expect(orphans).toContain(planted.orphanCredit);
    expect(orphans).toHaveLength(2);
    const scores = (await t.app.inject({ method: 'GET', url: '/api/data/quality', headers: bearer(w.consumer) })).json();
    expect(scores.resources.map((r: { code: string }) => r.code).sort()).toEqual(['FR-ENTITY', 'RK-POPULATION', 'XY-CREDIT']);
    // Each score carries its findings per rule, which the figures page shows.
    expect(scores.resources.find((r: { code: string }) => r.code === 'FR-ENTITY').findings).toContainEqual({ item: 'legalRepIdNumber', rule: 'exists-in', count: 1, detail: expect.any(String) });
    expect(scores.departments.find((d: { departmentId: string }) => d.departmentId === w.depts.GAJ).score).toBeLessThan(100);
  });

  it('checks a register keyed by ID number (no id column), naming the offending row by its key', async () => {
    const k = t.p.kernel;
    // A death recorded for someone the population base does not know.
    const stranger = makeCitizenId('152201', '1940-02-02', 424);
    const idx = k.crypto.blindIndex(stranger);
    await k.db
      .insertInto('data_death')
      .values({ id_number_idx: idx, id_number_enc: k.crypto.encryptField(stranger), id_number_masked: '152201********4242', region_code: '152201', died_on: '2026-01-05', updated_at: k.clock.now() })
      .execute();
    const r = await t.p.data.quality.run('MZ-DEATH');
    expect(r.findings).toContainEqual(expect.objectContaining({ item: 'idNumber', rule: 'exists-in', count: 1 }));
    expect((await t.p.data.quality.issues('MZ-DEATH', 'exists-in')).map((i) => i.rowId)).toEqual([idx]);
  });

  it('flags a resource not updated within its declared frequency', async () => {
    t.clock.advance(30 * 86_400_000);
    const r = await t.p.data.quality.run('XY-CREDIT');
    expect(r.findings.map((f) => f.rule)).toContain('timeliness');
    // Back to the day the tokens were issued on.
    t.clock.set('2026-03-02T09:00:00+08:00');
    // The provider's list names no row for it: the whole resource is late.
    const late = await t.app.inject({ method: 'GET', url: '/api/data/quality/XY-CREDIT/issues?rule=timeliness', headers: bearer(w.bureau) });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toEqual([{ item: null, rule: 'timeliness', rowId: null, detail: expect.stringContaining('not updated within its declared frequency') }]);
  });
});
