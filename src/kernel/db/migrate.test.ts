import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, runMigrations, sql, type Database } from './index.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase(2);
});
afterAll(() => database.close());

describe('migrations', () => {
  it('upgrades an installation when a module adds a migration that sorts before one already applied', async () => {
    const later = { name: '0600_data_table', sql: 'CREATE TABLE data_t (id int)' };
    expect(await runMigrations(database.db, [later])).toEqual(['0600_data_table']);
    // A new identity migration (02xx) arrives after data's 0600 was applied.
    const earlier = { name: '0203_identity_table', sql: 'CREATE TABLE identity_t (id int)' };
    expect(await runMigrations(database.db, [earlier, later])).toEqual(['0203_identity_table']);
    const tables = await sql<{ n: string }>`SELECT table_name AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('data_t', 'identity_t') ORDER BY 1`.execute(
      database.db,
    );
    expect(tables.rows.map((r) => r.n)).toEqual(['data_t', 'identity_t']);
    // Running again finds nothing left to do.
    expect(await runMigrations(database.db, [earlier, later])).toEqual([]);
  });
});
