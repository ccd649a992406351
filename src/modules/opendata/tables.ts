import type { AccessTables } from './access/tables.ts';
import type { CatalogueTables } from './catalogue/tables.ts';
import type { CommunityTables } from './community/tables.ts';
import type { GrantsTables } from './grants/tables.ts';
import type { SandboxTables } from './sandbox/tables.ts';

/** Every table the opendata module owns: each area declares its own beside its code. */
export interface OpendataTables extends CatalogueTables, AccessTables, GrantsTables, SandboxTables, CommunityTables {}
