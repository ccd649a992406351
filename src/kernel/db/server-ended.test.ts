import { describe, expect, it } from 'vitest';
import { openTestDatabase, sql } from './index.ts';

// A transaction left idle past idle_in_transaction_session_timeout is ended by the server. That
// must cost the transaction, not the process (it did: an uncaught 'error' from the pg client).
describe.skipIf(!process.env.DATABASE_URL)('a connection the PostgreSQL server ends', () => {
  it('fails the idle transaction, keeps the process, and the pool serves the next request', async () => {
    const database = await openTestDatabase(2, { idleInTransactionTimeoutMs: 200 });
    try {
      const idle = database.db.transaction().execute(async (trx) => {
        await sql`SELECT 1`.execute(trx);
        await new Promise((r) => setTimeout(r, 1500));
        await sql`SELECT 2`.execute(trx);
      });
      await expect(idle).rejects.toThrow();
      const r = await sql<{ n: number }>`SELECT 3 AS n`.execute(database.db);
      expect(r.rows).toEqual([{ n: 3 }]);
    } finally {
      await database.close();
    }
  });
});
