import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api';
import type { Department } from './types';

/** The region's units, for pickers (one page of 200 is the whole of a county's government). */
export function useDepartments() {
  return useQuery({ queryKey: ['departments-all'], staleTime: 300_000, queryFn: () => api<{ items: Department[] }>('/api/org/departments?limit=200') });
}
