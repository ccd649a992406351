import type { Migration } from '../../../kernel/db/migrate.ts';

/** 下载与接口: CSV/JSON/XLSX downloads, previews, API keys and the open API with its documentation. (tables to come). */
export const accessMigrations: Migration[] = [];
