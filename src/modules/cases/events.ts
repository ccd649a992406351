import { Type, type Static } from '@sinclair/typebox';
import { changeEvents, type EventCatalogue } from '../../kernel/events/index.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** A case was registered from any channel (a duplicate names its original). */
export const CASE_REGISTERED = 'cases.case.registered';
export const CaseRegistered = Type.Object({ id: Type.String(), channel: Type.String(), duplicateOf: Nullable(Type.String()), streetCode: Nullable(Type.String()) });
export type CaseRegistered = Static<typeof CaseRegistered>;

/** A case took a step of its workflow. */
export const CASE_STEPPED = 'cases.case.stepped';
export const CaseStepped = Type.Object({ id: Type.String(), action: Type.String(), from: Type.String(), to: Type.String(), departmentId: Nullable(Type.String()) });
export type CaseStepped = Static<typeof CaseStepped>;

/** A note (催办, 督办, comment …) was added to a case. */
export const CASE_NOTED = 'cases.case.noted';
export const CaseNoted = Type.Object({ id: Type.String(), kind: Type.String(), departmentId: Nullable(Type.String()) });
export type CaseNoted = Static<typeof CaseNoted>;

/** The deadline sweep reminded, flagged overdue or escalated a case. */
export const CASE_REMIND = 'cases.case.remind';
export const CASE_OVERDUE = 'cases.case.overdue';
export const CASE_ESCALATE = 'cases.case.escalate';
export const CaseDeadline = Type.Object({ id: Type.String() });
export type CaseDeadline = Static<typeof CaseDeadline>;

/** A region published a new version of the case workflow (new cases take it). */
export const CASE_WORKFLOW_PUBLISHED = 'cases.workflow.published';
export const CaseWorkflowPublished = Type.Object({ version: Type.Integer(), regionCode: Type.String() });

export const casesEvents: EventCatalogue = {
  [CASE_WORKFLOW_PUBLISHED]: CaseWorkflowPublished,
  [CASE_REGISTERED]: CaseRegistered,
  [CASE_STEPPED]: CaseStepped,
  [CASE_NOTED]: CaseNoted,
  [CASE_REMIND]: CaseDeadline,
  [CASE_OVERDUE]: CaseDeadline,
  [CASE_ESCALATE]: CaseDeadline,
  ...changeEvents('cases.case', ['history-imported']),
  ...changeEvents('cases.api-key', ['api-key-issued']),
  ...changeEvents('cases.knowledge', ['created', 'updated', 'published', 'unpublished']),
  ...changeEvents('cases.category', ['created', 'updated']),
  ...changeEvents('cases.duty', ['duty-saved']),
};
