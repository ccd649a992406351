import { Type, type Static } from '@sinclair/typebox';
import { changeEvents, type EventCatalogue } from '../../kernel/events/index.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** An applicant submitted an application. */
export const APPLICATION_SUBMITTED = 'services.application.submitted';
// `itemVersionId`: the version the application was made under (events stored before it was added lack it).
export const ApplicationSubmitted = Type.Object({ id: Type.String(), itemId: Type.String(), departmentId: Type.String(), channel: Type.String(), itemVersionId: Type.Optional(Type.String()) });
export type ApplicationSubmitted = Static<typeof ApplicationSubmitted>;

/** An application took a step of its workflow; `outcome` is set when the step ends it (e.g. approved). */
export const APPLICATION_STEPPED = 'services.application.stepped';
export const ApplicationStepped = Type.Object({
  id: Type.String(),
  action: Type.String(),
  actorType: Type.String(),
  from: Type.String(),
  to: Type.String(),
  outcome: Nullable(Type.String()),
  departmentId: Type.String(),
  // The version it was made under and the 一件事 it belongs to (null: none), so a subscriber need
  // not read the application for them; events stored before they were added lack both.
  itemVersionId: Type.Optional(Type.String()),
  bundleApplicationId: Type.Optional(Nullable(Type.String())),
  reason: Type.Optional(Nullable(Type.String())),
  items: Type.Optional(Nullable(Type.Array(Type.String()))),
});
export type ApplicationStepped = Static<typeof ApplicationStepped>;

/** An applicant rated an application (好差评); a poor rating opens a rectification. */
export const EVALUATION_CREATED = 'services.evaluation.created';
export const EvaluationCreated = Type.Object({ id: Type.String(), applicationId: Type.String(), level: Type.Integer(), departmentId: Type.String(), rectificationId: Nullable(Type.String()) });
export type EvaluationCreated = Static<typeof EvaluationCreated>;

export const servicesEvents: EventCatalogue = {
  [APPLICATION_SUBMITTED]: ApplicationSubmitted,
  [APPLICATION_STEPPED]: ApplicationStepped,
  [EVALUATION_CREATED]: EvaluationCreated,
  ...changeEvents('services.application', ['overdue']),
  ...changeEvents('services.item', ['created', 'versioned', 'activated', 'deactivated']),
  ...changeEvents('services.rectification', ['replied', 'followed-up']),
};
