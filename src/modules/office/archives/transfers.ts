import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import type { OfficeContext } from '../area.ts';
import type { CheckReport } from './checks.ts';
import { ArchiveErrors } from './errors.ts';
import type { Ingest } from './ingest.ts';
import { archivesDb } from './tables.ts';

/**
 * 移交: the archivist hands a batch of packages to the 档案馆. The receiving side runs 四性检测 again
 * (DA/T 70 stage 移交接收); the batch is received only if every package passes, else refused with
 * each package's report, and nothing changes hands.
 */
export class Transfers {
  constructor(
    private readonly ctx: OfficeContext,
    private readonly ingest: Ingest,
  ) {}

  async create(who: Principal, body: { packageIds: string[]; receiver: string; note?: string | null }) {
    const { k, policy } = this.ctx;
    assertAllowed(policy, who, 'office.archive');
    const ids = [...new Set(body.packageIds)];
    return k.db.transaction().execute(async (trx) => {
      const pkgs = await archivesDb(trx).selectFrom('office_archive_package').select(['id', 'archive_code', 'region_code', 'status']).where('id', 'in', ids).forUpdate().execute();
      const missing = ids.filter((id) => !pkgs.some((p) => p.id === id));
      if (missing.length) throw ArchiveErrors.notFound('package');
      const wrong = pkgs.filter((p) => p.status !== 'archived' || !policy.can(who, 'office.archive', { regionCode: p.region_code }));
      if (wrong.length) throw ArchiveErrors.transferState(wrong.map((p) => p.archive_code));
      const id = uuidv7();
      const reports: { packageId: string; archiveCode: string; report: CheckReport }[] = [];
      for (const p of pkgs) reports.push({ packageId: p.id, archiveCode: p.archive_code, report: await this.ingest.check(trx, p.id, 'transfer', who) });
      const failed = reports.filter((r) => !r.report.passed).length;
      const state = failed ? 'refused' : 'received';
      const regionCode = who.regionCode || pkgs[0].region_code;
      await archivesDb(trx)
        .insertInto('office_archive_transfer')
        .values({
          id,
          region_code: regionCode,
          receiver: body.receiver,
          note: body.note ?? null,
          state,
          package_count: pkgs.length,
          failed_count: failed,
          created_by: who.accountId,
          created_at: k.clock.now(),
        })
        .execute();
      await archivesDb(trx)
        .insertInto('office_archive_transfer_item')
        .values(reports.map((r) => ({ transfer_id: id, package_id: r.packageId, passed: r.report.passed, report: JSON.stringify(r.report) })))
        .execute();
      if (!failed) await archivesDb(trx).updateTable('office_archive_package').set({ status: 'transferred', transfer_id: id }).where('id', 'in', ids).execute();
      await k.recordChange(trx, {
        actor: actorOf(who),
        action: state,
        objectType: 'office.archives.transfer',
        objectId: id,
        regionCode,
        change: { receiver: body.receiver, packages: reports.map((r) => r.archiveCode), failed },
        summary: { packages: pkgs.length, failed },
      });
      return {
        id,
        state,
        receiver: body.receiver,
        packageCount: pkgs.length,
        failedCount: failed,
        items: reports.map((r) => ({ packageId: r.packageId, archiveCode: r.archiveCode, passed: r.report.passed, report: r.report })),
      };
    });
  }

  async list(who: Principal, limit: number) {
    assertAllowed(this.ctx.policy, who, 'office.archive');
    const rows = await archivesDb(this.ctx.k.db)
      .selectFrom('office_archive_transfer')
      .selectAll()
      .where('region_code', 'like', `${who.regionCode}%`)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((t) => ({
      id: t.id,
      receiver: t.receiver,
      note: t.note,
      state: t.state,
      packageCount: t.package_count,
      failedCount: t.failed_count,
      createdAt: new Date(t.created_at).toISOString(),
    }));
  }
}
