import type { Migration } from '../../../kernel/db/migrate.ts';

/** 检查任务, 结果, 异议, 行政处罚 and 一公开: migrations 0950–0969. */
export const tasksMigrations: Migration[] = [];
