import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { AnswerType, ApplicantKind, DisclosureMode, DocumentKind, InterpretationForm, Validity } from './vocabulary.ts';

// ── Between areas ────────────────────────────────────────────────────────────────────────────────

/**
 * A document as an author writes it and the review area hands it to the library to publish. A 解读 is a
 * document of kind `interpretation` with `interpretationOf` set to its 原文.
 */
export interface DocumentInput {
  title: string;
  titleEn?: string | null;
  kind: DocumentKind;
  /** 主题分类 code (the library's editable list). */
  themeCode: string;
  /** 发文机关: a department of the region, or null for a body outside it (国务院, 自治区人民政府 …). */
  issuerDepartmentId: string | null;
  /** 发文机关 as printed; defaults to the department's name. */
  issuerName?: string | null;
  /** 文号, e.g. 乌政发〔2024〕3号; unique to one document (a reused 文号 is refused). */
  number?: string | null;
  /** 成文日期, YYYY-MM-DD. */
  writtenOn: string;
  /** 发布日期, YYYY-MM-DD (China time); today when absent; never before 成文日期. */
  publishOn?: string | null;
  disclosure: DisclosureMode;
  /** 内容概述, at most 200 characters. */
  summary?: string | null;
  /** The text: paragraphs separated by blank lines. */
  body: string;
  keywords?: string[];
  /** Files already in the kernel file store. */
  attachments?: { fileId: string; name: string }[];
  /** For a 解读: its 原文 (must exist and be published no later than the 解读). */
  interpretationOf?: string | null;
  interpretationForm?: InterpretationForm | null;
  /** 图解 or video links of a 解读, or related links of any document. */
  links?: { label: string; url: string }[];
  /** Documents this one repeals or amends: they become 废止 / 已修订 and link here. */
  replaces?: { id: string; as: 'repealed' | 'amended' }[];
}

/** A published document as the library keeps it. */
export interface LibraryDocument extends Required<Pick<DocumentInput, 'title' | 'kind' | 'themeCode' | 'writtenOn' | 'disclosure' | 'body'>> {
  id: string;
  /** 索引号, e.g. 11152201MB1234567X/2024-00012 (the scheme is a setting). */
  indexNo: string;
  titleEn: string | null;
  issuerDepartmentId: string | null;
  issuerName: string;
  number: string | null;
  publishedOn: string;
  summary: string | null;
  keywords: string[];
  attachments: { fileId: string; name: string }[];
  links: { label: string; url: string }[];
  validity: Validity;
  /** What replaced it, when 废止 / 已修订. */
  replacedBy: string | null;
  interpretationOf: string | null;
  interpretationForm: InterpretationForm | null;
  /** Its 解读 (for a 原文). */
  interpretations: string[];
  /** published, or withdrawn (kept, no longer shown to the public). */
  state: 'published' | 'withdrawn';
  version: number;
  regionCode: string;
}

/** What the review area (and seeds) ask of the library. Every write is audited in the caller's transaction. */
export interface LibraryPort {
  /**
   * Checks an input as publishing would, without writing: 文号 not used by another document, a 解读's
   * 原文 exists and is published, 发布日期 not before 成文日期, the theme and issuer known. Throws a
   * DomainError. `replacing` is the document a change would replace (its own 文号 is then fine).
   */
  check(ex: Executor, input: DocumentInput, replacing?: string | null): Promise<void>;
  /** Publishes a reviewed document; returns its id and 索引号. */
  publish(trx: Tx, who: Principal, input: DocumentInput, why: { reviewId: string | null; note?: string }): Promise<{ id: string; indexNo: string }>;
  /** A reviewed change to a published document: a new version, the old one kept in its history. */
  change(trx: Tx, who: Principal, id: string, input: DocumentInput, why: { reviewId: string | null; note: string }): Promise<void>;
  /** 撤回: no longer shown; the reason is kept. */
  withdraw(trx: Tx, who: Principal, id: string, reason: string): Promise<void>;
  get(ex: Executor, id: string): Promise<LibraryDocument | null>;
  /** Published documents whose title or 文号 matches, best first (for an answer's "already published here"). */
  find(q: string, limit: number): Promise<{ id: string; title: string; number: string | null; publishedOn: string }[]>;
  /** 年度报告 第二部分: 规章 and 行政规范性文件 made, repealed and in force at the end of the year; everything published. */
  yearFigures(ex: Executor, year: number): Promise<LibraryYearFigures>;
}

export interface LibraryYearFigures {
  regulation: { made: number; repealed: number; inForce: number };
  normative: { made: number; repealed: number; inForce: number };
  /** Documents published in the year (主动公开), by kind. */
  published: Partial<Record<DocumentKind, number>>;
}

/** 依申请公开 figures for the 年度报告 (第三部分), by applicant kind. */
export interface RequestsPort {
  yearFigures(ex: Executor, year: number): Promise<RequestYearFigures>;
  /**
   * Optional: the year so far for the 政务公开办's overview (年度报告 area): requests received in the
   * year, those answered (on time / after their deadline), those still open and, of those, overdue now.
   */
  progress?(ex: Executor, year: number): Promise<RequestProgress>;
}

/** The year so far (see RequestsPort.progress). */
export interface RequestProgress {
  received: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  open: number;
  overdue: number;
}

/** Counts per applicant kind; `total` is the sum. Keys of `outcomes` are `<answerType>` or `<answerType>.<reason>`. */
export type ByApplicant = Record<ApplicantKind | 'total', number>;
export interface RequestYearFigures {
  /** 一、本年新收. */
  received: ByApplicant;
  /** 二、上年结转. */
  carriedIn: ByApplicant;
  /** 三、本年度办理结果: by answer type, and by answer type and reason. */
  outcomes: Record<string, ByApplicant>;
  /** 三(七) 总计. */
  answered: ByApplicant;
  /** 四、结转下年度继续办理. */
  carriedOut: ByApplicant;
}

// ── From other modules (wired by flows in src/flows/openness-*.ts) ─────────────────────────────────

/** 电子印章 for 告知书: the licences module seals and registers them so /verify answers (flow openness-seals). */
export interface NoticeSealer {
  seal(
    trx: Tx,
    input: { who: Principal; departmentId: string; pdf: Uint8Array; title: string; fileName: string; ownerId: string; regionCode: string; reference: string },
  ): Promise<{ identifier: string; fileId: string; documentHash: string; sealId: string; sealName: string; sealedAt: string }>;
}

/** 督办: an overdue request becomes a 督查督办 task of the office module (flow openness-office). */
export interface Supervisor {
  raise(trx: Tx, input: { title: string; detail: string; leadDepartmentId: string; dueDate: string; regionCode: string; ref: string; label: string }): Promise<{ id: string }>;
}

/**
 * 政策找人 on the rules engine: a policy document carries a 主动服务 policy (mode 政策找人) whose rule says
 * whom it applies to; the proactive module matches and tells people, with the reasons and a link to
 * apply (flow openness-proactive).
 */
export interface MatchingEngine {
  /**
   * The 主动服务 policies a department may attach (code, name, whether published), with the mode
   * (only 政策找人 `application` may be carried) and the owning department, so the caller can refuse.
   */
  policies(who: Principal): Promise<MatchingPolicy[]>;
  /**
   * Runs a published policy now; returns how many were matched and told. The caller has checked the
   * right to run it. `retell` also tells, once, those already matched who have not applied yet.
   */
  run(who: Principal, code: string, opts?: { retell?: boolean }): Promise<{ matched: number; told: number }>;
  /** Whom a policy applies to, in words (the rule described), and its reach so far. */
  describe(code: string): Promise<MatchingDescription | null>;
}

export interface MatchingPolicy {
  code: string;
  name: string;
  published: boolean;
  subject: 'person' | 'entity';
  nameEn: string;
  mode: 'automatic' | 'application';
  departmentId: string;
}

export interface MatchingDescription {
  code: string;
  name: string;
  conditionsZh: string[];
  conditionsEn: string[];
  matched: number;
  applied: number;
  itemCode: string | null;
  nameEn: string;
  subject: 'person' | 'entity';
  mode: 'automatic' | 'application';
  departmentId: string;
  published: boolean;
  /** Residents and companies told so far. */
  told: number;
  /** Where the 事项 is applied for (the services module's page), when known. */
  applyLink: string | null;
}

/**
 * 统一知识问答库: the 12345 knowledge base is the one source of answers; an answered public question
 * becomes (or updates) a public entry there, and citizens search its public entries (flow
 * openness-knowledge).
 */
export interface KnowledgeSource {
  publish(trx: Tx, who: Principal, entry: { title: string; body: string; keywords: string[]; ref: string }): Promise<{ id: string }>;
  unpublish(trx: Tx, who: Principal, id: string): Promise<void>;
  /** `ref` is the source an entry was published from (e.g. 'openness.question:<id>'); null for 12345's own entries. */
  searchPublic(q: string, limit: number): Promise<{ id: string; title: string; body: string; updatedAt: string; ref?: string | null }[]>;
}

/** Every port; null until the area or flow that provides it is made. */
export interface OpennessPorts {
  library: LibraryPort | null;
  requests: RequestsPort | null;
  sealer: NoticeSealer | null;
  supervisor: Supervisor | null;
  matching: MatchingEngine | null;
  knowledge: KnowledgeSource | null;
}

export type { AnswerType };
