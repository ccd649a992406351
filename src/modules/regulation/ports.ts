import type { Executor, Tx } from '../../kernel/db/index.ts';

/** 信用风险分类: A 低, B 一般, C 较高, D 高. */
export type CreditClass = 'A' | 'B' | 'C' | 'D';
export const CREDIT_CLASSES: CreditClass[] = ['A', 'B', 'C', 'D'];

/* ------------------------------------------------------------------ other modules (plugged by flows) */

/** One market entity as the legal-entity base (法人基础库, FR-ENTITY) and the credit register know it. */
export interface BaseEntity {
  creditCode: string;
  name: string;
  /** 市场主体类型 as registered (有限责任公司, 个体工商户, 农民专业合作社 …). */
  entityType: string | null;
  regionCode: string;
  establishedOn: string | null;
  /** 注册资本, yuan. */
  registeredCapital: number | null;
  /** 登记状态 (存续, 注销, 吊销 …). */
  status: string | null;
  address: string | null;
  legalRepName: string | null;
  /** From the public credit register (XY-CREDIT): 严重失信 and administrative penalties on record. */
  blackListed: boolean;
  penaltiesOnRecord: number;
}

/** The data module's legal-entity base, read for the 检查对象名录库 and the profile (src/flows/regulation-entities.ts). */
export interface EntityBase {
  /** Entities of a region (GB/T 2260 prefix), in credit-code order, after `after` (keyset paging). */
  page(regionCode: string, after: string | null, limit: number): Promise<BaseEntity[]>;
  one(creditCode: string): Promise<BaseEntity | null>;
}

/** One licence an entity holds, for its profile and for credit indicators. */
export interface EntityLicence {
  id: string;
  typeCode: string;
  typeName: string;
  number: string;
  /** valid, suspended, revoked, expired … as the licences module says. */
  state: string;
  issuedAt: string;
  expiresAt: string | null;
  issuerName: string;
}

/** The licences module's licences of an entity (src/flows/regulation-licences.ts). */
export interface EntityLicences {
  of(creditCode: string): Promise<EntityLicence[]>;
  /** Valid and revoked counts for many entities at once (credit scoring of a whole region). */
  counts(creditCodes: string[]): Promise<Map<string, { valid: number; revoked: number }>>;
}

/** A 行政许可 item of the services catalogue (照单监管 checks every one has its 监管事项). */
export interface LicensingItem {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  regionCode: string;
}

/** The services module's catalogue (src/flows/regulation-catalogue.ts). */
export interface LicensingCatalogue {
  licensingItems(regionCode: string): Promise<LicensingItem[]>;
}

/* ------------------------------------------------------------------ areas of this module */

/** 监管事项 as other areas see it. */
export interface SupervisionItemRef {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  /** 一般 / 重点. */
  level: 'general' | 'key';
  /** In the 随机抽查事项清单. */
  randomCheck: boolean;
  /** Service item codes (行政许可) this item follows (照单监管). */
  licensingItemCodes: string[];
  /** 告知承诺: approvals of the linked licensing items under commitment need a verification within this many working days (null: none). */
  commitmentVerifyDays: number | null;
  /** False once deactivated (停用): old plans and tasks still show it, new plans must not name it. */
  active: boolean;
}

/** The items area (监管事项清单). */
export interface ItemsPort {
  get(ex: Executor, ids: string[]): Promise<SupervisionItemRef[]>;
  /** The 监管事项 that follow a licensing item (by service item code). */
  forLicensingItem(ex: Executor, serviceItemCode: string, regionCode: string): Promise<SupervisionItemRef[]>;
}

/** One 检查对象 of the 名录库. */
export interface SupervisionObject {
  id: string;
  creditCode: string;
  name: string;
  entityType: string | null;
  regionCode: string;
  /** Industry / field tags used to scope plans (e.g. 食品经营, 特种设备). */
  industries: string[];
  /** Where it came from: the entity base, an approval (审管联动), or entered by hand. */
  source: 'base' | 'approval' | 'manual';
  status: string | null;
}

/** The directory area (检查对象名录库). */
export interface ObjectsPort {
  /** Creates or refreshes an object by credit code; returns its id. */
  upsert(
    trx: Tx,
    o: { creditCode: string; name: string; entityType?: string | null; regionCode: string; industries?: string[]; source: SupervisionObject['source']; status?: string | null },
  ): Promise<string>;
  get(ex: Executor, creditCode: string): Promise<SupervisionObject | null>;
  /** Objects in scope of a plan, in credit-code order (the frozen candidate list of a draw). */
  inScope(ex: Executor, scope: { regionCodes: string[]; entityTypes?: string[]; industries?: string[] }): Promise<SupervisionObject[]>;
  /** 画像 search: by name (contains) or credit code (prefix), best matches first. */
  search(ex: Executor, q: string, regionCode: string, limit: number): Promise<SupervisionObject[]>;
}

/** One 执法检查人员 of the 名录库. */
export interface Inspector {
  id: string;
  accountId: string | null;
  name: string;
  /** 执法证 number. */
  certificateNo: string;
  departmentId: string;
  regionCode: string;
  specialities: string[];
  active: boolean;
}

/** The directory area (执法检查人员名录库 and declared 利害关系). */
export interface InspectorsPort {
  /** Active inspectors of the departments, in certificate-number order (the frozen inspector list of a draw). */
  pool(ex: Executor, q: { departmentIds: string[]; regionCode: string; speciality?: string }): Promise<Inspector[]>;
  /** Declared relations (亲属 / 曾任职 / 持股 …) between inspectors and objects: credit code → inspector ids. */
  relations(ex: Executor, creditCodes: string[]): Promise<Map<string, Set<string>>>;
  byAccount(ex: Executor, accountId: string): Promise<Inspector | null>;
}

/** A class and why. */
export interface CreditClassOf {
  creditCode: string;
  class: CreditClass;
  score: number;
  /** Human reasons, zh and en: the indicators that moved the score. */
  reasons: { indicator: string; zh: string; en: string; points: number }[];
  computedAt: string;
}

/** Facts for credit indicators, per credit code; each area that holds some registers a source. */
export interface IndicatorFacts {
  ageYears?: number;
  registeredCapital?: number | null;
  abnormalStatus?: boolean;
  blackListed?: boolean;
  /** 行政处罚 on the public credit register (XY-CREDIT), whatever their age. */
  penaltiesOnRecord?: number;
  licencesValid?: number;
  licencesRevoked?: number;
  complaints12m?: number;
  inspectionsPassed24m?: number;
  inspectionsFailed24m?: number;
  penalties24m?: number;
  commitmentsBroken?: number;
}
export type FactSource = (ex: Executor, creditCodes: string[]) => Promise<Map<string, IndicatorFacts>>;

/** The credit area. */
export interface CreditPort {
  /** Current classes (an entity never classified is B, 一般). */
  classes(ex: Executor, creditCodes: string[]): Promise<Map<string, CreditClass>>;
  /** Recompute one entity after the transaction commits (a queued job), with the event that caused it. */
  recomputeLater(trx: Tx, creditCode: string, reason: string): Promise<void>;
  /** The class history of one entity, newest first (each change with its reasons). */
  history(ex: Executor, creditCode: string): Promise<CreditClassOf[]>;
  /** The current class with its reasons (null: never classified). */
  current(ex: Executor, creditCode: string): Promise<CreditClassOf | null>;
  /** An area or flow adds facts to the indicators. */
  addFactSource(name: string, source: FactSource): void;
}

export type TaskKind = 'random' | 'commitment' | 'clue' | 'key';

export interface NewTask {
  kind: TaskKind;
  creditCode: string;
  objectName: string;
  regionCode: string;
  itemIds: string[];
  inspectorIds: string[];
  /** Departments that carry the task (部门联合: more than one). */
  departmentIds: string[];
  /** The plan and draw it came from (random), or the application / case that raised it. */
  planId?: string | null;
  source?: { kind: 'application' | 'case' | 'plan'; ref: string; label?: string } | null;
  dueOn: string;
}

export interface TaskSummary {
  id: string;
  kind: TaskKind;
  state: string;
  creditCode: string;
  conclusion: string | null;
  inspectedOn: string | null;
  publishedAt: string | null;
  inspectorIds: string[];
}

/** The tasks area. */
export interface TasksPort {
  create(trx: Tx, tasks: NewTask[]): Promise<string[]>;
  /** Who inspected each object last time (回避 of the last inspectors). */
  lastInspectors(ex: Executor, creditCodes: string[]): Promise<Map<string, string[]>>;
  ofEntity(ex: Executor, creditCode: string): Promise<TaskSummary[]>;
  /** 行政处罚 recorded after 立案查处, newest first (the profile shows them). */
  penaltiesOf(ex: Executor, creditCode: string): Promise<{ id: string; decidedOn: string; decisionNo: string; kind: string; amountYuan: number | null; departmentId: string }[]>;
  /** 监管效能 for leaders: a region's tasks of a year (GB/T 2260 prefix). */
  figures(ex: Executor, regionCode: string, year: number): Promise<TaskFigures>;
  /**
   * Open tasks per inspector (审管联动 gives a 告知承诺 verification to the least busy). Optional:
   * without it the choice falls back to 执法证 order.
   */
  openCounts?(ex: Executor, inspectorIds: string[]): Promise<Map<string, number>>;
  /** Credit codes with a result recorded in a region's year (监管效能 coverage per credit class). Optional: without it that split is not shown. */
  inspectedCodes?(ex: Executor, regionCode: string, year: number): Promise<string[]>;
}

export interface TaskFigures {
  /** Distinct objects with a recorded result this year. */
  inspectedObjects: number;
  tasks: { total: number; byKind: Record<TaskKind, number>; open: number; overdue: number };
  results: { recorded: number; problemsFound: number; filedForPenalty: number; publishedLate: number; unpublishedPastDeadline: number };
  penalties: { count: number; amountYuan: number };
  /** 告知承诺 verification tasks: done on time, done late, open, open past due. */
  commitments: { onTime: number; late: number; open: number; overdue: number };
  /** Per month (1–12): tasks created and results recorded. */
  months: { month: number; created: number; recorded: number }[];
}
