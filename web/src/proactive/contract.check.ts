import type { Answer } from '../api/client';
import type { Benefit, CheckResult, FactDecl, Match, PolicyCard, PolicyView, Reach, RunDetail, RunView, RuleTestResult } from './types';

/**
 * Compile-time only: the pages' types (./types.ts) must accept what the server's OpenAPI document
 * (schema.d.ts, `npm run api:generate`) says it answers. The server types its enums as strings,
 * so the pages' unions are loosened to strings for the comparison.
 */
type Loose<T> = T extends string ? string : T extends (infer E)[] ? Loose<E>[] : T extends object ? { [K in keyof T]: Loose<T[K]> } : T;
type Reads<Server, Page> = (s: Server) => Loose<Page>;

export type ContractChecks = [
  Reads<Answer<'/api/proactive/my/benefits'>[number], Benefit>,
  Reads<Answer<'/api/proactive/my/matches'>[number], Match>,
  Reads<Answer<'/api/proactive/policy-cards'>[number], PolicyCard>,
  // Test-case facts arrive as free JSON (checked by the server against the declared facts).
  Reads<Omit<Answer<'/api/proactive/policies/{id}'>, 'definition'>, Omit<PolicyView, 'definition'>>,
  Reads<Answer<'/api/proactive/policies/{id}/runs'>['items'][number], RunView>,
  Reads<Answer<'/api/proactive/runs/{id}'>, RunDetail>,
  Reads<Answer<'/api/proactive/policies/{id}/reach'>, Reach>,
  Reads<Answer<'/api/proactive/check', 'post'>, CheckResult>,
  Reads<Answer<'/api/proactive/facts'>[number], FactDecl>,
  Reads<Answer<'/api/proactive/policies/{id}/test', 'post'>[number], RuleTestResult>,
];
export const contractChecks: { [I in keyof ContractChecks]: ContractChecks[I] } = [(s) => s, (s) => s, (s) => s, (s) => s, (s) => s, (s) => s, (s) => s, (s) => s, (s) => s, (s) => s];
