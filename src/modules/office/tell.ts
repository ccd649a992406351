import type { Executor } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { SYSTEM_PRINCIPAL, staffAccountIds } from '../identity/index.ts';
import type { OrgService } from '../org/index.ts';

export const TELL_UNIT = 'office.tell-unit';

/** A message for every clerk (or leader) of a unit, and for named accounts. */
export interface Telling {
  regionCode: string;
  departmentId?: string | null;
  role?: 'office_clerk' | 'leader';
  accountIds?: string[];
  title: string;
  body: string;
  link: string;
}

/**
 * Tells a unit's clerks (催办, a return to the sender, an answer, a meeting notice): a job queued in the step's own
 * transaction, so a step that rolls back tells no one and a committed one is never forgotten.
 * Who holds the post is read outside any transaction (the org and identity modules' reads take a
 * connection of their own), then the notifications are written where the job is marked done.
 */
export function registerTelling(k: Kernel, org: OrgService): void {
  k.jobs.registerLong<string[]>(TELL_UNIT, {
    async work(job) {
      const t = job.payload as Telling;
      const ids = new Set(t.accountIds ?? []);
      if (t.departmentId && t.role) {
        const staff = await org.listStaff(SYSTEM_PRINCIPAL, { departmentId: t.departmentId, limit: 200 });
        const holders = staff.items.filter((s) => s.active && s.roles.includes(t.role!)).map((s) => s.id);
        for (const id of (await staffAccountIds(k.db, holders)).values()) ids.add(id);
      }
      return [...ids];
    },
    async commit(job, trx, recipients) {
      const t = job.payload as Telling;
      for (const recipientId of recipients) await k.notify.notify(trx, { regionCode: t.regionCode, recipientId, title: t.title, body: t.body, link: t.link });
    },
  });
}

export function tell(k: Kernel, ex: Executor, t: Telling): Promise<string | null> {
  return k.jobs.enqueue(ex, TELL_UNIT, { ...t }, { regionCode: t.regionCode });
}
