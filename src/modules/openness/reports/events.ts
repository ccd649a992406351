import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/** 年度报告's change events: `{ id, year, edition }`, published with the change's audit entry. */
export const reportsEvents: EventCatalogue = {
  ...changeEvents('openness.report', ['generated', 'regenerated', 'edited', 'published', 'corrected']),
};
