import type { Migration } from '../../../kernel/db/migrate.ts';
import { archivesMigrations } from '../archives/migrations.ts';
import { documentsMigrations } from '../documents/migrations.ts';
import { dutyMigrations } from '../duty/migrations.ts';
import { incomingMigrations } from '../incoming/migrations.ts';
import { meetingsMigrations } from '../meetings/migrations.ts';
import { supervisionMigrations } from '../supervision/migrations.ts';

/**
 * 一网协同 tables. Each area keeps its migrations beside its code and owns a range of names:
 * documents 0800–0819, incoming 0820–0829, supervision 0830–0839, meetings 0840–0849,
 * duty 0850–0859, archives 0860–0879. Listed in the order of their names.
 */
export const officeMigrations: Migration[] = [...documentsMigrations, ...incomingMigrations, ...supervisionMigrations, ...meetingsMigrations, ...dutyMigrations, ...archivesMigrations].sort((a, b) =>
  a.name.localeCompare(b.name),
);
