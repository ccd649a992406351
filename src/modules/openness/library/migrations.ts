import type { Migration } from '../../../kernel/db/migrate.ts';

/** Library tables (migrations 1100–1109; to come). */
export const libraryMigrations: Migration[] = [];
