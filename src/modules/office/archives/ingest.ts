import { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import { moduleOwner } from '../../../kernel/files/index.ts';
import { DomainError } from '../../../kernel/http/errors.ts';
import { searchVector } from '../../../kernel/search/index.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import type { OfficeContext } from '../area.ts';
import type { ArchivableRecord, ArchiveSource } from '../ports.ts';
import { checkPackage, type CheckReport } from './checks.ts';
import { ArchiveErrors } from './errors.ts';
import { assemble, metadataOf, MANIFEST, sm3Hex, type ArchiveCodeParts } from './package.ts';
import { archiveSettings, retentionOf } from './settings.ts';
import { readKernelFiles, sequenceGapFree, storedPackageFiles } from './stored.ts';
import { archivesDb } from './tables.ts';

export type ArchiveKind = ArchivableRecord['kind'];
export type CheckStage = 'ingest' | 'transfer' | 'preservation' | 'on_demand';

/** Thrown inside the archiving transaction so it rolls back (and gives its 件号 back). */
class Refused extends Error {
  constructor(readonly report: CheckReport) {
    super('package refused by 四性检测');
  }
}

/**
 * 归档: turns a completed record into a package (DA/T 22 件 with its 档号), checks it (DA/T 70, stage
 * 归档) and keeps it — or refuses it and records why. Records come from sources other modules'
 * flows register; this area never reads their tables.
 */
export class Ingest {
  private readonly sources = new Map<ArchiveKind, ArchiveSource>();
  constructor(private readonly ctx: OfficeContext) {}

  useSource(kind: ArchiveKind, source: ArchiveSource): void {
    this.sources.set(kind, source);
  }

  /** The 四性检测 context only the platform and the database know. */
  private checkContext(recordedManifestSm3: string | null, gapFree: boolean) {
    return { publicKey: this.ctx.k.crypto.signPublicKey, recordedManifestSm3, sequenceGapFree: gapFree, maxFileBytes: this.ctx.k.config.fileMaxBytes };
  }

  /** Archives one record. `who` is an archivist asking by hand; absent, the platform on a completion event. */
  async ingest(kind: ArchiveKind, id: string, who: Principal | null = null): Promise<{ id: string; archiveCode: string }> {
    const { k, policy } = this.ctx;
    if (who) assertAllowed(policy, who, 'office.archive');
    const source = this.sources.get(kind);
    if (!source) throw ArchiveErrors.noSource(kind);
    const record = await source(id);
    if (!record) throw ArchiveErrors.notFound('record');
    if (who) assertAllowed(policy, who, 'office.archive', { regionCode: record.regionCode });
    const existing = await archivesDb(k.db).selectFrom('office_archive_package').select('archive_code').where('kind', '=', kind).where('record_id', '=', id).executeTakeFirst();
    if (existing) throw ArchiveErrors.already(existing.archive_code);
    try {
      return await this.archive(record, who);
    } catch (err) {
      if (err instanceof Refused) {
        await this.recordFailure(record, who, err.report);
        throw ArchiveErrors.checkFailed(err.report);
      }
      if (err instanceof DomainError && err.code !== 'ARCHIVE_ALREADY_ARCHIVED')
        await this.recordFailure(record, who, { passed: false, checks: [], error: { code: err.code, zh: err.zh, en: err.en, errors: err.errors ?? [] } });
      throw err;
    }
  }

  private async archive(given: ArchivableRecord, who: Principal | null) {
    const { k, org } = this.ctx;
    // Everything read from elsewhere is read first: on PGlite the transaction below holds the one connection.
    const contents = await this.contentsOf(given);
    const settings = await archiveSettings(k.settings, given.regionCode);
    const dept = (await org.departmentsWithin(given.regionCode)).find((d) => d.id === given.departmentId) ?? (await org.departmentsWithin('')).find((d) => d.id === given.departmentId);
    if (!dept?.code) throw ArchiveErrors.noDepartmentCode();
    // A source may leave 责任者 to the archive: the responsible unit's name.
    const record = { ...given, responsible: given.responsible || dept.name };
    const pages = (await Promise.all(contents.map((c) => pagesOf(c.bytes)))).reduce((a, b) => a + b, 0);
    const actor = who ?? SYSTEM_PRINCIPAL;
    const now = k.clock.now();
    return k.db.transaction().execute(async (trx) => {
      const group = {
        fonds_code: settings.fondsCode,
        category_code: settings.categories[record.kind],
        year: Number(record.date.slice(0, 4)),
        retention: retentionOf(settings, record),
        org_code: dept.code,
      };
      // One counter row per group, taken in this transaction: concurrent archives wait on its lock,
      // and a rollback returns the number, so 件号 never repeat and never skip.
      const seq = await sql<{ last_no: number }>`
        INSERT INTO office_archive_sequence (fonds_code, category_code, year, retention, org_code, last_no)
        VALUES (${group.fonds_code}, ${group.category_code}, ${group.year}, ${group.retention}, ${group.org_code}, 1)
        ON CONFLICT (fonds_code, category_code, year, retention, org_code) DO UPDATE SET last_no = office_archive_sequence.last_no + 1
        RETURNING last_no`.execute(trx);
      const code: ArchiveCodeParts = {
        fondsCode: group.fonds_code,
        categoryCode: group.category_code,
        year: group.year,
        retention: group.retention,
        orgCode: group.org_code,
        itemNo: Number(seq.rows[0].last_no),
      };
      const metadata = metadataOf(record, code, pages, now);
      const built = assemble(metadata, contents, record.actionLog, now, (t) => k.crypto.sign(t));
      // The group holds items 1…n-1 before this one (n is ours): no gap if it has n-1 of them.
      const gapFree = (await this.countIn(trx, group)) === code.itemNo - 1;
      const report = await checkPackage(built.files, this.checkContext(null, gapFree));
      if (!report.passed) throw new Refused(report);
      const packageId = uuidv7();
      const rows = [];
      for (const f of built.files) {
        const stored = await k.files.save(trx, {
          stream: Readable.from([Buffer.from(f.bytes)]),
          name: f.path.split('/').pop()!,
          declaredMime: 'application/octet-stream',
          ownerId: moduleOwner('office'),
          regionCode: record.regionCode,
        });
        rows.push({ package_id: packageId, path: f.path, role: f.role, file_id: stored.id, size_bytes: f.bytes.length, sm3: sm3Hex(f.bytes) });
      }
      await archivesDb(trx)
        .insertInto('office_archive_package')
        .values({
          id: packageId,
          region_code: record.regionCode,
          kind: record.kind,
          record_id: record.id,
          archive_code: metadata.档号,
          fonds_code: code.fondsCode,
          category_code: code.categoryCode,
          year: code.year,
          retention: code.retention,
          org_code: code.orgCode,
          item_no: code.itemNo,
          department_id: record.departmentId,
          title: record.title,
          reference: record.reference,
          responsible: record.responsible,
          record_date: record.date,
          secrecy: record.secrecy,
          pages,
          status: 'archived',
          manifest: built.manifestText,
          manifest_sm3: sm3Hex(built.files.find((f) => f.path === MANIFEST)!.bytes),
          signature: new TextDecoder().decode(built.files.at(-1)!.bytes),
          search: searchVector([record.title, record.reference ?? '', record.responsible, metadata.档号].join(' ')),
          archived_by: actor.accountId,
          archived_at: now,
          last_check_at: now,
          last_check_passed: true,
        })
        .execute();
      await archivesDb(trx).insertInto('office_archive_file').values(rows).execute();
      await this.insertCheck(trx, { regionCode: record.regionCode, packageId, kind: record.kind, recordId: record.id, stage: 'ingest', report, by: actor.accountId });
      await k.recordChange(trx, {
        actor: actorOf(actor),
        action: 'archived',
        objectType: 'office.archives.package',
        objectId: packageId,
        regionCode: record.regionCode,
        change: { kind: record.kind, recordId: record.id, archiveCode: metadata.档号, files: rows.length, manifestSm3: sm3Hex(built.files.find((f) => f.path === MANIFEST)!.bytes) },
        summary: { archiveCode: metadata.档号, kind: record.kind, recordId: record.id },
      });
      return { id: packageId, archiveCode: metadata.档号 };
    });
  }

  private async countIn(ex: Executor, g: { fonds_code: string; category_code: string; year: number; retention: string; org_code: string }): Promise<number> {
    const r = await archivesDb(ex)
      .selectFrom('office_archive_package')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('fonds_code', '=', g.fonds_code)
      .where('category_code', '=', g.category_code)
      .where('year', '=', g.year)
      .where('retention', '=', g.retention)
      .where('org_code', '=', g.org_code)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The record's files, read in full; refuses a record without content or with a file that cannot be read. */
  private async contentsOf(record: ArchivableRecord) {
    const problems: { path: string; message: string }[] = [];
    if (!record.files.some((f) => f.role === 'content')) problems.push({ path: '/files', message: '没有正文文件 / no content file' });
    const blobs = await readKernelFiles(
      this.ctx.k,
      this.ctx.k.db,
      record.files.map((f) => f.fileId),
    );
    record.files.forEach((f, i) => {
      if (!blobs.has(f.fileId)) problems.push({ path: `/files/${i}`, message: `${f.name}：文件不存在或无法读取 / ${f.name}: the file does not exist or cannot be read` });
    });
    if (!record.actionLog.length) problems.push({ path: '/actionLog', message: '办理过程为空 / the action log is empty' });
    if (problems.length) throw ArchiveErrors.contentMissing(problems);
    return record.files.map((f) => ({ role: f.role, name: f.name, bytes: blobs.get(f.fileId)!.bytes }));
  }

  async insertCheck(ex: Executor, c: { regionCode: string; packageId: string | null; kind: string; recordId: string; stage: CheckStage; report: unknown; by: string }): Promise<string> {
    const id = uuidv7();
    await archivesDb(ex)
      .insertInto('office_archive_check')
      .values({
        id,
        region_code: c.regionCode,
        package_id: c.packageId,
        kind: c.kind,
        record_id: c.recordId,
        stage: c.stage,
        passed: (c.report as { passed: boolean }).passed,
        report: JSON.stringify(c.report),
        checked_by: c.by,
        at: this.ctx.k.clock.now(),
      })
      .execute();
    return id;
  }

  /** A refused archiving stays on record (the archivist's list of failures), with its event. */
  private async recordFailure(record: ArchivableRecord, who: Principal | null, report: CheckReport | { passed: false; checks: []; error: unknown }): Promise<void> {
    const { k } = this.ctx;
    const actor = who ?? SYSTEM_PRINCIPAL;
    await k.db.transaction().execute(async (trx) => {
      const id = await this.insertCheck(trx, { regionCode: record.regionCode, packageId: null, kind: record.kind, recordId: record.id, stage: 'ingest', report, by: actor.accountId });
      await k.recordChange(trx, {
        actor: actorOf(actor),
        action: 'failed',
        objectType: 'office.archives.ingest',
        objectId: id,
        regionCode: record.regionCode,
        change: { kind: record.kind, recordId: record.id, failed: 'checks' in report ? report.checks.filter((c) => !c.passed).map((c) => c.code) : [] },
        summary: { kind: record.kind, recordId: record.id },
      });
    });
  }

  /** 四性检测 on demand by an archivist of the package's region. */
  async checkNow(who: Principal, packageId: string): Promise<CheckReport> {
    assertAllowed(this.ctx.policy, who, 'office.archive');
    const pkg = await archivesDb(this.ctx.k.db).selectFrom('office_archive_package').select('region_code').where('id', '=', packageId).executeTakeFirst();
    if (!pkg || !this.ctx.policy.can(who, 'office.archive', { regionCode: pkg.region_code })) throw ArchiveErrors.notFound('package');
    return this.check(this.ctx.k.db, packageId, 'on_demand', who);
  }

  /**
   * 长期保存: re-checks the packages checked longest ago (a batch per run), recording each result;
   * a package found altered shows in the archivist's failures and as failing in the catalogue.
   */
  async sweep(ex: Executor, batch: number): Promise<{ checked: number; failed: number }> {
    const due = await archivesDb(ex).selectFrom('office_archive_package').select('id').orderBy('last_check_at', 'asc').orderBy('id').limit(batch).execute();
    let failed = 0;
    for (const p of due) if (!(await this.check(ex, p.id, 'preservation', null)).passed) failed++;
    return { checked: due.length, failed };
  }

  /**
   * 四性检测 of a stored package as it is now, recorded (on demand, at 移交接收, or by the 长期保存
   * sweep). Runs in `ex` so the sweep and a transfer can check inside their own transaction.
   */
  async check(ex: Executor, packageId: string, stage: CheckStage, who: Principal | null): Promise<CheckReport> {
    const { k } = this.ctx;
    const pkg = await archivesDb(ex).selectFrom('office_archive_package').selectAll().where('id', '=', packageId).executeTakeFirst();
    if (!pkg) throw ArchiveErrors.notFound('package');
    const files = await storedPackageFiles(k, ex, packageId);
    const report = await checkPackage(files, this.checkContext(pkg.manifest_sm3, await sequenceGapFree(ex, pkg)));
    const run = async (trx: Executor) => {
      const actor = who ?? SYSTEM_PRINCIPAL;
      await this.insertCheck(trx, { regionCode: pkg.region_code, packageId, kind: pkg.kind, recordId: pkg.record_id, stage, report, by: actor.accountId });
      await archivesDb(trx).updateTable('office_archive_package').set({ last_check_at: k.clock.now(), last_check_passed: report.passed }).where('id', '=', packageId).execute();
      await k.recordChange(trx, {
        actor: actorOf(actor),
        action: 'checked',
        objectType: 'office.archives.package',
        objectId: packageId,
        regionCode: pkg.region_code,
        change: { stage, passed: report.passed, failed: report.checks.filter((c) => !c.passed).map((c) => c.code) },
        summary: { stage, passed: report.passed, archiveCode: pkg.archive_code },
      });
    };
    await (ex.isTransaction ? run(ex) : ex.transaction().execute(run));
    return report;
  }
}

/** Pages of a content file, for 页数: a PDF's pages, one for anything else. */
async function pagesOf(bytes: Uint8Array): Promise<number> {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    try {
      return (await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true })).getPageCount();
    } catch {
      return 1;
    }
  }
  return 1;
}
