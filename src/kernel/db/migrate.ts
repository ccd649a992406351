import { Migrator, sql, type MigrationProvider } from 'kysely';
import type { Db } from './index.ts';

/** One forward migration: SQL statements run in order inside one transaction. */
export interface Migration {
  /** Globally ordered name: `NNNN_module_what`. The number decides the order across modules. */
  name: string;
  sql: string;
}

/** Splits a migration's SQL on statement ends (our migrations hold no procedural bodies). */
function statements(text: string): string[] {
  return text
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Applies every migration not yet applied, in name order. Kysely's migrator keeps the version
 * table (`kernel_migration`) and holds a PostgreSQL advisory lock while it runs, so a second process
 * starting at the same moment waits and then finds nothing left to do.
 */
export async function runMigrations(db: Db, migrations: Migration[]): Promise<string[]> {
  const names = new Set<string>();
  for (const m of migrations) {
    if (names.has(m.name)) throw new Error(`duplicate migration name ${m.name}`);
    names.add(m.name);
  }
  const provider: MigrationProvider = {
    async getMigrations() {
      return Object.fromEntries(
        migrations.map((m) => [
          m.name,
          {
            async up(trx: Db) {
              // Building an index on a big table may take longer than any request may: the
              // server's statement_timeout is for requests, not for schema changes.
              await sql`SET LOCAL statement_timeout = 0`.execute(trx);
              for (const s of statements(m.sql)) await sql.raw(s).execute(trx);
            },
          },
        ]),
      );
    },
  };
  // Name the schema explicitly: Kysely looks for its version table across all schemas otherwise,
  // and would mistake another installation's (or another test's) table for ours.
  const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0].s;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableSchema: schema,
    migrationTableName: 'kernel_migration',
    migrationLockTableName: 'kernel_migration_lock',
    // Each module numbers its migrations in its own range (kernel 00xx, identity 02xx, data 06xx…),
    // so a module's new migration often sorts before another module's applied one: an installation
    // must still upgrade, running what is new in name order.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message ?? error}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
