import type { Migration } from '../../../kernel/db/migrate.ts';

export const dutyMigrations: Migration[] = [];
