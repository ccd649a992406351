/** Shapes of the 12345 cases API as the pages use them: the server's own, from the generated schema. */
import type { Answer, Schema } from '../api/client';

export type Code = Schema<'CodeLabel'> & { code: string };
export type CaseDetail = Answer<'/api/cases/{id}'>;
export type CaseSummary = Answer<'/api/cases'>['items'][number];
export type Suggestion = CaseDetail['suggestions'][number];
export type CaseHistoryRow = CaseDetail['history'][number];
export type CaseAction = CaseDetail['actions'][number];
export type Category = Answer<'/api/cases/categories'>[number];
export type Knowledge = Answer<'/api/cases/knowledge'>[number];
