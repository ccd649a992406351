import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/** An API key was registered or revoked (downloads and calls are traces, not events). */
export const KEY_CREATED = 'opendata.key.created';
export const KEY_REVOKED = 'opendata.key.revoked';

export const accessEvents: EventCatalogue = { ...changeEvents('opendata.key', ['created', 'revoked']) };
