import { Type } from '@sinclair/typebox';
import type { EventCatalogue } from '../../../kernel/events/index.ts';

/** A sandbox query was answered or refused (figures, a provider's alert): no values, only sizes. */
export const SANDBOX_QUERIED = 'opendata.sandbox.queried';

export const sandboxEvents: EventCatalogue = {
  [SANDBOX_QUERIED]: Type.Object({
    id: Type.String(),
    datasetId: Type.String(),
    departmentId: Type.String(),
    status: Type.Union([Type.Literal('answered'), Type.Literal('refused')]),
    refusalCode: Type.Union([Type.String(), Type.Null()]),
    groupsReturned: Type.Integer(),
    groupsSuppressed: Type.Integer(),
  }),
};
