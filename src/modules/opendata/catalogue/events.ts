import { changeEvents } from '../../../kernel/events/index.ts';

/** Object type of the catalogue's change records and events (`opendata.dataset.<action>`). */
export const DATASET = 'opendata.dataset';

/** A dataset was made by the sync, changed by it, described, published or withdrawn. */
export const DATASET_ACTIONS = ['created', 'synced', 'described', 'published', 'withdrawn'] as const;

export const catalogueEvents = changeEvents(DATASET, DATASET_ACTIONS);
