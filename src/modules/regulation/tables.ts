import type { CreditTables } from './credit/tables.ts';
import type { DirectoryTables } from './directory/tables.ts';
import type { DrawsTables } from './draws/tables.ts';
import type { ItemsTables } from './items/tables.ts';
import type { ProfilesTables } from './profiles/tables.ts';
import type { TasksTables } from './tasks/tables.ts';

/** Every table the regulation module owns: each area declares its own beside its code. */
export interface RegulationTables extends ItemsTables, DirectoryTables, CreditTables, DrawsTables, TasksTables, ProfilesTables {}
