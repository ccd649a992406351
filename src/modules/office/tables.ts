import type { ArchivesTables } from './archives/tables.ts';
import type { DocumentsTables } from './documents/tables.ts';
import type { DutyTables } from './duty/tables.ts';
import type { IncomingTables } from './incoming/tables.ts';
import type { MeetingsTables } from './meetings/tables.ts';
import type { SupervisionTables } from './supervision/tables.ts';

/** Every table the office module owns: each area declares its own beside its code. */
export interface OfficeTables extends DocumentsTables, IncomingTables, SupervisionTables, MeetingsTables, DutyTables, ArchivesTables {}
