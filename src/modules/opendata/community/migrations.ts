import type { Migration } from '../../../kernel/db/migrate.ts';

/** 互动: ratings and comments, 数据需求, 应用展示 and 授权运营 products. (tables to come). */
export const communityMigrations: Migration[] = [];
