import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/** 电子档案 events: a package archived, checked (failures only worth reacting to), lent, handed over. */
export const archivesEvents: EventCatalogue = {
  ...changeEvents('office.archives.package', ['archived', 'checked', 'accessed']),
  ...changeEvents('office.archives.ingest', ['failed']),
  ...changeEvents('office.archives.borrow', ['requested', 'approved', 'refused']),
  ...changeEvents('office.archives.transfer', ['received', 'refused']),
};
