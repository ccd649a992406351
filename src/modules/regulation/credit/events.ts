import { Type } from '@sinclair/typebox';
import type { EventCatalogue } from '../../../kernel/events/index.ts';

const Klass = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]);

/** A whole-region classification was asked for (by a regulator or the monthly timer). */
export const CREDIT_RUN_QUEUED = 'regulation.credit.run.queued';
/** A whole-region classification finished: how many entities, how many moved. */
export const CREDIT_RUN_FINISHED = 'regulation.credit.run.finished';
/** One entity's class moved after an event (a penalty, a failed inspection, a complaint). */
export const CREDIT_CLASS_CHANGED = 'regulation.credit.class.changed';

export const creditEvents: EventCatalogue = {
  [CREDIT_RUN_QUEUED]: Type.Object({ id: Type.String(), regionCode: Type.String(), kind: Type.String(), month: Type.Union([Type.String(), Type.Null()]) }),
  [CREDIT_RUN_FINISHED]: Type.Object({ id: Type.String(), regionCode: Type.String(), state: Type.String(), total: Type.Integer(), changed: Type.Integer() }),
  [CREDIT_CLASS_CHANGED]: Type.Object({ id: Type.String(), from: Type.Union([Klass, Type.Null()]), to: Klass, score: Type.Integer(), cause: Type.String() }),
};
