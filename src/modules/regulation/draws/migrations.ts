import type { Migration } from '../../../kernel/db/migrate.ts';

/** 抽查计划 and the verifiable 双随机 draw: migrations 0930–0949. */
export const drawsMigrations: Migration[] = [];
