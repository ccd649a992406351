import { Readable } from 'node:stream';
import type fontkit from '@pdf-lib/fontkit';
import { sql } from 'kysely';
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import { cstDate } from '../../kernel/calendar/index.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { makeLicenceId } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf } from '../../kernel/policy/index.ts';
import type { DocumentSealer, SealedDocument } from '../office/index.ts';
import { documentFont } from '../../kernel/files/fonts.ts';
import { cachingFontkit } from './document/licence-pdf.ts';
import { drawSealMark } from './document/seal-mark.ts';
import { checkSeal, sealDocument } from './document/seal-signature.ts';
import { LicensesErrors } from './errors.ts';
import type { Seals } from './seals.ts';
import { licensesDb } from './tables.ts';

/** The seal a 公文 takes: the unit's 公章 where it has one, else its other seal (as decisions fall back). */
export const OFFICE_SEAL_PURPOSE = '公章';
/** Register kind of a sealed 公文 in licenses_document. */
export const OFFICIAL_DOCUMENT_KIND = 'official_document';
/**
 * GB/T 36904 type-code suffix for a 公文 under the unit's credit code. Decisions use 901–903; 910 is
 * this platform's own choice, not a national code [U] — configuration, not a standard value.
 */
export const OFFICIAL_DOCUMENT_TYPE_CODE = '910';

/**
 * Where the renderer wants the red seal: a dictionary in the PDF catalog, `/YiwangSealSpot << /Page n
 * /X x /Y y /R r >>` in PDF points (page index from 0). The renderer knows where 署名 and 成文日期
 * landed; the sealer knows the seal. Without the entry the mark goes bottom right of the last page.
 */
export const SEAL_SPOT_KEY = 'YiwangSealSpot';

interface Spot {
  page: number;
  x: number;
  y: number;
  r: number;
}

function spotOf(doc: PDFDocument): Spot {
  const pages = doc.getPageCount();
  const dict = doc.catalog.lookupMaybe(PDFName.of(SEAL_SPOT_KEY), PDFDict);
  const num = (k: string) => dict?.lookupMaybe(PDFName.of(k), PDFNumber)?.asNumber();
  const [page, x, y, r] = [num('Page'), num('X'), num('Y'), num('R')];
  if (page !== undefined && x !== undefined && y !== undefined && r !== undefined && page >= 0 && page < pages && r > 0) return { page, x, y, r };
  const last = doc.getPage(pages - 1);
  return { page: pages - 1, x: last.getWidth() - 140, y: 180, r: 60 };
}

/**
 * Presses the visible red seal onto the rendered page before it is signed, so the mark is covered by
 * the signature like every other byte. Saved without object streams so the signature can be appended
 * as an incremental update.
 */
async function stampMark(pdf: Uint8Array, seal: { unitName: string; purpose: string }, identifier: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.registerFontkit(cachingFontkit as unknown as typeof fontkit);
  const font = await doc.embedFont(documentFont('bold'), { subset: true });
  const spot = spotOf(doc);
  // A 公章 carries the unit's name and the star only; a 专用章 names its purpose under the star.
  drawSealMark(doc.getPage(spot.page), font, spot, seal.unitName, seal.purpose === OFFICE_SEAL_PURPOSE ? '' : seal.purpose);
  doc.catalog.delete(PDFName.of(SEAL_SPOT_KEY));
  // The identifier /verify knows the document by, where a reader's document properties show it.
  doc.setSubject(identifier);
  doc.setKeywords([identifier]);
  return doc.save({ useObjectStreams: false });
}

/**
 * The office module's DocumentSealer: a 公文 is sealed as decisions are — a GB/T 36904 identifier under
 * the unit's seal, the red mark drawn over 署名 and 成文日期, SM2 over SM3 appended as an incremental
 * update, the file stored and the document registered in licenses_document so /verify answers for it.
 *
 * Who may seal: a staff member of the issuing department who is named on the seal, or any staff member
 * of that department when the seal is set to be applied by the platform (`automatic`) — the office
 * module has already checked that the 公文 was signed off and that this person is its 用印 clerk.
 */
export class OfficeSealer implements DocumentSealer {
  constructor(
    private readonly k: Kernel,
    private readonly seals: Seals,
  ) {}

  async seal(trx: Tx, input: Parameters<DocumentSealer['seal']>[1]): Promise<SealedDocument> {
    const { who } = input;
    const seal = await this.seals.forDepartment(trx, input.departmentId, OFFICE_SEAL_PURPOSE);
    if (!seal) throw LicensesErrors.noSeal();
    // Named on the seal: the person applies it; otherwise the platform does, if the seal allows that.
    const user = seal.users.includes(who.accountId) ? ({ kind: 'staff', who } as const) : ({ kind: 'automatic' } as const);
    // No refusal record here: it would be written in the caller's transaction, which this error rolls
    // back (and a second transaction would wait on the first's locks).
    if (who.type !== 'staff' || who.departmentId !== seal.department_id || !this.seals.allowed(seal, user)) throw LicensesErrors.sealNotAllowed();
    const serial = String((await sql<{ n: string }>`SELECT nextval('licenses_document_seq') AS n`.execute(trx)).rows[0].n);
    const identifier = makeLicenceId({ typeCode: `${seal.unit_code}${OFFICIAL_DOCUMENT_TYPE_CODE}`, issuerCode: seal.unit_code, serial: serial.padStart(6, '0'), version: '001' });
    const id = uuidv7();
    const actor = actorOf(who);
    const { info, privateKey } = await this.seals.applyTo(trx, seal, user, actor, { id, identifier, regionCode: input.regionCode });
    const now = this.k.clock.now();
    const marked = await stampMark(input.pdf, { unitName: seal.unit_name, purpose: seal.purpose }, identifier);
    const sealed = sealDocument(marked, { seal: info, signer: { id: who.accountId, name: who.name || who.accountId }, time: now.toISOString(), document: identifier }, privateKey);
    const file = await this.k.files.save(trx, {
      stream: Readable.from([Buffer.from(sealed.bytes)]),
      name: input.fileName,
      declaredMime: 'application/pdf',
      ownerId: input.ownerId,
      regionCode: input.regionCode,
    });
    const row = {
      id,
      identifier,
      lang: 'zh' as const,
      kind: OFFICIAL_DOCUMENT_KIND,
      title: input.title,
      document_no: input.reference,
      region_code: input.regionCode,
      department_id: input.departmentId,
      issuer_name: seal.unit_name,
      // A 公文 has no holder: /verify shows the issuing unit and its (public) credit code there.
      holder_name: seal.unit_name,
      holder_code_masked: seal.unit_code,
      application_id: null,
      issued_on: cstDate(now),
      seal_id: seal.id,
      document_hash: sealed.signature.dataHash.value,
      file_id: file.id,
      facts_enc: this.k.crypto.encryptField(JSON.stringify({ reference: input.reference, title: input.title, serial })),
      created_at: now,
    };
    await this.k.tracedWrite(trx, licensesDb(trx).insertInto('licenses_document').values(row).returning(['id']), {
      actor,
      action: 'official-document-sealed',
      objectType: 'licenses.document',
      objectId: id,
      regionCode: input.regionCode,
      change: { identifier, reference: input.reference, seal: seal.code },
      event: false,
    });
    return { identifier, fileId: file.id, documentHash: row.document_hash, sealId: seal.id, sealName: seal.name, sealedAt: now.toISOString() };
  }

  async verify(pdf: Uint8Array): Promise<Awaited<ReturnType<DocumentSealer['verify']>>> {
    const keys = new Map((await licensesDb(this.k.db).selectFrom('licenses_seal').select(['id', 'public_key', 'name', 'unit_name']).execute()).map((s) => [s.id, s]));
    const check = checkSeal(pdf, (sig) => keys.get(String(sig.seal?.id))?.public_key ?? null);
    if (!check.ok) return { ok: false, problem: check.problem };
    const sig = check.signature;
    // The register must know these very bytes under this seal: a genuine seal on other bytes is not this 公文.
    const d = await licensesDb(this.k.db)
      .selectFrom('licenses_document')
      .select(['identifier', 'seal_id'])
      .where('identifier', '=', sig.document)
      .where('document_hash', '=', sig.dataHash.value)
      .executeTakeFirst();
    const seal = keys.get(sig.seal.id);
    if (!d || d.seal_id !== sig.seal.id || !seal) return { ok: false, problem: 'unknown' };
    return { ok: true, identifier: d.identifier, unit: seal.unit_name, sealName: seal.name };
  }
}
