import type { Migration } from '../../../kernel/db/migrate.ts';

/** 两库: 检查对象名录库 and 执法检查人员名录库: migrations 0910–0919. */
export const directoryMigrations: Migration[] = [];
