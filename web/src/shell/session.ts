import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api';

export interface ActingFor {
  enterpriseId: string;
  name: string;
  creditCode: string;
  role: 'legal_rep' | 'agent';
  scopes: string[];
}

export interface Me {
  accountId: string;
  type: 'staff' | 'person';
  name: string;
  regionCode: string;
  departmentId: string | null;
  roles: string[];
  permissions: string[];
  assuranceLevel: number;
  actingFor: ActingFor | null;
}

/** The signed-in person or staff member, or null. */
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

/** Where the browser goes to sign in: the platform's own SSO flow, back to `next` afterwards. */
export const signInUrl = (next: string) => `/auth/login?next=${encodeURIComponent(next)}`;

export function useSignOut() {
  const qc = useQueryClient();
  return async () => {
    await api('/api/identity/sessions/current', { method: 'DELETE' });
    qc.setQueryData(['me'], null);
  };
}
