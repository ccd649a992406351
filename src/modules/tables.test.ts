import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, runMigrations, sql, type Database } from '../kernel/db/index.ts';
import { kernelMigrations } from '../kernel/index.ts';
import { declaredTables, driftBetween, type ActualColumn, type TablesFile } from '../testing/declared-tables.ts';
import { casesMigrations } from './cases/migrations/index.ts';
import { cityopsMigrations } from './cityops/migrations/index.ts';
import { dataMigrations } from './data/migrations/index.ts';
import { identityMigrations } from './identity/migrations/index.ts';
import { licensesMigrations } from './licenses/migrations/index.ts';
import { orgMigrations } from './org/migrations/index.ts';
import { officeMigrations } from './office/migrations/index.ts';
import { regulationMigrations } from './regulation/migrations/index.ts';
import { opendataMigrations } from './opendata/migrations/index.ts';
import { opennessMigrations } from './openness/migrations/index.ts';
import { proactiveMigrations } from './proactive/migrations/index.ts';
import { servicesMigrations } from './services/migrations/index.ts';

/**
 * The row types in each tables.ts are what queries are checked against; this keeps them equal to
 * what the migrations really create, so a declaration cannot drift from its table.
 */
const root = path.resolve(import.meta.dirname, '../..');
const modules = fs
  .readdirSync(import.meta.dirname, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const pascal = (s: string) => s[0].toUpperCase() + s.slice(1);
const tablesFiles: TablesFile[] = [
  { file: path.join(root, 'src/kernel/tables.ts'), listing: 'KernelTables' },
  ...modules.map((m) => ({ file: path.join(import.meta.dirname, m, 'tables.ts'), listing: `${pascal(m)}Tables` })),
];

let database: Database;
let actual: ActualColumn[];

beforeAll(async () => {
  database = await openTestDatabase(2);
  await runMigrations(database.db, [
    ...kernelMigrations,
    ...orgMigrations,
    ...identityMigrations,
    ...servicesMigrations,
    ...cityopsMigrations,
    ...casesMigrations,
    ...licensesMigrations,
    ...dataMigrations,
    ...proactiveMigrations,
    ...officeMigrations,
    ...regulationMigrations,
    ...opendataMigrations,
    ...opennessMigrations,
  ]);
  actual = (
    await sql<ActualColumn>`
      SELECT c.table_name, c.column_name, c.udt_name, c.is_nullable, c.column_default, c.is_identity, c.is_generated
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`.execute(database.db)
  ).rows;
});

afterAll(async () => {
  await database?.close();
});

describe('declared tables', () => {
  it('every module has a tables.ts', () => {
    expect(tablesFiles.filter((f) => !fs.existsSync(f.file)).map((f) => path.relative(root, f.file))).toEqual([]);
  });

  it('match the tables the migrations create, column by column', () => {
    const declared = declaredTables(root, tablesFiles);
    expect(declared.size).toBeGreaterThan(50);
    expect(driftBetween(declared, actual)).toEqual([]);
  });

  it('a declaration that has drifted is reported, with what is wrong', () => {
    const wrong = path.join(import.meta.dirname, 'org', 'tables.drifted.ts');
    const text = `import type { Generated } from 'kysely';
      import type { Timestamp } from '../../kernel/db/tables.ts';
      export interface DriftedTables {
        org_region: { code: string; level: string; parent_code: string; active: boolean; colour: string };
        org_post: { id: string; department_id: string; name: string; role_codes: string[]; active: Generated<boolean>; created_at: Timestamp };
        org_department: { id: string; created_at: Generated<Timestamp> };
        org_nowhere: { id: string };
        cases_case: { id: string };
      }`;
    const drift = driftBetween(declaredTables(root, [{ file: wrong, listing: 'DriftedTables', text }]), actual);
    expect(drift).toEqual(
      expect.arrayContaining([
        'org_region.level is int2 in the database but declared as string',
        'org_region.parent_code is NULL in the database but declared without null',
        'org_region.active has default in the database but is declared not Generated',
        'src/modules/org/tables.drifted.ts declares org_region.colour, which the migrations do not create',
        'org_region.name exists in the database but src/modules/org/tables.drifted.ts does not declare it',
        'src/modules/org/tables.drifted.ts declares org_post.created_at, which the migrations do not create',
        'src/modules/org/tables.drifted.ts declares org_nowhere, which the migrations do not create',
        'src/modules/org/tables.drifted.ts declares cases_case, which is not a table of org',
        'org_department.created_at is declared as a ColumnType inside another, which Kysely does not unwrap',
        'org_staff exists in the database but no tables.ts declares it',
      ]),
    );
    expect(drift.some((p) => p.includes('org_post.role_codes') || p.includes('org_region.code ') || p.includes('org_post.active'))).toBe(false);
  });
});
