import type { Migration } from '../../../kernel/db/migrate.ts';

/** Requests tables (migrations 1120–1129; to come). */
export const requestsMigrations: Migration[] = [];
