import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/** Every change of a request, as `openness.request.<action>` (the audit entry's default event). */
export const REQUEST_ACTIONS = [
  'created',
  'correction-asked',
  'corrected',
  'consultation-started',
  'consultation-ended',
  'extension-asked',
  'extension-decided',
  'forwarded',
  'answered',
  'closed',
  'supervised',
] as const;

export const requestsEvents: EventCatalogue = changeEvents('openness.request', REQUEST_ACTIONS);
