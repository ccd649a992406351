/**
 * Shapes of the 主动服务 (proactive) API as the shared contract describes them. The pages read them
 * through these types so that, when the server's routes land, `schema.d.ts` can take their place
 * one type at a time; fields a first server version may leave out are optional.
 */
export type Subject = 'person' | 'entity';
export type FactType = 'number' | 'string' | 'boolean' | 'date';
export type Truth = true | false | 'unknown';

export interface FactDecl {
  code: string;
  subject: Subject;
  type: FactType;
  zh: string;
  en: string;
  unit?: { zh: string; en: string };
  values?: readonly string[];
  source: { resource: string; item: string; zh: string; en: string };
}

export type FactValues = Record<string, string | number | boolean | null>;

export interface AmountTier {
  when?: unknown;
  fen?: number;
  percentOf?: { fact: string; percent: number };
  capFen?: number;
  label?: string;
}
export interface AmountRule {
  tiers: AmountTier[];
}

export interface RuleTest {
  name: string;
  facts: FactValues;
  eligible: boolean;
  amountFen?: number | null;
}

export interface RuleTestResult {
  name: string;
  passed: boolean;
  eligible: Truth;
  amountFen: number | null;
  problem?: string;
}

export type Mode = 'automatic' | 'application';
export type Period = 'monthly' | 'once';

/** What a policy officer edits: the body of POST/PUT /api/proactive/policies. */
export interface PolicyDraft {
  code: string;
  name: string;
  nameEn: string;
  mode: Mode;
  subject: Subject;
  departmentId: string;
  rule: unknown;
  amount: AmountRule | null;
  period: Period;
  tests: RuleTest[];
  payoutZh: string;
  payoutEn: string;
  timeLimitDays: number;
  itemCode?: string | null;
  dependsOn?: string[];
}

export type PolicyStatus = 'draft' | 'published' | 'published_with_draft';

/** A policy as officials see it: its latest version's definition (the draft when there is one) and its state. */
export interface PolicyView {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  mode: Mode;
  subject: Subject;
  departmentId: string;
  departmentName: string;
  status: PolicyStatus;
  publishedVersion: number | null;
  draftVersion: number | null;
  definition: PolicyDraft & { basisZh?: string };
  conditionsZh: string;
  conditionsEn: string;
  updatedAt: string;
}

export interface ConditionTrace {
  path: string;
  fact: string;
  zh: string;
  en: string;
  source: FactDecl['source'];
  test: string;
  actual: string | number | boolean | null;
  held: Truth;
}

export interface PolicyCard {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  mode: Mode;
  subject?: Subject;
  conditionsZh: string;
  conditionsEn: string;
  payoutZh: string;
  payoutEn: string;
  timeLimitDays: number;
  departmentName?: string;
  departmentNameEn?: string;
  /** 兑现标准 in words, e.g. "80–89 岁每月 30 元 …", when the policy pays money. */
  amountZh?: string | null;
  amountEn?: string | null;
  itemCode?: string | null;
  period?: Period | string;
  basisZh?: string | null;
}

/** One run: what it found across the whole population. */
export interface RunView {
  id: string;
  policyId: string;
  version: number;
  trigger: string;
  asOf: string;
  startedAt: string;
  durationMs: number;
  population: number;
  matched: number;
  newlyEligible: number;
  stopped: number;
  notified: number;
}

export interface RunPerson {
  benefitId: string;
  name: string;
  idMasked: string;
  amountFen: number | null;
  state: string;
  reason?: StopReason;
}

export interface StopReason {
  kind: 'conditions' | 'not_in_base' | 'unknown';
  conditions: ConditionTrace[];
}

/** A run with its lists (masked) and where the policy's benefits stand now. */
export interface RunDetail extends RunView {
  declined: number;
  confirmed: number;
  paid: number;
  offered: number;
  newlyEligibleList: RunPerson[];
  stoppedList: RunPerson[];
}

export interface Reach {
  matched: number;
  notified: number;
  applied: number;
  granted: number;
}

export interface CheckResult {
  result: 'eligible' | 'not_eligible' | 'unknown' | 'not_found';
  conditions: ConditionTrace[];
  amountFen: number | null;
  name: string | null;
  idMasked: string | null;
}

export type BenefitState = 'offered' | 'confirmed' | 'declined' | 'paid' | 'stopped';

export interface Benefit {
  id: string;
  policy: PolicyCard;
  state: BenefitState | string;
  amountFen: number | null;
  period: Period | string;
  /** Confirming needs a bank account: the policy pays money. */
  paysMoney: boolean;
  accountMasked: string | null;
  declineReason: string | null;
  stopReason: StopReason | null;
  /** Why: the conditions as they stand now (or as they stood when it stopped). */
  conditions: ConditionTrace[];
  createdAt: string;
  updatedAt: string;
  payments: { period: string; amountFen: number }[];
}

/** 您可能符合: an application-mode policy the person matches, with the reasons and where to apply. */
export interface Match {
  id: string;
  policy: PolicyCard;
  state: string;
  reasons: ConditionTrace[];
  itemCode: string | null;
  applyLink: string | null;
  createdAt: string;
}

export type Page<T> = { items: T[]; next: string | null };

/** Lists may come as a keyset page or a bare array; the pages read both. */
export const itemsOf = <T>(x: Page<T> | T[] | undefined | null): T[] => (Array.isArray(x) ? x : (x?.items ?? []));
