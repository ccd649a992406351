import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/** 政民互动's change events, each published in the transaction of the change with its audit entry. */
export const interactionEvents: EventCatalogue = {
  ...changeEvents('openness.question', ['asked', 'answered', 'published', 'rejected', 'returned', 'unpublished']),
};
