import type { Migration } from '../../../kernel/db/migrate.ts';

/** 监管事项清单 (照单监管): migrations 0900–0909. */
export const itemsMigrations: Migration[] = [];
