import type { Migration } from '../../../kernel/db/migrate.ts';

/** 有条件开放: applications, the 数据利用协议, provider and bureau approval, and the gateway grant it yields. (tables to come). */
export const grantsMigrations: Migration[] = [];
