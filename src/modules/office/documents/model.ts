import { cstDate } from '../../../kernel/calendar/index.ts';
import type { OfficialDocumentModel } from '../render/index.ts';
import type { DocumentContent } from './schema.ts';
import { UPWARD_TYPES } from './schema.ts';

/** What the render model needs beyond the stored text. */
export interface ModelFacts {
  content: DocumentContent;
  issuerName: string;
  docNumber: string | null;
  /** Used for a preview when the 文号 is not taken yet: 乌政办发〔2026〕号. */
  docWord: string;
  signerName: string | null;
  signedAt: Date | null;
  now: Date;
  names: Map<string, { name: string }>;
}

/**
 * The 公文 as GB/T 9704 lays it out: 发文机关标志 = unit name + 文件, 发文字号 as numbered (a
 * preview shows the 机关代字 and year with the number left blank), 签发人 only on 上行文, 成文日期
 * the day of 签发, 附注 “此件公开发布” for a public document without another note.
 */
export function officialModel(f: ModelFacts): OfficialDocumentModel {
  const c = f.content;
  const name = (id: string) => f.names.get(id)?.name ?? id;
  const year = cstDate(f.signedAt ?? f.now).slice(0, 4);
  return {
    secrecy: c.secrecy ? `${c.secrecy}${c.secrecyPeriod ? `★${c.secrecyPeriod}` : ''}` : null,
    urgency: c.urgency,
    issuerMark: `${f.issuerName}文件`,
    docNumber: f.docNumber ?? `${f.docWord}〔${year}〕号`,
    signers: UPWARD_TYPES.includes(c.docType) && f.signerName ? [f.signerName] : null,
    title: c.title,
    mainRecipients: [...c.mainRecipients.map(name), ...c.externalRecipients],
    body: c.body
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
    attachments: c.attachments.map((a) => a.name),
    issuerName: f.issuerName,
    date: cstDate(f.signedAt ?? f.now),
    note: c.note ? c.note : c.public ? '此件公开发布' : null,
    ccRecipients: c.ccRecipients.map(name),
    printedBy: f.issuerName,
    printedDate: cstDate(f.now),
  };
}
