import type { Db, Executor } from '../../kernel/db/index.ts';
import type { WorkflowDefinition } from '../../kernel/workflow/index.ts';
import { CASE_WORKFLOW } from './workflow.ts';

/**
 * Case workflow definitions by version. A case is always read with the version it was made under;
 * new cases take the highest version.
 */
export class CaseWorkflows {
  private readonly cache = new Map<number, WorkflowDefinition>();
  private latestVersion: number | null = null;
  constructor(private readonly db: Db) {}

  /** `ex`: the caller's transaction, when one is open (an embedded database has one connection). */
  async get(version: number, ex: Executor = this.db): Promise<WorkflowDefinition> {
    let def = this.cache.get(version);
    if (!def) {
      const row = await ex.selectFrom('cases_workflow').select('definition').where('version', '=', version).executeTakeFirstOrThrow();
      def = (typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition) as WorkflowDefinition;
      this.cache.set(version, def);
    }
    return def;
  }

  async latest(ex: Executor = this.db): Promise<{ version: number; def: WorkflowDefinition }> {
    if (this.latestVersion == null) {
      // The code's definition is version 1, written on first use (not by a migration, so a fresh
      // database stays empty for a restore).
      await ex.insertInto('cases_workflow').values({ version: 1, definition: JSON.stringify(CASE_WORKFLOW) }).onConflict((oc) => oc.column('version').doNothing()).execute();
      const row = await ex.selectFrom('cases_workflow').select((eb) => eb.fn.max('version').as('v')).executeTakeFirstOrThrow();
      this.latestVersion = Number(row.v);
    }
    return { version: this.latestVersion, def: await this.get(this.latestVersion, ex) };
  }
}
