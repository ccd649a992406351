import type { Migration } from '../../../kernel/db/migrate.ts';

/** Matching tables (migrations 1150–1159; to come). */
export const matchingMigrations: Migration[] = [];
