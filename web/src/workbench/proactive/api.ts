import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { itemsOf, type FactDecl, type Page, type PolicyView, type RuleTestResult, type Subject } from '../../proactive/types';

/** The declared facts of one kind of subject, for the builder and the test table. */
export function useFacts(subject: Subject) {
  return useQuery({
    queryKey: ['pro-facts', subject],
    staleTime: 600_000,
    queryFn: () => api<Page<FactDecl> | FactDecl[] | { facts: FactDecl[] }>(`/api/proactive/facts?subject=${subject}`).then((x) => ('facts' in x ? x.facts : itemsOf(x))),
  });
}

/** One policy's current version (its draft when there is one). */
export function usePolicy(id: string | null) {
  return useQuery({ queryKey: ['pro-policy', id], enabled: !!id, queryFn: () => api<PolicyView>(`/api/proactive/policies/${id}`) });
}

/** Test results, whether the server answers a list or `{ results }`. */
export const resultsOf = (x: RuleTestResult[] | { results: RuleTestResult[] }) => (Array.isArray(x) ? x : x.results);
