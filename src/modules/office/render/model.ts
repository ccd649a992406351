/** What a 公文 says, element by element, in GB/T 9704-2012's terms. */
export interface OfficialDocumentModel {
  /** 份号 (6 digits), when copies are numbered. */
  copyNumber?: string | null;
  /** 密级和保密期限, e.g. 秘密★1年; null for 非涉密. */
  secrecy?: string | null;
  /** 紧急程度: 特急 / 加急. */
  urgency?: '特急' | '加急' | null;
  /** 发文机关标志, e.g. 乌兰浩特市人民政府办公室文件. */
  issuerMark: string;
  /** 发文字号, e.g. 乌政办发〔2026〕12号. */
  docNumber: string;
  /** 签发人 (上行文 only). */
  signers?: string[] | null;
  title: string;
  /** 主送机关. */
  mainRecipients: string[];
  /** 正文: paragraphs; a heading is a paragraph that starts with 一、 (一) 1. (1). */
  body: string[];
  /** 附件说明: attachment names, in order. */
  attachments?: string[];
  /** 发文机关署名. */
  issuerName: string;
  /** 成文日期 (YYYY-MM-DD). */
  date: string;
  /** 附注, e.g. 此件公开发布. */
  note?: string | null;
  /** 抄送机关. */
  ccRecipients?: string[];
  /** 印发机关 and 印发日期 (YYYY-MM-DD). */
  printedBy: string;
  printedDate: string;
}
