import { Type } from '@sinclair/typebox';
import type { EventCatalogue } from '../../../kernel/events/index.ts';

/** A policy document now carries a 政策找人 rule / no longer carries it / its rule was run. */
export const RULE_ATTACHED = 'openness.rule.attached';
export const RULE_DETACHED = 'openness.rule.detached';
export const RULE_RAN = 'openness.rule.ran';

const Ref = { id: Type.String(), documentId: Type.String(), policyCode: Type.String() };

export const matchingEvents: EventCatalogue = {
  [RULE_ATTACHED]: Type.Object(Ref),
  [RULE_DETACHED]: Type.Object(Ref),
  [RULE_RAN]: Type.Object({ ...Ref, matched: Type.Integer(), told: Type.Integer() }),
};
