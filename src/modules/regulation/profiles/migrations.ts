import type { Migration } from '../../../kernel/db/migrate.ts';

/** 企业画像, 12345 线索 and 监管效能: migrations 0970–0989. */
export const profilesMigrations: Migration[] = [];
