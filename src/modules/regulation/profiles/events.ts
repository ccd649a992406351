import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/**
 * A 12345 case linked to (or unlinked from) a market entity, a 线索 inspection started from one, and
 * an approval taken into regulation (审管联动: object refreshed, 告知承诺 verification raised).
 */
export const profilesEvents: EventCatalogue = {
  ...changeEvents('regulation.complaint', ['linked', 'unlinked', 'clue-raised']),
  ...changeEvents('regulation.approval', ['linked']),
};
