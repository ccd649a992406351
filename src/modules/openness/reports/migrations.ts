import type { Migration } from '../../../kernel/db/migrate.ts';

/** Reports tables (migrations 1130–1139; to come). */
export const reportsMigrations: Migration[] = [];
