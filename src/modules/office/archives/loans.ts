import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import type { OfficeContext } from '../area.ts';
import type { TodoItem } from '../ports.ts';
import { loanView } from './catalogue.ts';
import { ArchiveErrors } from './errors.ts';
import { archivesDb } from './tables.ts';

/**
 * 借阅: any civil servant asks for a package with a reason and a number of working days; an
 * archivist approves or refuses. An approved loan ends at an absolute time from the working-day
 * calendar, which the download checks; every access is logged there.
 */
export class Loans {
  constructor(private readonly ctx: OfficeContext) {}

  async request(who: Principal, packageId: string, body: { reason: string; days: number }) {
    const { k, policy } = this.ctx;
    assertAllowed(policy, who, 'office.use');
    const pkg = await archivesDb(k.db).selectFrom('office_archive_package').select(['id', 'region_code', 'secrecy', 'archive_code']).where('id', '=', packageId).executeTakeFirst();
    if (!pkg || !policy.can(who, 'office.use', { regionCode: pkg.region_code }) || (pkg.secrecy && !policy.can(who, 'office.archive', { regionCode: pkg.region_code })))
      throw ArchiveErrors.notFound('package');
    const open = await archivesDb(k.db)
      .selectFrom('office_archive_borrow')
      .select('id')
      .where('package_id', '=', packageId)
      .where('requester_id', '=', who.accountId)
      .where((eb) => eb.or([eb('state', '=', 'requested'), eb.and([eb('state', '=', 'approved'), eb('expires_at', '>', k.clock.now())])]))
      .executeTakeFirst();
    if (open) throw ArchiveErrors.notInState('您已有该档案的待审批或有效借阅', 'You already have a pending or current loan of this package');
    const id = uuidv7();
    const now = k.clock.now();
    await k.db.transaction().execute(async (trx) => {
      await archivesDb(trx)
        .insertInto('office_archive_borrow')
        .values({
          id,
          region_code: pkg.region_code,
          package_id: packageId,
          requester_id: who.accountId,
          requester_name: who.name,
          department_id: who.departmentId,
          reason: body.reason,
          days: body.days,
          state: 'requested',
          created_at: now,
        })
        .execute();
      await k.recordChange(trx, {
        actor: actorOf(who),
        action: 'requested',
        objectType: 'office.archives.borrow',
        objectId: id,
        regionCode: pkg.region_code,
        change: { packageId, reason: body.reason, days: body.days },
        summary: { packageId, archiveCode: pkg.archive_code },
      });
    });
    return this.view(who, id);
  }

  async decide(who: Principal, id: string, decision: 'approve' | 'refuse', note: string | null) {
    const { k, policy } = this.ctx;
    assertAllowed(policy, who, 'office.archive');
    if (!/^[0-9a-f-]{36}$/.test(id)) throw ArchiveErrors.notFound('borrow');
    const now = k.clock.now();
    const row = await archivesDb(k.db).selectFrom('office_archive_borrow').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !policy.can(who, 'office.archive', { regionCode: row.region_code })) throw ArchiveErrors.notFound('borrow');
    if (row.requester_id === who.accountId) throw ArchiveErrors.ownRequest();
    // The loan ends when its last working day does (read before the transaction holds the connection).
    const expiresAt = decision === 'approve' ? await k.calendar.addWorkingDays(now, row.days) : null;
    await k.db.transaction().execute(async (trx) => {
      const done = await archivesDb(trx)
        .updateTable('office_archive_borrow')
        .set({ state: decision === 'approve' ? 'approved' : 'refused', decided_by: who.accountId, decided_name: who.name, decision_note: note, decided_at: now, expires_at: expiresAt })
        .where('id', '=', id)
        .where('state', '=', 'requested')
        .returning('id')
        .executeTakeFirst();
      if (!done) throw ArchiveErrors.notInState('该借阅申请已审批', 'This request has already been decided');
      await k.recordChange(trx, {
        actor: actorOf(who),
        action: decision === 'approve' ? 'approved' : 'refused',
        objectType: 'office.archives.borrow',
        objectId: id,
        regionCode: row.region_code,
        change: { from: 'requested', to: decision === 'approve' ? 'approved' : 'refused', note, expiresAt: expiresAt?.toISOString() ?? null },
        summary: { packageId: row.package_id },
      });
    });
    return this.view(who, id);
  }

  async view(who: Principal, id: string) {
    const row = await archivesDb(this.ctx.k.db).selectFrom('office_archive_borrow').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || (row.requester_id !== who.accountId && !this.ctx.policy.can(who, 'office.archive', { regionCode: row.region_code }))) throw ArchiveErrors.notFound('borrow');
    const pkg = await archivesDb(this.ctx.k.db).selectFrom('office_archive_package').select(['archive_code', 'title']).where('id', '=', row.package_id).executeTakeFirstOrThrow();
    return { ...loanView(row), archiveCode: pkg.archive_code, title: pkg.title };
  }

  /** The archivist's list (every request of the region) or a person's own requests. */
  async list(who: Principal, q: { state?: 'requested' | 'approved' | 'refused'; mine?: boolean; limit: number }) {
    assertAllowed(this.ctx.policy, who, 'office.use');
    const all = !q.mine && this.ctx.policy.can(who, 'office.archive');
    const rows = await archivesDb(this.ctx.k.db)
      .selectFrom('office_archive_borrow as b')
      .innerJoin('office_archive_package as p', 'p.id', 'b.package_id')
      .selectAll('b')
      .select(['p.archive_code', 'p.title'])
      .$if(all, (qb) => qb.where('b.region_code', 'like', `${who.regionCode}%`))
      .$if(!all, (qb) => qb.where('b.requester_id', '=', who.accountId))
      .$if(!!q.state, (qb) => qb.where('b.state', '=', q.state!))
      .orderBy('b.created_at', 'desc')
      .limit(q.limit)
      .execute();
    return rows.map((r) => ({ ...loanView(r), archiveCode: r.archive_code, title: r.title }));
  }

  /** 待办 for archivists: the requests waiting for a decision. */
  async todos(who: Principal, ex: Executor): Promise<TodoItem[]> {
    if (!this.ctx.policy.can(who, 'office.archive')) return [];
    const rows = await archivesDb(ex)
      .selectFrom('office_archive_borrow as b')
      .innerJoin('office_archive_package as p', 'p.id', 'b.package_id')
      .select(['b.id', 'b.requester_name', 'b.created_at', 'p.title', 'p.archive_code'])
      .where('b.region_code', 'like', `${who.regionCode}%`)
      .where('b.state', '=', 'requested')
      .where('b.requester_id', '<>', who.accountId)
      .orderBy('b.created_at')
      .limit(100)
      .execute();
    return rows.map((r) => ({
      kind: 'archive',
      id: r.id,
      title: `${r.archive_code} ${r.title}（${r.requester_name}）`,
      actionZh: '审批借阅',
      actionEn: 'Decide a loan request',
      state: 'requested',
      dueAt: null,
      light: null,
      signature: false,
      link: `/workbench/office/archives?tab=loans&loan=${r.id}`,
      since: new Date(r.created_at).toISOString(),
    }));
  }
}
