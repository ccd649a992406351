import { Type, type Static } from '@sinclair/typebox';
import type { EventCatalogue } from '../../../kernel/events/index.ts';

/** Every workflow step of a 收文 (签收 … 办结), from the action engine. */
export const INCOMING_STEPPED = 'office.incoming.entry.stepped';
export const IncomingStepped = Type.Object({
  id: Type.String(),
  action: Type.String(),
  from: Type.String(),
  to: Type.String(),
  number: Type.String(),
  departmentId: Type.String(),
  sourceDocumentId: Type.Union([Type.String(), Type.Null()]),
  senderDepartmentId: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Optional(Type.String()),
});

/** A 收文 entered a unit's inbox (arrived from 发文, or registered by hand). */
export const INCOMING_RECEIVED = 'office.incoming.entry.received';
export const IncomingReceived = Type.Object({
  id: Type.String(),
  number: Type.String(),
  departmentId: Type.String(),
  source: Type.Union([Type.Literal('platform'), Type.Literal('paper')]),
  sourceDocumentId: Type.Union([Type.String(), Type.Null()]),
});

/** A step beside the workflow: 传阅, a read receipt, 协办 input, 催办, 答复. */
export const INCOMING_NOTED = 'office.incoming.entry.noted';
export const IncomingNoted = Type.Object({
  id: Type.String(),
  action: Type.Union([Type.Literal('circulate'), Type.Literal('read'), Type.Literal('assist'), Type.Literal('remind'), Type.Literal('reply')]),
  departmentId: Type.Union([Type.String(), Type.Null()]),
});

export const incomingEvents: EventCatalogue = {
  [INCOMING_STEPPED]: IncomingStepped,
  [INCOMING_RECEIVED]: IncomingReceived,
  [INCOMING_NOTED]: IncomingNoted,
};

/**
 * What the 发文 area publishes when a document is distributed. Declared by that area; this is the
 * shape 收文 relies on, checked again on arrival (extra fields are allowed and ignored).
 */
export const DOCUMENT_DISTRIBUTED = 'office.documents.document.distributed';
export const DocumentDistributed = Type.Object({
  id: Type.String({ minLength: 1 }),
  docNumber: Type.String(),
  title: Type.String(),
  docType: Type.String(),
  issuingDepartmentId: Type.String({ minLength: 1 }),
  issuingDepartmentName: Type.String(),
  fileId: Type.Union([Type.String(), Type.Null()]),
  urgency: Type.Union([Type.String(), Type.Null()]),
  secrecy: Type.Union([Type.String(), Type.Null()]),
  recipients: Type.Array(Type.Object({ departmentId: Type.String({ minLength: 1 }), kind: Type.Union([Type.Literal('main'), Type.Literal('cc')]) })),
  externalRecipients: Type.Array(Type.Unknown()),
  distributedAt: Type.String(),
});
export type DocumentDistributed = Static<typeof DocumentDistributed>;
