import type { Executor } from '../../../kernel/db/index.ts';
import { tablesOf } from '../../../kernel/db/tables.ts';

/** The row types of the archives area's tables, as its migrations create them (kept equal by src/modules/tables.test.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the area's tables are still to be written
export interface ArchivesTables {}

export const archivesDb = (ex: Executor) => tablesOf<ArchivesTables>(ex);
