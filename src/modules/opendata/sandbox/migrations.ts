import type { Migration } from '../../../kernel/db/migrate.ts';

/** 沙箱 (可用不可见): aggregate queries over approved items inside the platform, with k-anonymity and a log for the provider. (tables to come). */
export const sandboxMigrations: Migration[] = [];
