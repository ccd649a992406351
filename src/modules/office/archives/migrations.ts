import type { Migration } from '../../../kernel/db/migrate.ts';

export const archivesMigrations: Migration[] = [];
