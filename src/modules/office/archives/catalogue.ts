import { zipSync } from 'fflate';
import type { Selectable } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import { matchesQuery } from '../../../kernel/search/index.ts';
import type { OfficeContext } from '../area.ts';
import type { CheckReport } from './checks.ts';
import { ArchiveErrors } from './errors.ts';
import { RETENTION_LABEL, type Retention } from './settings.ts';
import { storedPackageFiles } from './stored.ts';
import { archivesDb, type ArchivesTables } from './tables.ts';

type Row = Selectable<ArchivesTables['office_archive_package']>;

export interface PackageQuery {
  q?: string;
  code?: string;
  year?: number;
  orgCode?: string;
  kind?: string;
  status?: 'archived' | 'transferred';
  failing?: boolean;
  after?: string;
  limit: number;
}

const summaryOf = (
  r: Pick<
    Row,
    | 'id'
    | 'archive_code'
    | 'kind'
    | 'record_id'
    | 'title'
    | 'reference'
    | 'responsible'
    | 'record_date'
    | 'year'
    | 'retention'
    | 'org_code'
    | 'item_no'
    | 'pages'
    | 'secrecy'
    | 'status'
    | 'archived_at'
    | 'last_check_at'
    | 'last_check_passed'
  >,
) => ({
  id: r.id,
  archiveCode: r.archive_code,
  kind: r.kind,
  recordId: r.record_id,
  title: r.title,
  reference: r.reference,
  responsible: r.responsible,
  date: typeof r.record_date === 'string' ? r.record_date.slice(0, 10) : new Date(r.record_date as unknown as Date).toISOString().slice(0, 10),
  year: r.year,
  retention: r.retention,
  orgCode: r.org_code,
  itemNo: r.item_no,
  pages: r.pages,
  secrecy: r.secrecy,
  status: r.status,
  archivedAt: new Date(r.archived_at).toISOString(),
  lastCheckAt: r.last_check_at ? new Date(r.last_check_at).toISOString() : null,
  lastCheckPassed: r.last_check_passed,
});
export type PackageSummary = ReturnType<typeof summaryOf>;

/**
 * The archive's catalogue: search (any civil servant may find what exists; 涉密 items only the
 * archivist), one package's record with its 归档章 and checks, and the download — for the
 * archivist, or for a borrower within an approved loan — every access logged.
 */
export class Catalogue {
  constructor(private readonly ctx: OfficeContext) {}

  async list(who: Principal, q: PackageQuery): Promise<{ items: PackageSummary[]; next: string | null }> {
    assertAllowed(this.ctx.policy, who, 'office.use');
    const archivist = who.permissions.has('office.archive') || who.permissions.has('*');
    let query = archivesDb(this.ctx.k.db).selectFrom('office_archive_package').selectAll().where('region_code', 'like', `${who.regionCode}%`);
    if (!archivist) query = query.where('secrecy', 'is', null);
    if (q.q) query = query.where(matchesQuery('search', q.q));
    if (q.code) query = query.where('archive_code', 'like', `${q.code.replace(/[%_\\]/g, '\\$&')}%`);
    if (q.year) query = query.where('year', '=', q.year);
    if (q.orgCode) query = query.where('org_code', '=', q.orgCode);
    if (q.kind) query = query.where('kind', '=', q.kind);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.failing) query = query.where('last_check_passed', '=', false);
    const after = decodeCursor(q.after, 2);
    if (after)
      query = query.where((eb) => eb.or([eb('archived_at', '<', new Date(after[0] as string)), eb.and([eb('archived_at', '=', new Date(after[0] as string)), eb('id', '<', after[1] as string)])]));
    const rows = await query
      .orderBy('archived_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute();
    return pageOf(rows.map(summaryOf), q.limit, (r) => [r.archivedAt, r.id]);
  }

  private async row(who: Principal, id: string): Promise<Row> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw ArchiveErrors.notFound('package');
    const r = await archivesDb(this.ctx.k.db).selectFrom('office_archive_package').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r || !this.ctx.policy.can(who, 'office.use', { regionCode: r.region_code })) throw ArchiveErrors.notFound('package');
    if (r.secrecy && !this.ctx.policy.can(who, 'office.archive', { regionCode: r.region_code })) throw ArchiveErrors.notFound('package');
    return r as Row;
  }

  async get(who: Principal, id: string) {
    const r = await this.row(who, id);
    const archivist = this.ctx.policy.can(who, 'office.archive', { regionCode: r.region_code });
    const db = archivesDb(this.ctx.k.db);
    const files = await db.selectFrom('office_archive_file').select(['path', 'role', 'size_bytes', 'sm3']).where('package_id', '=', id).orderBy('path').execute();
    const checks = await db.selectFrom('office_archive_check').selectAll().where('package_id', '=', id).orderBy('at', 'desc').limit(10).execute();
    const accesses = archivist ? await db.selectFrom('office_archive_access').selectAll().where('package_id', '=', id).orderBy('at', 'desc').limit(50).execute() : [];
    const loans = await db
      .selectFrom('office_archive_borrow')
      .selectAll()
      .where('package_id', '=', id)
      .$if(!archivist, (qb) => qb.where('requester_id', '=', who.accountId))
      .orderBy('created_at', 'desc')
      .limit(50)
      .execute();
    const ret = RETENTION_LABEL[r.retention as Retention];
    return {
      ...summaryOf(r),
      departmentId: r.department_id,
      stamp: { fondsCode: r.fonds_code, year: r.year, itemNo: r.item_no, orgCode: r.org_code, retention: r.retention, retentionZh: ret.zh, retentionEn: ret.en, pages: r.pages },
      manifestSm3: r.manifest_sm3,
      files: files.map((f) => ({ path: f.path, role: f.role, size: Number(f.size_bytes), sm3: f.sm3 })),
      checks: checks.map((c) => ({ id: c.id, stage: c.stage, passed: c.passed, at: new Date(c.at).toISOString(), report: c.report as CheckReport })),
      accesses: accesses.map((a) => ({ at: new Date(a.at).toISOString(), who: a.accessor_name, what: a.what, borrowId: a.borrow_id })),
      loans: loans.map(loanView),
      mayDownload: archivist || loans.some((l) => l.state === 'approved' && l.requester_id === who.accountId && l.expires_at && new Date(l.expires_at) > this.ctx.k.clock.now()),
    };
  }

  /**
   * The whole package as one ZIP (fflate): for the archivist, or for the borrower within the
   * loan's time limit. Each download is logged with its audit entry before the bytes leave.
   */
  async download(who: Principal, id: string): Promise<{ name: string; bytes: Uint8Array }> {
    const { k, policy } = this.ctx;
    const r = await this.row(who, id);
    let borrowId: string | null = null;
    if (!policy.can(who, 'office.archive', { regionCode: r.region_code })) {
      const loans = await archivesDb(k.db)
        .selectFrom('office_archive_borrow')
        .selectAll()
        .where('package_id', '=', id)
        .where('requester_id', '=', who.accountId)
        .where('state', '=', 'approved')
        .orderBy('expires_at', 'desc')
        .execute();
      if (!loans.length) throw ArchiveErrors.noLoan();
      const live = loans.find((l) => l.expires_at && new Date(l.expires_at) > k.clock.now());
      if (!live) throw ArchiveErrors.borrowExpired();
      borrowId = live.id;
    }
    const files = await storedPackageFiles(k, k.db, id);
    await k.db.transaction().execute(async (trx) => {
      const accessId = uuidv7();
      await archivesDb(trx)
        .insertInto('office_archive_access')
        .values({ id: accessId, region_code: r.region_code, package_id: id, accessor_id: who.accountId, accessor_name: who.name, borrow_id: borrowId, what: 'download', at: k.clock.now() })
        .execute();
      await k.recordChange(trx, {
        actor: actorOf(who),
        action: 'accessed',
        objectType: 'office.archives.package',
        objectId: id,
        regionCode: r.region_code,
        change: { what: 'download', borrowId },
        summary: { archiveCode: r.archive_code },
      });
    });
    return { name: `${r.archive_code}.zip`, bytes: zipSync(Object.fromEntries(files.map((f) => [f.path, f.bytes])), { level: 6 }) };
  }

  /** The failures the checks recorded (归档 refused, or a stored package found altered). */
  async failures(who: Principal, limit: number) {
    assertAllowed(this.ctx.policy, who, 'office.archive');
    const rows = await archivesDb(this.ctx.k.db)
      .selectFrom('office_archive_check')
      .selectAll()
      .where('region_code', 'like', `${who.regionCode}%`)
      .where('passed', '=', false)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((c) => ({ id: c.id, packageId: c.package_id, kind: c.kind, recordId: c.record_id, stage: c.stage, at: new Date(c.at).toISOString(), report: c.report as CheckReport }));
  }
}

export function loanView(l: Selectable<ArchivesTables['office_archive_borrow']>) {
  return {
    id: l.id,
    packageId: l.package_id,
    requester: l.requester_name,
    reason: l.reason,
    days: l.days,
    state: l.state,
    decidedBy: l.decided_name,
    note: l.decision_note,
    decidedAt: l.decided_at ? new Date(l.decided_at).toISOString() : null,
    expiresAt: l.expires_at ? new Date(l.expires_at).toISOString() : null,
    createdAt: new Date(l.created_at).toISOString(),
  };
}
