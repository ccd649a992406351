import type { Db, Executor } from '../db/index.ts';
import type { WorkflowDefinition } from './definition.ts';

/** DDL for a module's table of workflow versions (a record keeps the version it was made under). */
export function workflowVersionsTableSql(table: string): string {
  return `CREATE TABLE ${table} (version integer PRIMARY KEY, definition jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`;
}

/**
 * The stored versions of one record kind's workflow, when the code ships the first one. Version 1
 * is the code's definition, written on first use (not by a migration, so a fresh database stays
 * empty for a restore); a record is always read with the version it was made under.
 */
export class WorkflowVersions {
  private readonly cache = new Map<number, WorkflowDefinition>();
  private latestVersion: number | null = null;
  constructor(
    private readonly db: Db,
    private readonly table: string,
    private readonly builtIn: WorkflowDefinition,
  ) {}

  /** `ex`: the caller's transaction, when one is open (an embedded database has one connection). */
  async get(version: number, ex: Executor = this.db): Promise<WorkflowDefinition> {
    let def = this.cache.get(version);
    if (!def) {
      // Records made before the first version was written (an upgraded database) name version 1.
      if (version === 1 && this.latestVersion == null) await this.latest(ex);
      const row = await ex.selectFrom(this.table).select('definition').where('version', '=', version).executeTakeFirstOrThrow();
      def = (typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition) as WorkflowDefinition;
      this.cache.set(version, def);
    }
    return def;
  }

  async latest(ex: Executor = this.db): Promise<{ version: number; def: WorkflowDefinition }> {
    if (this.latestVersion == null) {
      await ex
        .insertInto(this.table)
        .values({ version: 1, definition: JSON.stringify(this.builtIn) })
        .onConflict((oc) => oc.column('version').doNothing())
        .execute();
      const row = await ex
        .selectFrom(this.table)
        .select((eb) => eb.fn.max('version').as('v'))
        .executeTakeFirstOrThrow();
      this.latestVersion = Number(row.v);
    }
    return { version: this.latestVersion, def: await this.get(this.latestVersion, ex) };
  }
}
