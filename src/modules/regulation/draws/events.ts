import { Type } from '@sinclair/typebox';
import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/** A 抽查计划 was written (draft) or cancelled before its draw. */
export const PLAN_CREATED = 'regulation.plan.created';
export const PLAN_CANCELLED = 'regulation.plan.cancelled';
/** 冻结并公布: the candidates, inspector pool, 回避 pairs and the seed source are frozen and public. */
export const PLAN_COMMITTED = 'regulation.plan.committed';
/** The draw ran on the published seed values; its tasks were created in the same transaction. */
export const PLAN_DRAWN = 'regulation.plan.drawn';

export const drawsEvents: EventCatalogue = {
  ...changeEvents('regulation.plan', ['created', 'cancelled']),
  [PLAN_COMMITTED]: Type.Object({ id: Type.String(), number: Type.String(), commitmentDigest: Type.String(), seedAvailableAt: Type.String() }),
  [PLAN_DRAWN]: Type.Object({ id: Type.String(), number: Type.String(), objects: Type.Integer(), tasks: Type.Integer(), resultDigest: Type.String() }),
};
