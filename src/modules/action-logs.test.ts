import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ACTION_LOG_COLUMNS } from '../kernel/workflow/index.ts';
import { startTestPlatform, type TestPlatform } from '../testing/platform.ts';

/**
 * Every module's action log has the kernel's one shape, so none can drift again (the services
 * and cases logs once differed by a column). A new log table is found by its name.
 */
let t: TestPlatform;
beforeAll(async () => (t = await startTestPlatform()));
afterAll(async () => t.close());

describe('action logs', () => {
  it('all have the one shape the kernel declares', async () => {
    const rows = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name LIKE '%\\_action' ORDER BY table_name, ordinal_position`.execute(t.p.kernel.db);
    const tables = new Map<string, string[]>();
    for (const r of rows.rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
    expect([...tables.keys()]).toEqual(expect.arrayContaining(['services_action', 'cases_action', 'data_request_action']));
    for (const [table, columns] of tables) {
      const recordColumn = columns.find((c) => !(ACTION_LOG_COLUMNS as readonly string[]).includes(c));
      expect([...columns].sort(), table).toEqual(ACTION_LOG_COLUMNS.map((c) => (c === '<record>' ? recordColumn : c)).sort());
    }
  });
});
