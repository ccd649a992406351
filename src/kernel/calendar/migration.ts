import type { Migration } from '../db/migrate.ts';

export const calendarMigration: Migration = {
  name: '0003_kernel_calendar',
  sql: `
    CREATE TABLE kernel_calendar_day (
      day date PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
      name text NOT NULL,
      source text NOT NULL,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL
    );
  `,
};
