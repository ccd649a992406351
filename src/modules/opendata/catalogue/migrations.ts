import type { Migration } from '../../../kernel/db/migrate.ts';

/** 开放目录: datasets made from catalogue resources, their metadata, publication, search, the 开放责任清单 and 开放率, and the figures. (tables to come). */
export const catalogueMigrations: Migration[] = [];
