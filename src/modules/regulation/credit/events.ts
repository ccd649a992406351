import type { EventCatalogue } from '../../../kernel/events/index.ts';

export const creditEvents: EventCatalogue = {};
