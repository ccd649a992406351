import type { Answer, Body } from '../../../api/client';

/** The 发文 API's answers and bodies, as the generated schema types them. */
export const DOC_TYPES = ['决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'] as const;
export type DocType = (typeof DOC_TYPES)[number];

type DocumentAnswer = Answer<'/api/office/documents/{id}'>;
export type DocumentSummary = Answer<'/api/office/documents'>['items'][number];
export type DocumentView = DocumentAnswer;
export type AvailableAction = DocumentAnswer['availableActions'][number];
export type DocumentDiff = Answer<'/api/office/documents/{id}/diff'>;
export type DiffChange = DocumentDiff['changes'][number];
/** What the 拟稿 form sends (POST, and PUT with expectedVersion). */
export type DocumentInput = Body<'/api/office/documents'>;

/** Only tag colours styles.css darkens to AA contrast (blue, orange, green, red) or the default. */
export const STATE_COLOURS: Record<string, string> = {
  draft: 'default',
  reviewing: 'blue',
  countersigning: 'blue',
  signing: 'orange',
  signed: 'orange',
  numbered: 'orange',
  sealed: 'green',
  distributed: 'green',
};
