import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { kernelMigrations } from '../kernel/index.ts';
import { openTestDatabase, runMigrations, type Database, type Db } from '../kernel/db/index.ts';
import { backup } from './backup.ts';
import { restore } from './restore.ts';

/**
 * Tables with a column of every kind a migration might add, beyond those the modules use today:
 * the restore must take its types from the catalogue, not from a list. `probe` refers to
 * `probe_kind`, which sorts after it, and `probe_kind` to itself; a trigger would change a row
 * written again; an identity, a generated column and a sequence all need care.
 */
const PROBE = [
  `CREATE SEQUENCE probe_no START 500`,
  `CREATE TABLE probe_kind (code text PRIMARY KEY, parent_code text REFERENCES probe_kind (code))`,
  `CREATE TABLE probe (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text REFERENCES probe_kind (code),
    no bigint NOT NULL DEFAULT nextval('probe_no'),
    amount numeric, ratio float8, money numeric(12,2), blob bytea, tags text[], grid int[],
    doc jsonb, raw json, at timestamptz, local_at timestamp, day date, span interval,
    words tsvector, place point, label text, flag boolean, uid uuid,
    label_len int GENERATED ALWAYS AS (length(label)) STORED
  )`,
  `CREATE FUNCTION probe_touch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN NEW.label := NEW.label || '（又写了一次）'; RETURN NEW; END $$`,
  `CREATE TRIGGER probe_touch BEFORE INSERT ON probe FOR EACH ROW EXECUTE FUNCTION probe_touch()`,
];

async function probeDatabase(): Promise<Database> {
  const d = await openTestDatabase();
  await runMigrations(d.db, kernelMigrations);
  for (const statement of PROBE) await sql.raw(statement).execute(d.db);
  return d;
}

const dump = async (db: Db) => ({
  kinds: (await sql<{ r: string }>`SELECT x::text AS r FROM probe_kind x ORDER BY 1`.execute(db)).rows,
  probes: (await sql<{ r: string }>`SELECT x::text AS r FROM probe x ORDER BY id`.execute(db)).rows,
  // jsonb null and SQL NULL differ, as do the two json texts.
  nulls: (await sql<{ r: string }>`SELECT id, doc IS NULL AS sql_null, jsonb_typeof(doc) AS kind, raw::text AS raw FROM probe ORDER BY id`.execute(db)).rows,
});

describe('backup and restore of every column type', () => {
  let source: Database;
  let target: Database;
  const file = path.join(os.tmpdir(), `yw-types-${process.pid}.jsonl.gz`);
  beforeAll(async () => {
    source = await probeDatabase();
    target = await probeDatabase();
    const db = source.db;
    await sql`INSERT INTO probe_kind VALUES ('root', NULL)`.execute(db);
    await sql`INSERT INTO probe_kind VALUES ('leaf', 'root')`.execute(db);
    // The child sorts before its parent on disk once the parent is rewritten.
    await sql`UPDATE probe_kind SET parent_code = NULL WHERE code = 'root'`.execute(db);
    await sql`
      INSERT INTO probe (kind, amount, ratio, money, blob, tags, grid, doc, raw, at, local_at, day, span, words, place, label, flag, uid) VALUES
        ('leaf', 12345678901234567890.123456789012345678901, 0.1, 99999.99, '\\x00ff0a0d5c22e4b8ad'::bytea,
         ARRAY['a,b', '"引号"', '中文', NULL, '', 'back\\slash'], '{{1,2},{3,4}}',
         '[1, "二", {"k": [null, true, 1.50]}]', '{ "spaced" :  [1,
           2] }', '2026-03-02 09:00:00.123456+08', '2026-03-02 09:00:00.654321', '2028-02-29', '1 year 2 mons 3 days 04:05:06.789',
         'a:1 b:2 政务:3', '(122.075,46.078)', E'多行\\n文本 with "quotes" and \\\\ and \\t tab', true, '01935f7e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'),
        ('root', 'NaN', '-Infinity', -0.01, '\\x'::bytea, '{}', '{}', 'null', 'null', '-infinity', 'infinity', '1970-01-01', '-1 days', '', '(0,0)', '', false, NULL),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL, '"只是字符串"', '"s"', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`.execute(db);
    await sql`SELECT nextval('probe_no'), nextval('probe_no')`.execute(db);
    await backup(db, file, () => {});
    await restore(target.db, file, () => {});
  });
  afterAll(async () => {
    await source.close();
    await target.close();
    fs.rmSync(file, { force: true });
  });

  it('brings back every value exactly', async () => {
    const before = await dump(source.db);
    expect(before.probes).toHaveLength(3);
    expect(await dump(target.db)).toEqual(before);
    const r = await sql<{ amount: string; blob: string; label_len: number }>`SELECT amount::text, encode(blob, 'hex') AS blob, label_len FROM probe ORDER BY id LIMIT 1`.execute(target.db);
    expect(r.rows[0]).toMatchObject({ amount: '12345678901234567890.123456789012345678901', blob: '00ff0a0d5c22e4b8ad' });
  });

  it('continues the identity and the sequence, and switches the trigger and the foreign keys on again', async () => {
    const added = await sql<{ id: number; no: number; label: string }>`INSERT INTO probe (kind, label) VALUES ('leaf', '新') RETURNING id, no, label`.execute(target.db);
    expect(added.rows[0]).toMatchObject({ id: 4, no: 505, label: '新（又写了一次）' });
    await expect(sql`INSERT INTO probe (kind) VALUES ('missing')`.execute(target.db)).rejects.toThrow(/foreign key/);
  });
});
