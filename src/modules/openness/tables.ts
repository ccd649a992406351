import type { InteractionTables } from './interaction/tables.ts';
import type { LibraryTables } from './library/tables.ts';
import type { MatchingTables } from './matching/tables.ts';
import type { ReportsTables } from './reports/tables.ts';
import type { RequestsTables } from './requests/tables.ts';
import type { ReviewTables } from './review/tables.ts';

/** Every table the openness module owns: each area declares its own beside its code. */
export interface OpennessTables extends LibraryTables, ReviewTables, RequestsTables, ReportsTables, InteractionTables, MatchingTables {}
