import { sql, type Selectable } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { cstDate } from '../../kernel/calendar/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { moduleOwner } from '../../kernel/files/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { citizenIdProblem, creditCodeProblem, makeLicenceId, maskCitizenId } from '../../kernel/ids/index.ts';
import type { ChangeRecord, Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { renderLicence } from './document/licence-pdf.ts';
import { sealDocument } from './document/seal-signature.ts';
import { LicensesErrors } from './errors.ts';
import { LICENCE_STATUSES, type IssueInput, type ReviseInput, type StatusInput } from './schema.ts';
import type { SealUser, Seals } from './seals.ts';
import type { LicenceType, LicenceTypes } from './types.ts';
import type { LicenceUses } from './uses.ts';
import { LICENCE_ENDED, LICENCE_ISSUED } from './events.ts';
import { licensesDb, type LicensesLicenceTable, type LicensesSealTable } from './tables.ts';

/** A licence as stored. */
export type LicenceRow = Selectable<LicensesLicenceTable>;

export interface IssueRequest {
  type: LicenceType;
  holder: { name: string; code: string };
  data: Record<string, unknown>;
  validFrom?: string;
  issuerDepartmentId: string;
  issuerName: string;
  regionCode: string;
  itemCode?: string | null;
  applicationId?: string | null;
  user: SealUser;
  actor: Actor;
  signerName: string;
  requestId?: string;
  /** A new version of this lineage (换证): keeps its serial, bumps the version. */
  revises?: LicenceRow;
  /** The holder index of the person who runs a newly registered holder (经营者): they see it in their 证照夹. */
  operatorIndex?: string | null;
}

export const statusLabel = (s: string) => LICENCE_STATUSES.find((x) => x[0] === s)?.[1] ?? s;
export const zhDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
export const day = (d: Date | string | null) => (d == null ? null : d instanceof Date ? cstDate(d) : String(d).slice(0, 10));

/** The last day of a validity of years and months from `from` (inclusive), or null for 长期. */
function validUntil(from: string, v: { years: number; months: number }): string | null {
  if (v.years === 0 && v.months === 0) return null;
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + v.years * 12 + v.months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const text = (v: unknown) => (Array.isArray(v) ? v.join('、') : v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * Issuing, re-issuing and ending licences. Issuing renders the document, seals it with the
 * department's e-seal, stores it, and writes the licence, the seal use, the audit entry and the
 * event in the caller's transaction, so a licence exists exactly when its sealed document does.
 */
export class Licences {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly types: LicenceTypes,
    private readonly seals: Seals,
    private readonly verifyBase: string,
  ) {}

  holderIndex(code: string): string {
    return this.k.crypto.blindIndex(`licence-holder:${code.toUpperCase()}`);
  }

  private checkHolder(t: LicenceType, code: string): void {
    const problem = t.definition.holderType === 'person' ? citizenIdProblem(code) : creditCodeProblem(code);
    if (problem)
      throw LicensesErrors.holderCode(
        `${t.definition.holderType === 'person' ? 'ID number' : 'credit code'}: ${problem} / ${t.definition.holderType === 'person' ? '身份证号' : '统一社会信用代码'}无效`,
      );
  }

  /**
   * Issues one licence in `trx` in five round trips: the seal with the next serial, then — after
   * the document is rendered, signed and its content stored — the audit head and one statement
   * that writes the licence, the seal use, the document's metadata, both audit entries and the
   * event. The head is thus held only from that statement to the commit, never while rendering.
   */
  async issue(trx: Executor, r: IssueRequest): Promise<{ id: string; identifier: string }> {
    const t = r.type;
    const def = t.definition;
    if (!t.active) throw LicensesErrors.unknownType();
    this.types.validate(t, r.data);
    const holderCode = r.holder.code.toUpperCase();
    this.checkHolder(t, holderCode);
    if (!def.issuers.includes(r.issuerDepartmentId)) throw LicensesErrors.notIssuer();
    const seal = await this.sealAndSerial(trx, r.issuerDepartmentId, def.template.sealPurpose, !r.revises);
    if (!seal) throw LicensesErrors.noSeal();
    if (!this.seals.allowed(seal, r.user)) throw LicensesErrors.sealNotAllowed();
    const now = this.k.clock.now();
    const serial = r.revises ? String(r.revises.identifier.split('.')[7]) : seal.serial!;
    const version = r.revises ? r.revises.version + 1 : 1;
    const identifier = makeLicenceId({ typeCode: def.typeCode, issuerCode: seal.unit_code, serial, version: String(version).padStart(3, '0') });
    const issuedOn = cstDate(now);
    const from = r.validFrom ?? (r.revises ? day(r.revises.valid_from)! : issuedOn);
    const until = r.revises ? day(r.revises.valid_until) : validUntil(from, def.validity);
    const licenceNo = r.revises?.licence_no ?? `${def.template.numberPrefix}${r.regionCode.slice(0, 6)}${serial}`;
    const id = uuidv7();
    const use = this.seals.prepareUse(seal, r.user, r.actor, { id, identifier, regionCode: r.regionCode });
    const pdf = await renderLicence({
      identifier,
      licenceNo,
      title: def.name,
      titleEn: def.nameEn ?? null,
      holderName: r.holder.name,
      holderCodeLabel: def.holderType === 'person' ? '公民身份号码' : '统一社会信用代码',
      holderCode: def.holderType === 'person' ? maskCitizenId(holderCode) : holderCode,
      rows: def.template.rows.map((row) => ({ label: row.label, value: text(r.data[row.field]) })),
      issuerName: r.issuerName,
      issuedOn: zhDate(issuedOn),
      validity: until ? `${zhDate(from)}至${zhDate(until)}` : `${zhDate(from)}起长期有效`,
      verifyUrl: `${this.verifyBase}/verify?id=${identifier}`,
      seal: { unitName: use.info.unitName, purpose: seal.purpose },
      issuedAt: now,
    });
    const sealed = sealDocument(pdf, { seal: use.info, signer: { id: r.actor.id, name: r.signerName }, time: now.toISOString(), document: identifier }, use.privateKey);
    const doc = await this.k.files.prepare({
      bytes: Buffer.from(sealed.bytes.buffer, sealed.bytes.byteOffset, sealed.bytes.byteLength),
      name: `${def.name}-${licenceNo}-v${version}.pdf`,
      declaredMime: 'application/pdf',
      ownerId: moduleOwner('licenses'),
      regionCode: r.regionCode,
    });
    const holderIndex = this.holderIndex(holderCode);
    const licence = licensesDb(trx)
      .insertInto('licenses_licence')
      .values({
        id,
        identifier,
        lineage: r.revises?.lineage ?? identifier,
        version,
        licence_no: licenceNo,
        type_key: t.key,
        type_version: t.version,
        name: def.name,
        region_code: r.regionCode,
        issuer_department_id: r.issuerDepartmentId,
        issuer_name: r.issuerName,
        issuer_code: seal.unit_code,
        issued_on: issuedOn,
        valid_from: from,
        valid_until: until,
        holder_type: def.holderType,
        holder_name: r.holder.name,
        holder_code_enc: this.k.crypto.encryptField(holderCode),
        holder_code_masked: def.holderType === 'person' ? maskCitizenId(holderCode) : holderCode,
        holder_index: holderIndex,
        item_code: r.itemCode ?? r.revises?.item_code ?? null,
        application_id: r.applicationId ?? r.revises?.application_id ?? null,
        data_enc: this.k.crypto.encryptField(JSON.stringify(r.data)),
        status: 'valid',
        seal_id: seal.id,
        document_file_id: doc.file.id,
        document_hash: sealed.signature.dataHash.value,
        signed_at: now,
        created_at: now,
        operator_index: r.operatorIndex ?? r.revises?.operator_index ?? null,
      });
    const issued: ChangeRecord = {
      actor: r.actor,
      action: r.revises ? 'revised' : 'issued',
      objectType: 'licenses.licence',
      objectId: id,
      regionCode: r.regionCode,
      change: { identifier, type: t.key, version, seal: seal.code, applicationId: r.applicationId ?? null },
      event: { topic: LICENCE_ISSUED, payload: { id, identifier, typeKey: t.key, name: def.name, issuerName: r.issuerName, version, applicationId: r.applicationId ?? null } },
      requestId: r.requestId,
    };
    try {
      await this.k.recordChanges(trx, [issued, use.record], [licence, use.count, doc.record]);
    } catch (err) {
      // The document's content is not left behind by a licence that was not written.
      await doc.drop().catch(() => undefined);
      throw err;
    }
    return { id, identifier };
  }

  /** The issuing seal and, for a new lineage, the next serial from the sequence, in one round trip. */
  private async sealAndSerial(trx: Executor, departmentId: string, purpose: string, newSerial: boolean): Promise<(Selectable<LicensesSealTable> & { serial?: string }) | undefined> {
    const seal = this.seals.forDepartmentQuery(trx, departmentId, purpose);
    if (!newSerial) return seal.executeTakeFirst();
    // The seal query has its LIMIT 1 inside, so the sequence moves once, and only when a seal is found.
    return licensesDb(trx)
      .selectFrom(seal.as('s'))
      .selectAll('s')
      .select(sql<string>`nextval('licenses_serial_seq')::text`.as('serial'))
      .executeTakeFirst();
  }

  /** Direct issuance by staff of an issuing department (without an application). */
  async issueDirect(who: Principal, input: IssueInput, issuerName: string, requestId?: string): Promise<{ id: string; identifier: string }> {
    assertAllowed(this.policy, who, 'licenses.issue', { regionCode: who.regionCode, departmentId: who.departmentId });
    const t = await this.types.get(input.typeKey);
    if (!t || !t.active) throw LicensesErrors.unknownType();
    if (!who.departmentId || !t.definition.issuers.includes(who.departmentId)) throw LicensesErrors.notIssuer();
    // A refused seal use is audited in its own transaction before any licence work starts.
    const seal = await this.seals.forDepartment(this.k.db, who.departmentId, t.definition.template.sealPurpose);
    if (seal && !this.seals.allowed(seal, { kind: 'staff', who })) {
      await this.seals.recordRefusal(seal, actorOf(who), `issue ${t.key}`);
      throw LicensesErrors.sealNotAllowed();
    }
    return this.k.db.transaction().execute((trx) =>
      this.issue(trx, {
        type: t,
        holder: input.holder,
        data: input.data,
        validFrom: input.validFrom,
        issuerDepartmentId: who.departmentId!,
        issuerName,
        regionCode: who.regionCode || this.k.config.regionCode,
        user: { kind: 'staff', who },
        actor: actorOf(who),
        signerName: who.name,
        requestId,
      }),
    );
  }

  async row(id: string, ex: Executor = this.k.db): Promise<LicenceRow> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('licence');
    const r = await licensesDb(ex).selectFrom('licenses_licence').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw Errors.notFound('licence');
    return r;
  }

  async byIdentifier(identifier: string): Promise<LicenceRow | undefined> {
    return licensesDb(this.k.db).selectFrom('licenses_licence').selectAll().where('identifier', '=', identifier).executeTakeFirst();
  }

  /** The status a reader should see now: a valid licence past its last day is expired, even before the sweep marks it. */
  effectiveStatus(r: LicenceRow): string {
    if (r.status === 'valid' && r.valid_until && day(r.valid_until)! < cstDate(this.k.clock.now())) return 'expired';
    return r.status;
  }

  private assertIssuerStaff(who: Principal, r: LicenceRow) {
    assertAllowed(this.policy, who, 'licenses.issue', { regionCode: r.region_code, departmentId: r.issuer_department_id });
    if (who.departmentId !== r.issuer_department_id) throw LicensesErrors.notIssuer();
  }

  /** 变更换证: a new version with changed data; the old version is superseded in the same transaction. */
  async revise(who: Principal, id: string, input: ReviseInput, requestId?: string): Promise<{ id: string; identifier: string }> {
    const old = await this.row(id);
    this.assertIssuerStaff(who, old);
    const seal = await this.seals.byId(old.seal_id);
    if (seal && !this.seals.allowed(seal, { kind: 'staff', who })) {
      await this.seals.recordRefusal(seal, actorOf(who), `revise ${old.identifier}`);
      throw LicensesErrors.sealNotAllowed();
    }
    return this.k.db.transaction().execute(async (trx) => {
      const locked = await licensesDb(trx).selectFrom('licenses_licence').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      const status = this.effectiveStatus(locked);
      if (status !== 'valid') throw LicensesErrors.notValid(statusLabel(status));
      const t = await this.types.get(locked.type_key, trx);
      if (!t) throw LicensesErrors.unknownType();
      const holderCode = this.k.crypto.decryptField(locked.holder_code_enc);
      const next = await this.issue(trx, {
        type: t,
        holder: { name: locked.holder_name, code: holderCode },
        data: input.data,
        issuerDepartmentId: locked.issuer_department_id,
        issuerName: locked.issuer_name,
        regionCode: locked.region_code,
        user: { kind: 'staff', who },
        actor: actorOf(who),
        signerName: who.name,
        requestId,
        revises: locked,
      });
      await this.endInTrx(trx, locked, 'superseded', input.reason, actorOf(who), requestId, { by: next.identifier });
      return next;
    });
  }

  /** 撤销 / 注销 / 吊销: takes effect at once — every verification and use reads the row. */
  async setStatus(who: Principal, id: string, input: StatusInput, requestId?: string): Promise<void> {
    const r = await this.row(id);
    this.assertIssuerStaff(who, r);
    await this.k.db.transaction().execute(async (trx) => {
      const locked = await licensesDb(trx).selectFrom('licenses_licence').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      const status = this.effectiveStatus(locked);
      if (status !== 'valid') throw LicensesErrors.notValid(statusLabel(status));
      await this.endInTrx(trx, locked, input.status, input.reason, actorOf(who), requestId);
    });
  }

  private async endInTrx(trx: Executor, r: LicenceRow, status: LicenceRow['status'], reason: string, actor: Actor, requestId?: string, extra: Record<string, unknown> = {}) {
    const now = this.k.clock.now();
    await licensesDb(trx).updateTable('licenses_licence').set({ status, status_reason: reason, status_at: now }).where('id', '=', r.id).where('status', '=', 'valid').execute();
    await this.k.recordChange(trx, {
      actor,
      action: status,
      objectType: 'licenses.licence',
      objectId: r.id,
      regionCode: r.region_code,
      change: { identifier: r.identifier, from: r.status, to: status, reason, ...extra },
      event: { topic: LICENCE_ENDED, payload: { id: r.id, identifier: r.identifier, status } },
      requestId,
    });
  }

  /** The latest licences the staff member's department issued. */
  async issuedBy(who: Principal): Promise<LicenceRow[]> {
    assertAllowed(this.policy, who, 'licenses.issue', { regionCode: who.regionCode, departmentId: who.departmentId });
    if (!who.departmentId) return [];
    return licensesDb(this.k.db).selectFrom('licenses_licence').selectAll().where('issuer_department_id', '=', who.departmentId).orderBy('created_at', 'desc').limit(200).execute();
  }

  /** Licences by status and type, uses by kind, and materials saved by 免证办, for a region. */
  async stats(regionCode: string, uses: LicenceUses) {
    const byStatus = await licensesDb(this.k.db)
      .selectFrom('licenses_licence')
      .select(['status', 'name', (eb) => eb.fn.countAll<string>().as('n')])
      .where('region_code', 'like', `${regionCode}%`)
      .groupBy(['status', 'name'])
      .execute();
    const byUse = await licensesDb(this.k.db)
      .selectFrom('licenses_use')
      .select(['kind', (eb) => eb.fn.countAll<string>().as('n')])
      .where('region_code', 'like', `${regionCode}%`)
      .groupBy('kind')
      .execute();
    return {
      licences: byStatus.map((r) => ({ status: r.status, statusLabel: statusLabel(r.status), name: r.name, count: Number(r.n) })),
      uses: byUse.map((r) => ({ kind: r.kind, count: Number(r.n) })),
      materialsSaved: await uses.materialsSaved(regionCode),
    };
  }

  /** 失效: marks licences past their last day, each with an audit entry (run by a timer). */
  async expireDue(trx: Executor, actor: Actor): Promise<number> {
    const today = cstDate(this.k.clock.now());
    const due = await licensesDb(trx)
      .updateTable('licenses_licence')
      .set({ status: 'expired', status_reason: '有效期届满 / validity ended', status_at: this.k.clock.now() })
      .where('status', '=', 'valid')
      .where('valid_until', '<', today)
      .returning(['id', 'identifier', 'region_code'])
      .execute();
    for (const r of due)
      await this.k.recordChange(trx, { actor, action: 'expired', objectType: 'licenses.licence', objectId: r.id, regionCode: r.region_code, change: { identifier: r.identifier, to: 'expired' } });
    return due.length;
  }
}
