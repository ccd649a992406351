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

export interface PolicyView extends PolicyDraft {
  id: string;
  status?: string;
  version?: number;
  departmentName?: string;
  departmentNameEn?: string;
  publishedAt?: string | null;
  updatedAt?: string;
  /** The last test run's results, when the server keeps them with the draft. */
  testsPassing?: boolean;
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
  itemCode?: string | null;
  itemId?: string | null;
  period?: Period;
}

export interface RunCounts {
  matched: number;
  newlyEligible: number;
  stopped: number;
  declined: number;
  confirmed: number;
  paid: number;
}

export interface RunPerson {
  name: string;
  idMasked: string;
  amountFen?: number | null;
  regionCode?: string;
}

export interface RunView extends Partial<RunCounts> {
  id: string;
  policyId?: string;
  startedAt?: string;
  finishedAt?: string | null;
  asOf?: string;
  counts?: RunCounts;
  lists?: Partial<Record<'newlyEligible' | 'stopped' | 'declined' | 'confirmed' | 'paid', RunPerson[]>>;
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
  name?: string;
  idMasked?: string;
}

export type BenefitState = 'offered' | 'confirmed' | 'declined' | 'paid' | 'stopped';

export interface Benefit {
  id: string;
  state: BenefitState | string;
  amountFen: number | null;
  period?: Period;
  policy?: PolicyCard;
  policyId?: string;
  policyName?: string;
  policyNameEn?: string;
  reasons?: ConditionTrace[];
  accountMasked?: string | null;
  /** Whether confirming needs a bank account (money is paid). */
  needsAccount?: boolean;
  offeredAt?: string;
  decidedAt?: string | null;
  declineReason?: string | null;
}

export interface Match {
  policy: PolicyCard;
  reasons: ConditionTrace[];
  /** Where 去申请 goes: the item's apply page, the item prefilled. */
  applyPath?: string;
  itemId?: string | null;
}

export type Page<T> = { items: T[]; next: string | null };

/** Lists may come as a keyset page or a bare array; the pages read both. */
export const itemsOf = <T>(x: Page<T> | T[] | undefined | null): T[] => (Array.isArray(x) ? x : (x?.items ?? []));

/** A run's counts, whether the server nests them or not. */
export function countsOf(r: RunView): RunCounts {
  const c = r.counts ?? r;
  return { matched: c.matched ?? 0, newlyEligible: c.newlyEligible ?? 0, stopped: c.stopped ?? 0, declined: c.declined ?? 0, confirmed: c.confirmed ?? 0, paid: c.paid ?? 0 };
}
