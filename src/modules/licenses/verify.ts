import type { Kernel } from '../../kernel/index.ts';
import { parseLicenceId } from '../../kernel/ids/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { checkSeal, type SealSignature } from './document/seal-signature.ts';
import { LicensesErrors } from './errors.ts';
import { day, statusLabel, type LicenceRow, type Licences } from './licences.ts';
import type { VerifyResult } from './schema.ts';
import type { LicenceUses } from './uses.ts';
import { licensesDb, type LicensesDocumentTable } from './tables.ts';
import type { Decisions } from './decisions.ts';
import type { Selectable } from 'kysely';

type Verdict = VerifyResult['verdict'];
const VERDICTS: Record<Verdict, [string, string]> = {
  genuine: ['证照真实有效', 'Genuine and valid'],
  altered: ['文件已被篡改或签章无效', 'The document was altered or its seal is not valid'],
  revoked: ['证照已撤销、注销、吊销或被新版本替代', 'The licence was annulled, cancelled, revoked or replaced by a newer version'],
  expired: ['证照已过有效期', 'The licence has expired'],
  unknown: ['未找到该证照，或不是本平台签发的文件', 'No such licence, or not a document issued here'],
};

const maskName = (name: string, type: string) => (type === 'entity' ? name : `${[...name][0]}${'*'.repeat(Math.max([...name].length - 1, 1))}`);

/**
 * Public verification (验证): by identifier (what the QR code opens) or by the PDF itself. Anyone may
 * ask; the answer names the issuer and seal and shows the holder only masked.
 */
export class Verifier {
  constructor(
    private readonly k: Kernel,
    private readonly licences: Licences,
    private readonly uses: LicenceUses,
    private readonly decisions: Decisions,
  ) {}

  /** A registered decision (决定书/通知书): genuine while it is in the register; it has no validity to run out. */
  private decision(d: Selectable<LicensesDocumentTable>, sig?: SealSignature, seal?: { code: string; name: string; unit_name: string } | null): VerifyResult {
    return {
      ...this.answer('genuine', null, sig, seal),
      zh: '文书真实有效',
      en: 'Genuine',
      licence: {
        kind: 'decision',
        identifier: d.identifier,
        licenceNo: d.document_no,
        name: d.title,
        version: 1,
        status: '有效',
        statusCode: 'valid',
        issuerName: d.issuer_name,
        issuedOn: day(d.issued_on)!,
        validUntil: null,
        holderName: d.holder_name.length > 8 ? d.holder_name : maskName(d.holder_name, 'person'),
        holderCode: d.holder_code_masked,
      },
    };
  }

  private answer(verdict: Verdict, r: LicenceRow | null | undefined, sig?: SealSignature, seal?: { code: string; name: string; unit_name: string } | null): VerifyResult {
    return {
      verdict,
      zh: VERDICTS[verdict][0],
      en: VERDICTS[verdict][1],
      licence: r
        ? {
            kind: 'licence',
            identifier: r.identifier,
            licenceNo: r.licence_no,
            name: r.name,
            version: r.version,
            status: statusLabel(this.licences.effectiveStatus(r)),
            statusCode: this.licences.effectiveStatus(r),
            issuerName: r.issuer_name,
            issuedOn: day(r.issued_on)!,
            validUntil: day(r.valid_until),
            holderName: maskName(r.holder_name, r.holder_type),
            holderCode: r.holder_code_masked,
          }
        : null,
      seal: sig
        ? { code: sig.seal.code, name: sig.seal.name, unitName: sig.seal.unitName, signedAt: sig.time, signer: sig.signer.name }
        : seal
          ? { code: seal.code, name: seal.name, unitName: seal.unit_name, signedAt: '', signer: '' }
          : null,
    };
  }

  private verdictOf(r: LicenceRow): Verdict {
    const s = this.licences.effectiveStatus(r);
    return s === 'valid' ? 'genuine' : s === 'expired' ? 'expired' : 'revoked';
  }

  async byIdentifier(identifier: string, who: Principal | null): Promise<VerifyResult> {
    const parsed = parseLicenceId(identifier);
    if ('problem' in parsed) throw LicensesErrors.badIdentifier(`${parsed.problem} / ${parsed.problem === 'check' ? '校验位错误' : '格式错误'}`);
    const r = await this.licences.byIdentifier(identifier);
    if (!r) {
      const d = await this.decisions.byIdentifier(identifier);
      if (!d) return this.answer('unknown', null);
      const dseal = await licensesDb(this.k.db).selectFrom('licenses_seal').select(['code', 'name', 'unit_name']).where('id', '=', d.seal_id).executeTakeFirst();
      return this.decision(d, undefined, dseal);
    }
    const seal = await licensesDb(this.k.db).selectFrom('licenses_seal').select(['code', 'name', 'unit_name']).where('id', '=', r.seal_id).executeTakeFirst();
    await this.uses.record(this.k.db, r, who, 'verify', '扫码核验 / verified by identifier');
    return this.answer(this.verdictOf(r), r, undefined, seal);
  }

  async document(pdf: Buffer, who: Principal | null): Promise<VerifyResult> {
    if (pdf.length < 8 || pdf.toString('latin1', 0, 5) !== '%PDF-') throw LicensesErrors.notPdf();
    const keys = new Map((await licensesDb(this.k.db).selectFrom('licenses_seal').select(['id', 'public_key']).execute()).map((s) => [s.id, s.public_key as string]));
    const check = checkSeal(pdf, (sig) => keys.get(String(sig.seal?.id)) ?? null);
    if (!check.ok) return this.answer(check.problem === 'no-seal' ? 'unknown' : 'altered', null);
    const r = await this.licences.byIdentifier(check.signature.document);
    // The register must know this very document: a genuine seal on other bytes is not this licence.
    if (!r) {
      const d = await this.decisions.byIdentifier(check.signature.document, check.signature.dataHash.value);
      if (d && d.seal_id === check.signature.seal.id) return this.decision(d, check.signature);
      return this.answer('unknown', null, check.signature);
    }
    if (r.document_hash !== check.signature.dataHash.value || r.seal_id !== check.signature.seal.id) return this.answer('altered', null, check.signature);
    await this.uses.record(this.k.db, r, who, 'verify', '文件核验 / verified by document');
    return this.answer(this.verdictOf(r), r, check.signature);
  }
}
