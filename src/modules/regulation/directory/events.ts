import { Type } from '@sinclair/typebox';
import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/** A sync of a region's 检查对象 from the entity base finished: what it added, refreshed and marked. */
export const REGULATION_OBJECTS_SYNCED = 'regulation.objects.synced';
const Synced = Type.Object({ id: Type.String(), regionCode: Type.String(), seen: Type.Integer(), inserted: Type.Integer(), updated: Type.Integer(), closed: Type.Integer(), gone: Type.Integer() });

/** An object created or refreshed one at a time (by hand, or by an approval through the port). */
export const REGULATION_OBJECT_UPSERTED = 'regulation.object.upserted';
const Upserted = Type.Object({ id: Type.String(), creditCode: Type.String(), regionCode: Type.String(), source: Type.String(), created: Type.Boolean() });

/** A 利害关系 declared or withdrawn: 回避 in later draws changes. */
export const REGULATION_RELATION_DECLARED = 'regulation.relation.declared';
export const REGULATION_RELATION_WITHDRAWN = 'regulation.relation.withdrawn';
const Relation = Type.Object({ id: Type.String(), inspectorId: Type.String(), creditCode: Type.String() });

export const directoryEvents: EventCatalogue = {
  [REGULATION_OBJECTS_SYNCED]: Synced,
  [REGULATION_OBJECT_UPSERTED]: Upserted,
  [REGULATION_RELATION_DECLARED]: Relation,
  [REGULATION_RELATION_WITHDRAWN]: Relation,
  ...changeEvents('regulation.object', ['tagged']),
  ...changeEvents('regulation.inspector', ['created', 'updated', 'deactivated', 'activated']),
};
