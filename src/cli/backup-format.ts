import type { Column, SequenceState } from './backup-catalog.ts';

/**
 * A Yiwang backup is gzip'd text, one JSON value per line:
 *
 *   {"format":"yiwang-backup","version":2,...}              the header (BackupHeader)
 *   {"table":"org_region","columns":[["code","text"],...]}  a table begins (TableMarker)
 *   ["152201","乌兰浩特市",null,...]                         one row: each column's text, or null
 *   {"end":{"rows":...,"tables":{...},"sequences":[...]}}   the trailer (BackupTrailer)
 *
 * A row holds each column's value in PostgreSQL's own text form — what its type's output function
 * writes and its input function reads back, as pg_dump's COPY does — so every type comes back
 * exactly: numerics with every digit, timestamps with their microseconds, bytea, arrays, and a
 * jsonb `null` apart from SQL NULL. Rows are arrays and markers objects, so neither can pass for
 * the other. A file without its trailer is incomplete and is refused.
 */
export const FORMAT = 'yiwang-backup';
export const VERSION = 2;

export interface BackupHeader {
  format: typeof FORMAT;
  version: number;
  /** Migrations applied when the backup was made: the restoring version must have the same. */
  migrations: string[];
  at: string;
}

export interface TableMarker {
  table: string;
  /** Name and type of each value in the rows that follow, in order. */
  columns: [name: string, type: string][];
}

export interface BackupTrailer {
  rows: number;
  /** Rows per table, checked on restore. */
  tables: Record<string, number>;
  sequences: SequenceState[];
}

export interface EndMarker {
  end: BackupTrailer;
}

export const columnPairs = (cols: Column[]): TableMarker['columns'] => cols.map((c) => [c.name, c.type]);
