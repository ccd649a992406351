import type { Migration } from '../../../kernel/db/migrate.ts';

/** Review tables (migrations 1110–1119; to come). */
export const reviewMigrations: Migration[] = [];
