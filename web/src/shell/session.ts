import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api';

export interface Me {
  accountId: string;
  name: string;
  regionCode: string;
  departmentId: string | null;
  roles: string[];
  permissions: string[];
}

/** The signed-in staff member, or null. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api<Me>('/api/identity/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

export function can(me: Me | null | undefined, permission: string): boolean {
  return !!me && (me.permissions.includes('*') || me.permissions.includes(permission));
}

export function useSignOut() {
  const qc = useQueryClient();
  return async () => {
    await api('/api/identity/sessions/current', { method: 'DELETE' });
    qc.setQueryData(['me'], null);
  };
}
