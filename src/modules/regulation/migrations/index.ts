import type { Migration } from '../../../kernel/db/migrate.ts';
import { creditMigrations } from '../credit/migrations.ts';
import { directoryMigrations } from '../directory/migrations.ts';
import { drawsMigrations } from '../draws/migrations.ts';
import { itemsMigrations } from '../items/migrations.ts';
import { profilesMigrations } from '../profiles/migrations.ts';
import { tasksMigrations } from '../tasks/migrations.ts';

/**
 * 互联网+监管 tables. Each area keeps its migrations beside its code and owns a range of names:
 * items 0900–0909, directory 0910–0919, credit 0920–0929, draws 0930–0949, tasks 0950–0969,
 * profiles 0970–0989. Listed in the order of their names.
 */
export const regulationMigrations: Migration[] = [...itemsMigrations, ...directoryMigrations, ...creditMigrations, ...drawsMigrations, ...tasksMigrations, ...profilesMigrations].sort((a, b) =>
  a.name.localeCompare(b.name),
);
