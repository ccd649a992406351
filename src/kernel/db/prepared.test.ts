import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openTestDatabase, sql, type Database, type Db, type Executor } from './index.ts';
import { PREPARED_PER_CONNECTION } from './prepared.ts';

/** The statements this connection holds prepared (one connection: the pool has one). */
const preparedOnConnection = async (db: Db) => (await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(db)).rows;

// Named statements exist only on a PostgreSQL server; PGlite runs every statement as before.
describe.skipIf(!process.env.DATABASE_URL)('recurring statements kept prepared on a PostgreSQL connection', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(1);
    await sql`CREATE TABLE prep_t (id int PRIMARY KEY, name text NOT NULL, state text NOT NULL)`.execute(database.db);
    await sql`CREATE UNIQUE INDEX prep_t_name ON prep_t (name) WHERE state IN ('pending', 'running')`.execute(database.db);
  });
  afterAll(() => database.close());

  it('prepares a statement the second time its text comes, and answers from it', async () => {
    const { db } = database;
    for (let i = 1; i <= 8; i++) await sql`INSERT INTO prep_t (id, name, state) VALUES (${i}, ${`n${i}`}, 'done')`.execute(db);
    const names = [];
    for (let i = 1; i <= 8; i++) names.push((await sql<{ name: string }>`SELECT name FROM prep_t WHERE id = ${i}`.execute(db)).rows[0].name);
    expect(names).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8']);
    const prepared = await preparedOnConnection(db);
    expect(prepared.some((p) => p.name.startsWith('yw_') && p.statement.includes('SELECT name FROM prep_t WHERE id = $1'))).toBe(true);
  });

  it('keeps an ON CONFLICT on a partial index unnamed: a generic plan would be refused (42P10)', async () => {
    const { db } = database;
    // More than five runs: PostgreSQL tries a generic plan of a named statement from the sixth.
    for (let i = 0; i < 8; i++) {
      await sql`INSERT INTO prep_t (id, name, state) VALUES (${100 + i}, ${'job'}, ${'pending'})
        ON CONFLICT (name) WHERE state IN (${'pending'}, ${'running'}) DO NOTHING`.execute(db);
    }
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM prep_t WHERE name = 'job'`.execute(db);
    expect(r.rows[0].n).toBe(1);
    expect((await preparedOnConnection(db)).some((p) => /on conflict/i.test(p.statement))).toBe(false);
  });

  it('keeps an ON CONFLICT on a partial expression index unnamed too (parentheses inside the target)', async () => {
    const { db } = database;
    await sql`CREATE TABLE prep_e (id int PRIMARY KEY, email text NOT NULL, state text NOT NULL)`.execute(db);
    await sql`CREATE UNIQUE INDEX prep_e_email ON prep_e (lower(email)) WHERE state = 'live'`.execute(db);
    for (let i = 0; i < 8; i++) {
      await sql`INSERT INTO prep_e (id, email, state) VALUES (${i}, ${'A@x.cn'}, ${'live'})
        ON CONFLICT (lower(email)) WHERE state = ${'live'} DO NOTHING`.execute(db);
    }
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM prep_e`.execute(db);
    expect(r.rows[0].n).toBe(1);
  });

  it("answers with the new columns after a table changes under a prepared SELECT *; inside a transaction the refusal is the caller's", async () => {
    const { db } = database;
    const row = (ex: Executor, id: number) => sql<Record<string, unknown>>`SELECT * FROM prep_t WHERE id = ${id}`.execute(ex);
    for (let i = 1; i <= 3; i++) await row(db, i);
    await sql`ALTER TABLE prep_t ADD COLUMN note text NOT NULL DEFAULT '备注'`.execute(db);
    // Outside a transaction PostgreSQL's refusal (0A000) is answered by running the call again unnamed.
    expect((await row(db, 1)).rows[0]).toEqual({ id: 1, name: 'n1', state: 'done', note: '备注' });
    for (let i = 1; i <= 3; i++) await row(db, i);
    await sql`ALTER TABLE prep_t ADD COLUMN kept boolean NOT NULL DEFAULT true`.execute(db);
    // Inside one the transaction is already aborted: the caller hears it, and the next call works.
    await expect(db.transaction().execute((trx) => row(trx, 2))).rejects.toMatchObject({ code: '0A000' });
    expect((await row(db, 2)).rows[0]).toEqual({ id: 2, name: 'n2', state: 'done', note: '备注', kept: true });
  });

  it('recovers when pg cannot send a value: the next call of the same statement is answered', async () => {
    const { db } = database;
    const echo = (v: unknown) => sql<{ j: unknown }>`SELECT ${v}::jsonb AS j`.execute(db);
    for (let i = 0; i < 3; i++) expect((await echo(JSON.stringify({ i }))).rows[0].j).toEqual({ i });
    // A BigInt inside an object: pg's JSON conversion throws after the statement's Parse was queued.
    await expect(echo({ n: 1n })).rejects.toThrow(/BigInt/);
    expect((await echo(JSON.stringify({ i: 9 }))).rows[0].j).toEqual({ i: 9 });
  });

  it(`holds at most ${PREPARED_PER_CONNECTION} statements on a connection; the rest still answer, unnamed`, async () => {
    const { db } = database;
    const n = PREPARED_PER_CONNECTION + 40;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < n; i++) {
        // A distinct text per i (the alias), each run twice.
        const r = await sql<{ v: number }>`SELECT ${i}::int + 1 AS ${sql.ref(`v${i}`)}`.execute(db);
        expect(Object.values(r.rows[0])[0]).toBe(i + 1);
      }
    }
    const named = (await preparedOnConnection(db)).filter((p) => p.name.startsWith('yw_'));
    expect(named.length).toBeLessThanOrEqual(PREPARED_PER_CONNECTION);
    expect(named.length).toBeGreaterThan(PREPARED_PER_CONNECTION / 2);
  });

  it('prepares nothing when switched off (YIWANG_DB_PREPARED_STATEMENTS=false, for an older PgBouncer)', async () => {
    const off = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 1, preparedStatements: false });
    try {
      for (let i = 0; i < 4; i++) await sql`SELECT ${i}::int AS v`.execute(off.db);
      expect(await preparedOnConnection(off.db)).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
