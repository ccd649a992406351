import { Type } from '@sinclair/typebox';
import { changeEvents, type EventCatalogue } from '../../kernel/events/index.ts';

/** A policy run finished: its counts (officials' run list; other pillars may react to new benefits). */
export const RUN_COMPLETED = 'proactive.run.completed';
export const RunCompleted = Type.Object({
  id: Type.String(),
  policyId: Type.String(),
  matched: Type.Integer(),
  newlyEligible: Type.Integer(),
  stopped: Type.Integer(),
  notified: Type.Integer(),
  population: Type.Integer(),
});

export const proactiveEvents: EventCatalogue = {
  [RUN_COMPLETED]: RunCompleted,
  ...changeEvents('proactive.policy', ['created', 'drafted', 'published']),
};
