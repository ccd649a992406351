import type { Executor } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { identityDb } from './tables.ts';

export const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
const MAX_LOCK_MINUTES = 24 * 60;
/** Failures older than this are forgotten (and their rows pruned): the longest lock-out is a day. */
export const NAME_MEMORY_MS = MAX_LOCK_MINUTES * 60_000;

/** Minutes the n-th lock-out lasts (counting from 0): doubling, at most a day. */
export const lockMinutes = (lockCount: number) => Math.min(MAX_LOCK_MINUTES, LOCK_MINUTES * 2 ** lockCount);

export interface NameState {
  /** Blind index of the name tried: the name itself (a username or a mobile number) is never stored. */
  idx: string;
  failedCount: number;
  lockCount: number;
  lockedUntil: Date | null;
}

/**
 * Failed sign-ins counted by the name that was tried, whether or not an account has that name.
 * Counting only on accounts let anyone tell a real username from an unknown one by trying six
 * times (only real ones locked); with this, both lock after the same failures for the same time.
 */
export class SignInNames {
  constructor(private readonly k: Kernel) {}

  async read(name: string, db: Executor = this.k.db): Promise<NameState> {
    const idx = this.k.crypto.blindIndex(`sign-in-name:${name}`);
    const row = await identityDb(db).selectFrom('identity_sign_in_name').selectAll().where('name_idx', '=', idx).executeTakeFirst();
    // Failures a day old are forgotten, as if pruned.
    if (!row || this.k.clock.now().getTime() - new Date(row.updated_at).getTime() > NAME_MEMORY_MS) return { idx, failedCount: 0, lockCount: 0, lockedUntil: null };
    return { idx, failedCount: row.failed_count, lockCount: row.lock_count, lockedUntil: row.locked_until ? new Date(row.locked_until) : null };
  }

  isLocked(s: NameState): boolean {
    return !!s.lockedUntil && s.lockedUntil > this.k.clock.now();
  }

  /** Counts one failure on the name; locks it at the fifth. Returns what happened, for the audit entry. */
  async fail(trx: Executor, s: NameState): Promise<{ failures: number; locked: boolean; lockMinutes?: number }> {
    const now = this.k.clock.now();
    const failures = s.failedCount + 1;
    const locked = failures >= MAX_FAILURES;
    const minutes = lockMinutes(s.lockCount);
    const next = {
      failed_count: locked ? 0 : failures,
      lock_count: locked ? s.lockCount + 1 : s.lockCount,
      locked_until: locked ? new Date(now.getTime() + minutes * 60_000) : null,
      updated_at: now,
    };
    await identityDb(trx)
      .insertInto('identity_sign_in_name')
      .values({ name_idx: s.idx, ...next })
      .onConflict((oc) => oc.column('name_idx').doUpdateSet(next))
      .execute();
    return { failures, locked, ...(locked ? { lockMinutes: minutes } : {}) };
  }

  /** After a sign-in with the right password, the name's failures no longer count. */
  async clear(trx: Executor, idx: string): Promise<void> {
    await identityDb(trx).deleteFrom('identity_sign_in_name').where('name_idx', '=', idx).execute();
  }

  /** Drops names whose failures are forgotten and whose lock is over. */
  async prune(trx: Executor): Promise<void> {
    const now = this.k.clock.now();
    await identityDb(trx)
      .deleteFrom('identity_sign_in_name')
      .where('updated_at', '<', new Date(now.getTime() - NAME_MEMORY_MS))
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .execute();
  }
}
