import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf } from '../../../kernel/db/tables.ts';

/** The row types of the meetings area's tables, as its migrations create them (kept equal by src/modules/tables.test.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the area's tables are still to be written
export interface MeetingsTables {}

export const meetingsDb = (ex: Executor) => tablesOf<MeetingsTables>(ex);
