import type { Migration } from '../../../kernel/db/migrate.ts';

/** Interaction tables (migrations 1140–1149; to come). */
export const interactionMigrations: Migration[] = [];
