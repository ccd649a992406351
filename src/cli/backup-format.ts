import type { SequenceState } from './backup-catalog.ts';

/**
 * A Yiwang backup is gzip'd text, one JSON value per line:
 *
 *   {"format":"yiwang-backup","version":2,...}   the header (BackupHeader)
 *   ["table","org_region",["code","name",...]]   a table begins, with the columns its rows carry
 *   {"code":"152201","name":"乌兰浩特市",...}     one row, exactly as PostgreSQL's row_to_json wrote it
 *   ["end",{...}]                                 the trailer (BackupTrailer): counts and sequences
 *
 * Rows are objects and everything else is an array, so a row can never be mistaken for a marker
 * whatever its column names. Rows stay PostgreSQL's own JSON text from backup to restore — never
 * parsed in JavaScript — so numerics keep every digit, timestamps their microseconds and bytea its
 * bytes. A file without its trailer is incomplete and is refused.
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

export type TableMarker = ['table', string, string[]];

export interface BackupTrailer {
  rows: number;
  /** Rows per table, checked on restore. */
  tables: Record<string, number>;
  sequences: SequenceState[];
}

export type EndMarker = ['end', BackupTrailer];
