import { Type, type Static } from '@sinclair/typebox';
import { changeEvents, type EventCatalogue } from '../../kernel/events/index.ts';

/** A sharing request took a step (the provider's or the data bureau's decision). */
export const DATA_REQUEST_DECIDED = 'data.request.decided';
export const DataRequestDecided = Type.Object({ id: Type.String(), action: Type.String(), from: Type.String(), to: Type.String(), number: Type.String(), resourceCode: Type.String() });
export type DataRequestDecided = Static<typeof DataRequestDecided>;

/** A base-data register changed for one subject (a death recorded, a 低保 granted …): rules over it may now decide otherwise. */
export const DATA_BASE_CHANGED = 'data.base.changed';
export const DataBaseChanged = Type.Object({ id: Type.String(), resource: Type.String(), subject: Type.Union([Type.Literal('person'), Type.Literal('entity')]), key: Type.String() });
export type DataBaseChanged = Static<typeof DataBaseChanged>;

/** What the data module publishes. */
export const dataEvents: EventCatalogue = {
  [DATA_REQUEST_DECIDED]: DataRequestDecided,
  [DATA_BASE_CHANGED]: DataBaseChanged,
  ...changeEvents('data.resource', ['registered', 'records-loaded']),
  ...changeEvents('data.list', ['duty-listed', 'demand-listed', 'negative-listed']),
  ...changeEvents('data.objection', ['objection-raised', 'objection-corrected', 'objection-explained']),
  ...changeEvents('data.request', ['requested']),
  ...changeEvents('data.grant', ['credentials-collected', 'revoked', 'granted']),
};
