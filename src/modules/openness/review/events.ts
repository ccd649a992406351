import { Type } from '@sinclair/typebox';
import { ChangeEvent, type EventCatalogue } from '../../../kernel/events/index.ts';

/** A draft was made or edited. */
export const DRAFT_CREATED = 'openness.review.draft.created';
export const DRAFT_EDITED = 'openness.review.draft.edited';
/** Every step on the action engine (提交, 保密审查, 审批, 认定误报 …). */
export const DRAFT_STEPPED = 'openness.review.draft.stepped';
/** The sensitive-word list changed. */
export const LEXICON_CHANGED = 'openness.review.lexicon.changed';

export const DraftStepped = Type.Object({
  id: Type.String(),
  action: Type.String(),
  from: Type.String(),
  to: Type.String(),
  departmentId: Type.String(),
  purpose: Type.String(),
  title: Type.String(),
  publishedId: Type.Union([Type.String(), Type.Null()]),
});

export const reviewEvents: EventCatalogue = {
  [DRAFT_CREATED]: ChangeEvent,
  [DRAFT_EDITED]: Type.Object({ id: Type.String(), version: Type.Integer() }),
  [DRAFT_STEPPED]: DraftStepped,
  [LEXICON_CHANGED]: Type.Object({ id: Type.String(), action: Type.String() }),
};
