import type { Migration } from '../../../kernel/db/migrate.ts';
import { accessMigrations } from '../access/migrations.ts';
import { catalogueMigrations } from '../catalogue/migrations.ts';
import { communityMigrations } from '../community/migrations.ts';
import { grantsMigrations } from '../grants/migrations.ts';
import { sandboxMigrations } from '../sandbox/migrations.ts';

/**
 * 公共数据开放 tables. Each area keeps its migrations beside its code and owns a range of names:
 * catalogue 1000–1009, access 1010–1019, grants 1020–1029, sandbox 1030–1039, community 1040–1049
 * (the CKAN and DCAT views own none). Listed in the order of their names.
 */
export const opendataMigrations: Migration[] = [...catalogueMigrations, ...accessMigrations, ...grantsMigrations, ...sandboxMigrations, ...communityMigrations].sort((a, b) =>
  a.name.localeCompare(b.name),
);
