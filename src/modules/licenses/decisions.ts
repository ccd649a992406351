import { Readable } from 'node:stream';
import { sql, type Selectable } from 'kysely';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { cstDate } from '../../kernel/calendar/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { makeLicenceId } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { OrgService } from '../org/index.ts';
import type { DecisionFacts, DecisionSealer } from '../services/index.ts';
import { decisionText, DECISION_KIND_CODES } from './decision-text.ts';
import { renderDecision } from './document/decision-pdf.ts';
import { sealDocument } from './document/seal-signature.ts';
import type { Seals } from './seals.ts';
import { licensesDb, type LicensesDocumentTable } from './tables.ts';

/** The seal a decision takes: the department's 行政审批专用章 where it has one, else its other seal. */
const DECISION_SEAL = '行政审批专用章';

/**
 * Decisions (决定书/通知书) as sealed documents of record. Each gets a GB/T 36904 identifier under the
 * deciding department's seal (type code: the department's credit code + 9xx), is drawn, sealed with
 * the same SM2 signature as licences and registered, so /verify answers for it as for a licence.
 * The facts are kept (encrypted) so a copy in another language says the same and carries the same
 * identifier; each copy is registered with its own hash.
 */
export class Decisions implements DecisionSealer {
  constructor(
    private readonly k: Kernel,
    private readonly org: OrgService,
    private readonly seals: Seals,
    private readonly verifyBase: string,
  ) {}

  async issue(trx: Executor, f: DecisionFacts): Promise<string> {
    const seal = await this.seals.forDepartment(trx, f.departmentId, DECISION_SEAL);
    // A department without a usable seal still decides: the applicant gets the decision as a PDF
    // that says it is unsealed, and nothing is registered for /verify to vouch for.
    if (!seal || !this.seals.allowed(seal, { kind: 'automatic' })) return this.unsealed(trx, f);
    const serial = String((await sql<{ n: string }>`SELECT nextval('licenses_document_seq') AS n`.execute(trx)).rows[0].n);
    const identifier = makeLicenceId({ typeCode: `${seal.unit_code}${DECISION_KIND_CODES[f.kind]}`, issuerCode: seal.unit_code, serial: serial.padStart(6, '0'), version: '001' });
    return this.draw(trx, f, 'zh', { identifier, serial, seal });
  }

  async copy(applicationId: string, lang: 'en'): Promise<string | null> {
    return this.k.db.transaction().execute(async (trx) => {
      const rows = await licensesDb(trx).selectFrom('licenses_document').selectAll().where('application_id', '=', applicationId).orderBy('created_at', 'desc').execute();
      const original = rows.find((r) => r.lang === 'zh');
      if (!original) return null;
      const made = rows.find((r) => r.lang === lang && r.identifier === original.identifier);
      if (made) return made.file_id;
      const seal = await this.seals.byId(original.seal_id, trx);
      if (!seal) return null;
      const f = JSON.parse(this.k.crypto.decryptField(original.facts_enc)) as DecisionFacts & { serial: string };
      return this.draw(trx, f, lang, { identifier: original.identifier, serial: f.serial, seal });
    });
  }

  private async unsealed(trx: Executor, f: DecisionFacts): Promise<string> {
    const dept = (await this.org.departmentNames([f.departmentId], trx)).get(f.departmentId);
    const decidedAt = new Date(f.decidedAt);
    const words = decisionText(f, 'zh', { issuer: dept?.name ?? '', issuerEn: null, serial: '—', year: cstDate(decidedAt).slice(0, 4) });
    const pdf = await renderDecision({ lang: 'zh', ...words, note: '本文书未加盖电子印章，不能在线核验；请向办理部门领取盖章文书。', verify: null, seal: null, issuedAt: decidedAt });
    const file = await this.k.files.save(trx, {
      stream: Readable.from([Buffer.from(pdf)]),
      name: `${f.applicationNumber}-${words.title}.pdf`,
      declaredMime: 'application/pdf',
      ownerId: f.ownerId,
      regionCode: f.regionCode,
    });
    return file.id;
  }

  /** The register row behind an identifier (the Chinese original), for /verify. */
  async byIdentifier(identifier: string, hash?: string): Promise<Selectable<LicensesDocumentTable> | undefined> {
    let q = licensesDb(this.k.db).selectFrom('licenses_document').selectAll().where('identifier', '=', identifier);
    q = hash ? q.where('document_hash', '=', hash) : q.where('lang', '=', 'zh');
    return q.executeTakeFirst();
  }

  private async draw(trx: Executor, f: DecisionFacts, lang: 'zh' | 'en', at: { identifier: string; serial: string; seal: NonNullable<Awaited<ReturnType<Seals['byId']>>> }): Promise<string> {
    const dept = (await this.org.departmentNames([f.departmentId], trx)).get(f.departmentId);
    const issuer = dept?.name ?? at.seal.unit_name;
    const id = uuidv7();
    const actor: Actor = { id: f.officer.id, type: 'staff', regionCode: f.regionCode };
    const { info, privateKey } = await this.seals.applyTo(trx, at.seal, { kind: 'automatic' }, actor, { id, identifier: at.identifier, regionCode: f.regionCode });
    const decidedAt = new Date(f.decidedAt);
    const verifyUrl = `${this.verifyBase}/verify?id=${at.identifier}`;
    const words = decisionText(f, lang, { issuer, issuerEn: dept?.nameEn ?? null, serial: at.serial, year: cstDate(decidedAt).slice(0, 4) });
    const pdf = await renderDecision({
      lang,
      ...words,
      verify: { url: verifyUrl, caption: lang === 'zh' ? '扫码核验 Scan to verify' : 'Scan to verify 扫码核验', code: at.identifier },
      seal: { unitName: info.unitName, purpose: at.seal.purpose },
      issuedAt: decidedAt,
    });
    const sealed = sealDocument(pdf, { seal: info, signer: f.officer, time: decidedAt.toISOString(), document: at.identifier }, privateKey);
    const file = await this.k.files.save(trx, {
      stream: Readable.from([Buffer.from(sealed.bytes)]),
      name: `${f.applicationNumber}-${words.title}${lang === 'zh' ? '' : '-en'}.pdf`,
      declaredMime: 'application/pdf',
      ownerId: f.ownerId,
      regionCode: f.regionCode,
    });
    const row = {
      id,
      identifier: at.identifier,
      lang,
      kind: f.kind,
      title: words.title,
      document_no: words.documentNo,
      region_code: f.regionCode,
      department_id: f.departmentId,
      issuer_name: issuer,
      holder_name: f.applicant.name,
      holder_code_masked: f.applicant.codeMasked,
      application_id: f.applicationId,
      issued_on: cstDate(decidedAt),
      seal_id: at.seal.id,
      document_hash: sealed.signature.dataHash.value,
      file_id: file.id,
      facts_enc: this.k.crypto.encryptField(JSON.stringify({ ...f, serial: at.serial })),
      created_at: this.k.clock.now(),
    };
    await this.k.tracedWrite(trx, licensesDb(trx).insertInto('licenses_document').values(row).returning(['id']), {
      actor,
      action: lang === 'zh' ? 'decision-sealed' : 'decision-copied',
      objectType: 'licenses.document',
      objectId: id,
      regionCode: f.regionCode,
      change: { identifier: at.identifier, kind: f.kind, lang, application: f.applicationNumber, seal: at.seal.code },
      event: false,
    });
    return file.id;
  }
}
