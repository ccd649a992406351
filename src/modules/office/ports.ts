import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';

/**
 * 电子印章 for 公文: the licences module owns seals and /verify, so the office asks it through this
 * port (wired by src/flows/office-seals.ts) and never reads its tables.
 */
export interface DocumentSealer {
  /**
   * Seals a rendered PDF with the issuing department's seal (SM2 over SM3, as licences are sealed),
   * registers it so /verify answers for it, and stores the sealed file. Refuses (DomainError) when
   * the department has no usable seal or `who` may not use it.
   */
  seal(trx: Tx, input: { who: Principal; departmentId: string; pdf: Uint8Array; title: string; fileName: string; ownerId: string; regionCode: string; reference: string }): Promise<SealedDocument>;
  /** Checks a PDF's bytes: the seal's signature over them and the register. */
  verify(pdf: Uint8Array): Promise<{ ok: true; identifier: string; unit: string; sealName: string } | { ok: false; problem: 'no-seal' | 'altered' | 'unknown' }>;
}

export interface SealedDocument {
  /** The GB/T 36904-style identifier /verify knows the document by. */
  identifier: string;
  fileId: string;
  /** SM3 of the sealed bytes, hex. */
  documentHash: string;
  sealId: string;
  sealName: string;
  sealedAt: string;
}

/** 督查督办 as the other office areas (meetings, 收文 批办, documents) raise tasks. */
export interface SupervisionPort {
  raise(trx: Tx, who: Principal, input: RaiseTask): Promise<{ id: string }>;
}

export interface RaiseTask {
  title: string;
  detail?: string;
  source: { kind: 'instruction' | 'meeting' | 'document' | 'key_work' | 'disclosure'; ref?: string; label?: string };
  leadDepartmentId: string;
  helperDepartmentIds?: string[];
  /** The deadline as a date (YYYY-MM-DD, China time); must be a working day. */
  dueDate: string;
  regionCode: string;
}

/** A thing a civil servant has to do, from any office area (one 待办 list). */
export interface TodoItem {
  kind: 'document' | 'incoming' | 'supervision' | 'meeting' | 'duty' | 'archive';
  id: string;
  title: string;
  /** What is asked of the person, e.g. 签发 / Sign off. */
  actionZh: string;
  actionEn: string;
  state: string;
  dueAt: string | null;
  light: 'green' | 'yellow' | 'red' | null;
  /** A leader's signature (签发, 批办) is awaited. */
  signature: boolean;
  /** Workbench path, e.g. /workbench/office/documents/<id>. */
  link: string;
  since: string;
}

/** Each area answers what waits for one person; the office module merges them. */
export type TodoSource = (who: Principal, ex: Executor) => Promise<TodoItem[]>;

/**
 * What an archive package (电子档案) is made from: any module's completed record — 公文, 收文, 办件,
 * 工单, 证照. Each source answers for its own records; the archives area never reads their tables.
 */
export interface ArchivableRecord {
  kind: 'document' | 'incoming' | 'application' | 'case' | 'licence';
  id: string;
  regionCode: string;
  /** The unit responsible (责任者) and its code (机构代码 in the 档号). */
  departmentId: string;
  responsible: string;
  /** 题名. */
  title: string;
  /** 文号 / 办件编号 / 工单号 / 证照标识. */
  reference: string | null;
  /** 形成日期, YYYY-MM-DD. */
  date: string;
  /** 密级; null for 非涉密. */
  secrecy: string | null;
  /** The rendered document, its attachments and seal-bearing files, in the kernel file store. */
  files: { fileId: string; name: string; role: 'content' | 'attachment' | 'seal' }[];
  /** 办理过程: every step, in order. */
  actionLog: { at: string; action: string; actor: string; unit: string | null; opinion: string | null }[];
  metadata: Record<string, unknown>;
}

export type ArchiveSource = (id: string) => Promise<ArchivableRecord | null>;
