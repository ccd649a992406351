import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/**
 * 互动's change events. Each carries `{ id, … }` (the object's id and a short summary), published in
 * the transaction of the change with its audit entry.
 */
export const communityEvents: EventCatalogue = {
  ...changeEvents('opendata.rating', ['rated']),
  ...changeEvents('opendata.comment', ['created', 'edited', 'published', 'hidden', 'replied']),
  ...changeEvents('opendata.demand', ['submitted', 'answered', 'voted']),
  ...changeEvents('opendata.app', ['submitted', 'published', 'rejected']),
  ...changeEvents('opendata.product', ['created', 'updated', 'withdrawn']),
};
