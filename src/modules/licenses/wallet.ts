import { sql } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Readable } from 'node:stream';
import { Errors } from '../../kernel/http/errors.ts';
import { citizenIdProblem, maskCitizenId } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { applicantFacts } from '../identity/index.ts';
import { VC_CONTEXT, type Credential, type CredentialIssuer } from './credential.ts';
import { LicensesErrors } from './errors.ts';
import { day, statusLabel, type LicenceRow, type Licences } from './licences.ts';
import type { GrantInput } from './schema.ts';
import type { LicenceTypes } from './types.ts';
import type { LicenceUses } from './uses.ts';
import { licensesDb } from './tables.ts';

const YEAR_MS = 366 * 86_400_000;

/** The holder, or the person who runs the holder (经营者 of a 个体工商户 registered on their application). */
const holds = (index: string, r: LicenceRow) => r.holder_index === index || r.operator_index === index;

/**
 * A licence field as the API shows it. An identifier equal to the holder's ID number (社会保障号码 is
 * the ID number) or shaped like any ID number is masked exactly as the holder's own ID number is, so
 * no view prints in full what the line above it masks.
 */
function shown(v: unknown, holderId: string | null): string {
  if (v == null) return '';
  const s = String(v);
  const id = s.trim().toUpperCase();
  return (holderId && id === holderId.toUpperCase()) || (/^[0-9]{17}[0-9X]$/.test(id) && !citizenIdProblem(id)) ? maskCitizenId(id) : s;
}

/** A check the services module answers: may this staff member see an application that cites this licence? */
export type CitedIn = (who: Principal, applicationId: string, licenceId: string) => Promise<boolean>;

/**
 * The holder's side (证照夹): their licences, downloads, authorisations to departments (授权用证),
 * the record of every use, and export as a Verifiable Credential. Departments reach a licence only
 * under a live grant for their own department and scope, or through an application that cites it.
 */
export class Wallet {
  citedIn: CitedIn = async () => false;
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly licences: Licences,
    private readonly types: LicenceTypes,
    private readonly uses: LicenceUses,
    private readonly vc: CredentialIssuer,
    private readonly verifyBase: string,
  ) {}

  /** The holder index of the person, or of the enterprise they act for. Null for staff and systems. */
  async holderOf(who: Principal): Promise<{ index: string; code: string; name: string } | null> {
    if (who.type !== 'person') return null;
    const facts = await applicantFacts(this.k, who);
    if (who.actingFor) {
      assertAllowed(this.policy, who, 'licences.use', { enterpriseId: who.actingFor.enterpriseId });
      const code = facts.values['enterprise.creditCode'];
      return code ? { index: this.licences.holderIndex(code), code, name: facts.values['enterprise.name'] } : null;
    }
    assertAllowed(this.policy, who, 'licences.use', { ownerId: who.accountId });
    const code = facts.values['person.idNumber'];
    return code ? { index: this.licences.holderIndex(code), code, name: facts.values['person.name'] } : null;
  }

  private async own(who: Principal, id: string): Promise<LicenceRow> {
    const r = await this.licences.row(id);
    const holder = await this.holderOf(who);
    if (!holder || !holds(holder.index, r)) throw Errors.forbidden();
    return r;
  }

  async summary(r: LicenceRow, withData: boolean) {
    const t = await this.types.get(r.type_key);
    const data = withData ? (JSON.parse(this.k.crypto.decryptField(r.data_enc)) as Record<string, unknown>) : null;
    const status = this.licences.effectiveStatus(r);
    const holderId = data && r.holder_type === 'person' ? this.k.crypto.decryptField(r.holder_code_enc) : null;
    return {
      id: r.id,
      identifier: r.identifier,
      licenceNo: r.licence_no,
      typeKey: r.type_key,
      name: r.name,
      nameEn: t?.definition.nameEn ?? null,
      version: r.version,
      status,
      statusLabel: statusLabel(status),
      statusReason: r.status_reason,
      issuerName: r.issuer_name,
      issuedOn: day(r.issued_on)!,
      validFrom: day(r.valid_from)!,
      validUntil: day(r.valid_until),
      holderName: r.holder_name,
      holderCode: r.holder_code_masked,
      itemCode: r.item_code,
      rows: data && t ? t.definition.template.rows.map((row) => ({ label: row.label, labelEn: row.labelEn ?? null, value: shown(data[row.field], holderId) })) : [],
      verifyUrl: `${this.verifyBase}/verify?id=${r.identifier}`,
    };
  }

  async mine(who: Principal) {
    const holder = await this.holderOf(who);
    if (!holder) return { items: [], materialsSaved: 0 };
    const rows = await licensesDb(this.k.db)
      .selectFrom('licenses_licence')
      .selectAll()
      // A person also sees what they run: the 个体工商户 or company registered on their application.
      .where((eb) => (who.actingFor ? eb('holder_index', '=', holder.index) : eb.or([eb('holder_index', '=', holder.index), eb('operator_index', '=', holder.index)])))
      .orderBy('issued_on', 'desc')
      .orderBy('version', 'desc')
      .limit(200)
      .execute();
    const saved = await licensesDb(this.k.db)
      .selectFrom('licenses_use')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('holder_index', '=', holder.index)
      .where('kind', '=', 'attach')
      .executeTakeFirstOrThrow();
    return { items: await Promise.all(rows.map((r) => this.summary(r, true))), materialsSaved: Number(saved.n) };
  }

  async detail(who: Principal, id: string) {
    const r = await this.own(who, id);
    await this.uses.record(this.k.db, r, who, 'view', '持证人查看 / viewed by the holder');
    return this.summary(r, true);
  }

  /** The sealed PDF for its holder, a department with a download grant, or staff handling an application that cites it. */
  async document(who: Principal, id: string, applicationId?: string): Promise<{ stream: Readable; name: string; size: number }> {
    const r = await this.licences.row(id);
    const holder = who.type === 'person' ? await this.holderOf(who) : null;
    let purpose = '持证人下载 / downloaded by the holder';
    let grantId: string | undefined;
    if (!holder || !holds(holder.index, r)) {
      if (who.type !== 'staff') throw Errors.forbidden();
      if (applicationId && /^[0-9a-f-]{36}$/.test(applicationId) && (await this.citedIn(who, applicationId, id))) purpose = '办件审查引用证照 / checked while handling an application';
      else {
        const g = await this.liveGrant(who, r, 'download');
        grantId = g.id;
        purpose = g.purpose;
      }
    }
    const f = r.document_file_id ? await this.k.files.find(r.document_file_id) : null;
    if (!f) throw Errors.notFound('licence document');
    await this.uses.record(this.k.db, r, who, 'download', purpose, { grantId, applicationId });
    return { stream: await this.k.files.open(f), name: f.name, size: f.sizeBytes };
  }

  private async liveGrant(who: Principal, r: LicenceRow, scope: 'view' | 'download') {
    assertAllowed(this.policy, who, 'licenses.read', { regionCode: who.regionCode, departmentId: who.departmentId });
    const g = await licensesDb(this.k.db)
      .selectFrom('licenses_grant')
      .selectAll()
      .where('lineage', '=', r.lineage)
      .where('department_id', '=', who.departmentId ?? '00000000-0000-0000-0000-000000000000')
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', this.k.clock.now())
      .where(sql<boolean>`${scope} = ANY(scopes)`)
      .orderBy('expires_at', 'desc')
      .executeTakeFirst();
    if (!g) throw LicensesErrors.grantMissing();
    return g;
  }

  /** A department reads a licence its holder authorised it to see. */
  async shared(who: Principal, id: string) {
    const r = await this.licences.row(id);
    const g = await this.liveGrant(who, r, 'view');
    await this.uses.record(this.k.db, r, who, 'view', g.purpose, { grantId: g.id });
    return this.summary(r, true);
  }

  async grant(who: Principal, id: string, input: GrantInput, requestId?: string) {
    const r = await this.own(who, id);
    const status = this.licences.effectiveStatus(r);
    if (status !== 'valid') throw LicensesErrors.notValid(statusLabel(status));
    const now = this.k.clock.now();
    const expires = new Date(input.expiresAt);
    if (!(expires.getTime() > now.getTime()) || expires.getTime() - now.getTime() > YEAR_MS) throw LicensesErrors.grantPast();
    const id2 = uuidv7();
    await this.k.db.transaction().execute(async (trx) => {
      await licensesDb(trx)
        .insertInto('licenses_grant')
        .values({
          id: id2,
          lineage: r.lineage,
          holder_index: r.holder_index,
          department_id: input.departmentId,
          scopes: input.scopes,
          purpose: input.purpose,
          expires_at: expires,
          created_by: who.accountId,
          created_at: now,
        })
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'granted',
        objectType: 'licenses.grant',
        objectId: id2,
        regionCode: r.region_code,
        change: { licence: r.identifier, departmentId: input.departmentId, scopes: input.scopes, purpose: input.purpose, expiresAt: expires.toISOString() },
        requestId,
      });
    });
    return { id: id2 };
  }

  async grants(who: Principal) {
    const holder = await this.holderOf(who);
    if (!holder) return [];
    const rows = await licensesDb(this.k.db)
      .selectFrom('licenses_grant as g')
      .select(['g.id', 'g.lineage', 'g.department_id', 'g.scopes', 'g.purpose', 'g.expires_at', 'g.revoked_at', 'g.created_at'])
      .where('g.holder_index', '=', holder.index)
      .orderBy('g.created_at', 'desc')
      .limit(200)
      .execute();
    const now = this.k.clock.now().getTime();
    return rows.map((g) => ({
      id: g.id,
      identifier: g.lineage,
      departmentId: g.department_id,
      scopes: g.scopes,
      purpose: g.purpose,
      expiresAt: new Date(g.expires_at).toISOString(),
      active: !g.revoked_at && new Date(g.expires_at).getTime() > now,
      revokedAt: g.revoked_at ? new Date(g.revoked_at).toISOString() : null,
    }));
  }

  async revokeGrant(who: Principal, grantId: string, requestId?: string) {
    const holder = await this.holderOf(who);
    if (!/^[0-9a-f-]{36}$/.test(grantId)) throw Errors.notFound('grant');
    const g = await licensesDb(this.k.db).selectFrom('licenses_grant').selectAll().where('id', '=', grantId).executeTakeFirst();
    if (!g) throw Errors.notFound('grant');
    if (!holder || g.holder_index !== holder.index) throw Errors.forbidden();
    await this.k.db.transaction().execute(async (trx) => {
      await licensesDb(trx).updateTable('licenses_grant').set({ revoked_at: this.k.clock.now() }).where('id', '=', grantId).where('revoked_at', 'is', null).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'grant-revoked',
        objectType: 'licenses.grant',
        objectId: grantId,
        regionCode: this.k.config.regionCode,
        change: { licence: g.lineage },
        requestId,
      });
    });
  }

  async useLog(who: Principal) {
    const holder = await this.holderOf(who);
    return holder ? this.uses.forHolder(holder.index) : [];
  }

  /** The licence as a W3C Verifiable Credential, for use outside the platform. */
  async credential(who: Principal, id: string): Promise<Credential> {
    const r = await this.own(who, id);
    const status = this.licences.effectiveStatus(r);
    if (status !== 'valid') throw LicensesErrors.notValid(statusLabel(status));
    const s = await this.summary(r, true);
    const holderCode = this.k.crypto.decryptField(r.holder_code_enc);
    const unsecured: Credential = {
      '@context': [VC_CONTEXT],
      id: s.verifyUrl,
      type: ['VerifiableCredential', 'ElectronicLicenceCredential'],
      name: r.name,
      issuer: { id: this.vc.issuerId, name: r.issuer_name },
      validFrom: `${s.validFrom}T00:00:00+08:00`,
      ...(s.validUntil ? { validUntil: `${s.validUntil}T23:59:59+08:00` } : {}),
      credentialSubject: {
        name: r.holder_name,
        [r.holder_type === 'entity' ? 'unifiedSocialCreditCode' : 'citizenIdNumber']: holderCode,
        licence: { identifier: r.identifier, licenceNo: r.licence_no, type: r.type_key, version: r.version, issuedOn: s.issuedOn, fields: Object.fromEntries(s.rows.map((x) => [x.label, x.value])) },
      },
    };
    await this.uses.record(this.k.db, r, who, 'credential', '导出可验证凭证 / exported as a verifiable credential');
    return this.vc.secure(unsecured);
  }

  async checkCredential(doc: Credential) {
    const proof = await this.vc.check(doc);
    const subject = doc.credentialSubject as { licence?: { identifier?: unknown } } | undefined;
    const identifier = typeof subject?.licence?.identifier === 'string' ? subject.licence.identifier : null;
    const r = identifier ? await this.licences.byIdentifier(identifier) : undefined;
    const status = r ? this.licences.effectiveStatus(r) : null;
    return {
      proofValid: proof.ok,
      problem: proof.problem ?? null,
      identifier,
      status,
      statusLabel: status ? statusLabel(status) : null,
      verdict: !proof.ok ? 'altered' : !r ? 'unknown' : status === 'valid' ? 'genuine' : status === 'expired' ? 'expired' : 'revoked',
    };
  }
}
