import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/** office.meetings.meeting.created / notified / replied / checked-in / minuted: change events (the id and a summary). */
export const meetingsEvents: EventCatalogue = {
  ...changeEvents('office.meetings.meeting', ['created', 'notified', 'replied', 'checked-in', 'minuted']),
};
