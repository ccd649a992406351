import { changeEvents, type EventCatalogue } from '../../kernel/events/index.ts';

/** What the data module publishes: only change events (`{ id, ...summary }`); nobody subscribes to them yet. */
export const dataEvents: EventCatalogue = {
  ...changeEvents('data.resource', ['registered']),
  ...changeEvents('data.list', ['duty-listed', 'demand-listed', 'negative-listed']),
  ...changeEvents('data.objection', ['objection-raised', 'objection-corrected', 'objection-explained']),
  ...changeEvents('data.request', ['requested', 'refused', 'approved', 'provider-approved']),
  ...changeEvents('data.grant', ['credentials-collected', 'revoked']),
};
