import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestKernel } from './kernel.ts';

/**
 * For tests that attack the audit ledger: `save` copies its tables aside, `putBack` restores them
 * and checks the restored ledger verifies clean, so each attack starts from the same intact ledger.
 */
export function ledgerSnapshot(t: () => TestKernel) {
  const tables = ['kernel_audit_entry', 'kernel_audit_checkpoint', 'kernel_audit_head'];
  return {
    async save() {
      for (const tb of tables) {
        await sql.raw(`DROP TABLE IF EXISTS saved_${tb}`).execute(t().k.db);
        await sql.raw(`CREATE TABLE saved_${tb} AS SELECT * FROM ${tb}`).execute(t().k.db);
      }
    },
    async putBack() {
      for (const tb of tables) {
        await sql.raw(`DELETE FROM ${tb}`).execute(t().k.db);
        await sql.raw(`INSERT INTO ${tb} SELECT * FROM saved_${tb}`).execute(t().k.db);
      }
      expect((await t().k.audit.verify()).problems).toEqual([]);
    },
  };
}
