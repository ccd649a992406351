import type { Migration } from '../../../kernel/db/migrate.ts';
import { interactionMigrations } from '../interaction/migrations.ts';
import { libraryMigrations } from '../library/migrations.ts';
import { matchingMigrations } from '../matching/migrations.ts';
import { reportsMigrations } from '../reports/migrations.ts';
import { requestsMigrations } from '../requests/migrations.ts';
import { reviewMigrations } from '../review/migrations.ts';

/**
 * 政务公开 tables. Each area keeps its migrations beside its code and owns a range of names:
 * library 1100–1109, review 1110–1119, requests 1120–1129, reports 1130–1139, interaction 1140–1149,
 * matching 1150–1159. Listed in the order of their names.
 */
export const opennessMigrations: Migration[] = [...libraryMigrations, ...reviewMigrations, ...requestsMigrations, ...reportsMigrations, ...interactionMigrations, ...matchingMigrations].sort((a, b) =>
  a.name.localeCompare(b.name),
);
