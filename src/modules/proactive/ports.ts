import type { Executor } from '../../kernel/db/index.ts';
import type { FactDecl, FactValues, RuleNode, Subject } from '../../kernel/rules/index.ts';
import type { parseAmount } from '../../kernel/rules/index.ts';

/** What the proactive module asks of the data backbone's facts (DataModule['facts']). */
export interface FactsPort {
  catalog(subject: Subject): FactDecl[];
  match(
    subject: Subject,
    node: RuleNode,
    asOf: string,
    amount?: ReturnType<typeof parseAmount>,
  ): Promise<{ key: string; regionCode: string; name: string; idMasked: string; amountFen: number | null }[]>;
  valuesOf(subject: Subject, ref: { idNumber: string } | { creditCode: string } | { key: string }, asOf: string): Promise<{ key: string; name: string; idMasked: string; values: FactValues } | null>;
  page(subject: Subject, asOf: string, opts: { after?: string; limit: number }): Promise<{ key: string; values: FactValues }[]>;
  count(subject: Subject): Promise<number>;
}

/** Who to tell about a subject: their accounts, and a phone for the SMS sink when one is known. */
export type Recipients = Map<string, { accountId: string; phone: string | null }[]>;

/** What the proactive module asks of identity (exported functions of its index, bound to the kernel). */
export interface IdentityPort {
  recipients(ex: Executor, subject: Subject, keys: readonly string[]): Promise<Recipients>;
  /** The subject keys a signed-in principal speaks for: their person key, and the enterprise they act for. */
  keysOf(accountId: string, actingForCreditCode: string | null): Promise<{ person: string | null; entity: string | null }>;
}

/** The day a rule is evaluated at: today in China (UTC+8). */
export function asOfDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
