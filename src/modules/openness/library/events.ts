import { changeEvents } from '../../../kernel/events/index.ts';

/** Object type of the library's change records and events (`openness.document.<action>`). */
export const DOCUMENT = 'openness.document';
export const DOCUMENT_ACTIONS = ['published', 'imported', 'changed', 'withdrawn', 'validity', 'replaced'] as const;
export const THEME = 'openness.theme';

export const libraryEvents = { ...changeEvents(DOCUMENT, DOCUMENT_ACTIONS), ...changeEvents(THEME, ['saved']) };
