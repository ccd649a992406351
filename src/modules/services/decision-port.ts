import type { Executor } from '../../kernel/db/index.ts';

/** Which 决定书/通知书 a step yields: 准予 (approve), 不予 (deny) or 不予受理 (reject). */
export type DecisionKind = 'approval' | 'refusal' | 'rejection';

/** What a decision says, as services knows it. Values are ready to print (the ID number already masked). */
export interface DecisionFacts {
  kind: DecisionKind;
  /** 行政许可 items get 准予/不予行政许可决定书; other items a 办结/不予办理通知书. */
  licensing: boolean;
  applicationId: string;
  applicationNumber: string;
  regionCode: string;
  departmentId: string;
  /** The applicant's account: the stored document belongs to them. */
  ownerId: string;
  applicant: { name: string; codeLabel: string; codeMasked: string };
  item: { code: string; name: string; nameEn: string | null };
  legalBasis: string;
  submittedAt: string;
  reason: string | null;
  opinion: string | null;
  officer: { id: string; name: string };
  decidedAt: string;
}

/**
 * The sealed decision document. The licences module draws, seals and registers it (so /verify knows
 * it, as it knows licences); services only asks, through this port the platform plugs in at start,
 * so services need not depend on licences.
 */
export interface DecisionSealer {
  /** Draws the Chinese decision, seals it with the department's seal and stores it, in the caller's transaction; answers the file id. */
  issue(trx: Executor, facts: DecisionFacts): Promise<string>;
  /** A copy in another language, made once on first request and sealed like the original; null when the application has no sealed decision. */
  copy(applicationId: string, lang: 'en'): Promise<string | null>;
}
