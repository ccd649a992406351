/**
 * 信用风险分类 of a whole region, beside a raw baseline measured in the same run on the same database:
 *
 *   classify:  a region run over BENCH_ENTITIES entities (default 20,000) of the 名录库 — the objects
 *              read, the base paged once and joined in memory, licence counts, indicator scoring
 *              with reasons, and 2,000 entities per transaction written (the current class upserted,
 *              a history row for each change, an audit entry per batch) — entities per second;
 *              then again over unchanged facts (no history rows: the monthly case)
 *   raw:       the facts read with one SELECT (the base joined to the credit register) plus a raw
 *              `INSERT … SELECT` of the same number of rows into a bare table — rows per second
 *
 * The ratio says what the classification costs beyond reading the facts and writing one row each.
 * Uses DATABASE_URL when set, else embedded PGlite.
 */
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { loadSyntheticBase } from '../src/modules/data/index.ts';
import { benchPlatform } from './baseline.ts';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 20_000);
const REGION = '1522';

const { p, close } = await benchPlatform(4);
const db = p.kernel.db;
const actor = { id: SYSTEM_PRINCIPAL.accountId, type: 'system' as const, regionCode: REGION };
try {
  let t0 = performance.now();
  // About 7 % of the synthetic base is 注销 and stays out of the 名录库: load enough for ENTITIES objects.
  await loadSyntheticBase(p.kernel, { people: 2000, entities: Math.ceil(ENTITIES / 0.93) });
  const sync = await p.regulation.directory.sync.runNow(REGION, actor);
  console.log(`base: ${ENTITIES} entities loaded, 名录库 synced (${sync.inserted} objects) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Raw: read the facts in one statement, write one row per entity with INSERT … SELECT.
  await sql`CREATE TABLE bench_credit_raw (credit_code text PRIMARY KEY, region_code text NOT NULL, class text NOT NULL, score integer NOT NULL, computed_at timestamptz NOT NULL)`.execute(db);
  t0 = performance.now();
  const facts = await sql<{ credit_code: string }>`
    SELECT e.credit_code, e.region_code, e.established_on, e.registered_capital, e.status, c.black_list, c.penalties
      FROM data_entity e LEFT JOIN data_credit c ON c.credit_code = e.credit_code
     WHERE e.region_code LIKE ${`${REGION}%`}`.execute(db);
  const inserted = await sql`
    INSERT INTO bench_credit_raw SELECT credit_code, region_code, 'B', 100 - 15 * penalties, now() FROM data_credit WHERE region_code LIKE ${`${REGION}%`}
    ON CONFLICT DO NOTHING`.execute(db);
  const rawSeconds = (performance.now() - t0) / 1000;
  const rawRows = Math.max(facts.rows.length, Number(inserted.numAffectedRows ?? 0));

  t0 = performance.now();
  const first = await p.regulation.credit.runs.runNow(REGION, 'manual', actor);
  const firstSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const again = await p.regulation.credit.runs.runNow(REGION, 'manual', actor);
  const againSeconds = (performance.now() - t0) / 1000;
  if (!first || !again || first.state !== 'done' || again.state !== 'done') throw new Error(`run did not finish: ${JSON.stringify(first ?? again)}`);

  const total = first.progress.total ?? 0;
  const rate = total / firstSeconds;
  const againRate = total / againSeconds;
  const rawRate = rawRows / rawSeconds;
  console.log(`entities classified: ${total} — A ${first.counts?.A}, B ${first.counts?.B}, C ${first.counts?.C}, D ${first.counts?.D}; changed ${first.changed}, then ${again.changed}`);
  console.log(`classify (first):   ${rate.toFixed(0)} entities/s (${firstSeconds.toFixed(2)} s)`);
  console.log(`classify (again):   ${againRate.toFixed(0)} entities/s (${againSeconds.toFixed(2)} s)`);
  console.log(`raw read + write:   ${rawRate.toFixed(0)} rows/s (${rawSeconds.toFixed(2)} s for ${rawRows})`);
  console.log(`ratio:              ${(rate / rawRate).toFixed(3)} of raw (first), ${(againRate / rawRate).toFixed(3)} (again)`);
} finally {
  await close();
}
