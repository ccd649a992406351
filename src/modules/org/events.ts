import { changeEvents, type EventCatalogue } from '../../kernel/events/index.ts';

/** What the org module publishes: only change events (`{ id, ...summary }`); nobody subscribes to them yet. */
export const orgEvents: EventCatalogue = {
  ...changeEvents('org.department', ['created', 'updated', 'deactivated']),
  ...changeEvents('org.staff', ['created', 'updated', 'deactivated']),
  ...changeEvents('org.post', ['created', 'activated', 'deactivated']),
};
