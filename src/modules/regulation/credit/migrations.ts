import type { Migration } from '../../../kernel/db/migrate.ts';

/** 信用风险分类 A–D: migrations 0920–0929. */
export const creditMigrations: Migration[] = [];
