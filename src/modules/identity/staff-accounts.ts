import type { Executor } from '../../kernel/db/index.ts';
import { identityDb } from './tables.ts';

/**
 * The active sign-in accounts of staff members, by staff id: a module that knows whom to tell by
 * their post (a unit's 收文 clerk, a meeting's invitees) from the org module needs the account
 * the notification inbox is kept under.
 */
export async function staffAccountIds(ex: Executor, staffIds: readonly string[]): Promise<Map<string, string>> {
  if (staffIds.length === 0) return new Map();
  const rows = await identityDb(ex)
    .selectFrom('identity_account')
    .select(['id', 'staff_id'])
    .where('staff_id', 'in', [...staffIds])
    .where('active', '=', true)
    .execute();
  return new Map(rows.map((r) => [r.staff_id!, r.id]));
}
