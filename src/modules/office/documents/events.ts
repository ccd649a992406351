import { Type } from '@sinclair/typebox';
import { ChangeEvent, type EventCatalogue } from '../../../kernel/events/index.ts';

/** A 公文 was drafted or its text edited (a new text version). */
export const DOCUMENT_DRAFTED = 'office.documents.document.drafted';
export const DOCUMENT_EDITED = 'office.documents.document.edited';
/** Every step of the action engine (送核, 核稿, 会签, 签发, 编号, 用印, 分发). */
export const DOCUMENT_STEPPED = 'office.documents.document.stepped';
/** 分发: the 收文 area turns this into inbox entries; external units get the sealed file. */
export const DOCUMENT_DISTRIBUTED = 'office.documents.document.distributed';

export const DocumentStepped = Type.Object({
  id: Type.String(),
  action: Type.String(),
  from: Type.String(),
  to: Type.String(),
  issuingDepartmentId: Type.String(),
  title: Type.String(),
  docNumber: Type.Union([Type.String(), Type.Null()]),
});

export const DocumentDistributed = Type.Object({
  id: Type.String(),
  docNumber: Type.String(),
  title: Type.String(),
  docType: Type.String(),
  issuingDepartmentId: Type.String(),
  issuingDepartmentName: Type.String(),
  /** The sealed PDF in the kernel file store. */
  fileId: Type.String(),
  urgency: Type.Union([Type.String(), Type.Null()]),
  secrecy: Type.Union([Type.String(), Type.Null()]),
  recipients: Type.Array(Type.Object({ departmentId: Type.String(), kind: Type.Union([Type.Literal('main'), Type.Literal('cc')]) })),
  externalRecipients: Type.Array(Type.String()),
  distributedAt: Type.String(),
});

export const documentsEvents: EventCatalogue = {
  [DOCUMENT_DRAFTED]: ChangeEvent,
  [DOCUMENT_EDITED]: Type.Object({ id: Type.String(), textVersion: Type.Integer() }),
  [DOCUMENT_STEPPED]: DocumentStepped,
  [DOCUMENT_DISTRIBUTED]: DocumentDistributed,
};
