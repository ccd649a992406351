import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../api';

export interface Page<T> {
  items: T[];
  next: string | null;
}

/**
 * A list the API serves in keyset pages (`after=` cursor, `next` in the answer): the rows loaded so
 * far, and the query to ask for more. Empty parameters are left out of the URL.
 */
export function usePages<T>(key: readonly unknown[], path: string, params: Record<string, string | number | boolean | undefined | null>) {
  const list = useInfiniteQuery({
    queryKey: key,
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const s = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) s.set(k, String(v));
      if (pageParam) s.set('after', pageParam);
      return api<Page<T>>(`${path}?${s}`);
    },
    getNextPageParam: (last) => last.next ?? undefined,
  });
  return { list, rows: list.data?.pages.flatMap((p) => p.items) ?? [] };
}
