import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId, makeCreditCode, mod3736Check, parseLicenceId } from '../../kernel/ids/index.ts';
import { accountIdOf, cardType, sealFor } from '../../testing/licenses.ts';
import { pdfQrCodes, pdfText } from '../../testing/pdf.ts';
import { addBasePerson, advanceSignedIn, bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

let t: TestPlatform;
let rsj: { id: string };
let other: { id: string };
let admin: string;
let issuer: string;
let issuerNoSeal: string;
let otherStaff: string;
let holder: { token: string; accountId: string };
let stranger: { token: string; accountId: string };
const idNumber = makeCitizenId('152201', '1980-04-02', 17);

const call = (method: 'GET' | 'POST' | 'DELETE' | 'PUT', url: string, token?: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...(token ? bearer(token) : {}), ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
const count = async (table: string) =>
  Number(
    (
      await t.p.kernel.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const issue = (token = issuer, code = idNumber, data: Record<string, unknown> = { cardNo: idNumber, bank: '中国银行乌兰浩特分行' }) =>
  call('POST', '/api/licenses', token, { typeKey: 'social_security_card', holder: { name: '李桂英', code }, data });
const documentOf = async (id: string, token = holder.token) => {
  const res = await call('GET', `/api/licenses/${id}/document`, token);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};
const verifyPdf = (bytes: Uint8Array) => call('POST', '/api/licenses/verify', undefined, Buffer.from(bytes), { 'content-type': 'application/pdf' });

beforeAll(async () => {
  t = await startTestPlatform();
  rsj = await department(t, '152201', '乌兰浩特市人力资源和社会保障局');
  other = await department(t, '152201', '乌兰浩特市医疗保障局');
  const front = await department(t, '152201', '政务服务中心');
  admin = await staffToken(t, ['region_admin'], front.id);
  issuer = await staffToken(t, ['approver'], rsj.id);
  issuerNoSeal = await staffToken(t, ['approver'], rsj.id);
  otherStaff = await staffToken(t, ['approver'], other.id);
  holder = await personToken(t, { realName: { name: '李桂英', idNumber } });
  stranger = await personToken(t, { realName: { name: '赵志刚', idNumber: makeCitizenId('152201', '1979-01-09', 55) } });
  expect((await call('POST', '/api/licenses/types', admin, cardType(rsj.id))).statusCode).toBe(200);
  const seal = await call('POST', '/api/licenses/seals', admin, sealFor(rsj.id, [await accountIdOf(t, issuer)], '乌兰浩特市人力资源和社会保障局'));
  expect(seal.statusCode, seal.body).toBe(201);
});
afterAll(() => t.close());

describe('licence types', () => {
  it('refuses types that could not validate or render their licences, and keeps versions', async () => {
    const bad = cardType(rsj.id);
    bad.key = 'broken';
    const fields = await call('POST', '/api/licenses/types', admin, { ...bad, definition: { ...bad.definition, fields: { type: 'string' } } });
    expect(fields.statusCode).toBe(422);
    expect(fields.json()).toMatchObject({ code: 'LICENCE_TYPE_INVALID', zh: expect.any(String), en: expect.any(String) });
    const code = await call('POST', '/api/licenses/types', admin, { ...bad, definition: { ...bad.definition, typeCode: '11100000000013338X105' } });
    expect(code.json().errors[0].path).toBe('/definition/typeCode');
    const row = await call('POST', '/api/licenses/types', admin, {
      ...bad,
      definition: { ...bad.definition, typeCode: '11100000000013338W199', template: { ...bad.definition.template, rows: [{ field: 'nope', label: '无' }] } },
    });
    expect(row.json().errors[0].path).toBe('/definition/template/rows/0/field');
    expect((await call('POST', '/api/licenses/types', issuer, { ...bad, definition: { ...bad.definition, typeCode: '11100000000013338W198' } })).statusCode).toBe(403);
    expect((await call('POST', '/api/licenses/types', admin, cardType(rsj.id))).json().code).toBe('LICENCE_TYPE_EXISTS');
    expect((await call('POST', '/api/licenses/types', admin, { ...cardType(rsj.id), baseVersion: 7 })).json().code).toBe('LICENCE_TYPE_CHANGED');
    expect(await count('licenses_type')).toBe(1);
  });
});

describe('issuing and the sealed document', () => {
  it('issues a licence with a GB/T 36904 identifier, a readable PDF and a QR code for the public page', async () => {
    const res = await issue();
    expect(res.statusCode, res.body).toBe(201);
    const { id, identifier } = res.json();
    const parsed = parseLicenceId(identifier);
    expect('parts' in parsed && parsed.parts.typeCode).toBe('11100000000013338W105');
    expect('parts' in parsed && parsed.parts.version).toBe('001');
    const mine = (await call('GET', '/api/licenses/mine', holder.token)).json();
    expect(mine.items.map((l: { identifier: string }) => l.identifier)).toContain(identifier);
    const pdf = await documentOf(id);
    const text = await pdfText(pdf);
    expect(text).toContain('社会保障卡');
    expect(text).toContain('李桂英');
    expect(text).toContain('中国银行乌兰浩特分行');
    expect(await pdfQrCodes(pdf)).toEqual([`http://localhost:8080/verify?id=${identifier}`]);
    const check = await verifyPdf(pdf);
    expect(check.json()).toMatchObject({
      verdict: 'genuine',
      licence: { identifier, issuerName: '乌兰浩特市人力资源和社会保障局', holderName: '李**', holderCode: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}` },
      seal: { name: '乌兰浩特市人力资源和社会保障局证照专用章' },
    });
  });

  it('refuses to issue with bad data, a bad holder code, outside the issuing department, or by someone not on the seal — and audits the refused seal use', async () => {
    const before = await count('licenses_licence');
    expect((await issue(issuer, idNumber, { cardNo: 'x', bank: '某银行' })).json()).toMatchObject({
      code: 'LICENCE_DATA_INVALID',
      errors: [{ path: '/data/cardNo', message: expect.stringContaining('应当匹配模式') }],
    });
    expect((await issue(issuer, '152201198004021234')).json().code).toBe('LICENCE_HOLDER_INVALID');
    expect((await issue(otherStaff)).json().code).toBe('LICENCE_NOT_ISSUER');
    const refused = await issue(issuerNoSeal);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('SEAL_USE_DENIED');
    expect((await call('POST', '/api/licenses', holder.token, { typeKey: 'social_security_card', holder: { name: '李桂英', code: idNumber }, data: {} })).statusCode).toBe(403);
    expect(await count('licenses_licence')).toBe(before);
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_type', '=', 'licenses.seal').where('action', '=', 'seal-refused').execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });
});

describe('verification', () => {
  let pdf: Buffer;
  let identifier = '';
  let id = '';
  beforeAll(async () => {
    ({ id, identifier } = (await issue()).json());
    pdf = await documentOf(id);
  });

  it('says genuine by identifier, and tells a malformed identifier from one with a wrong check character', async () => {
    expect((await call('GET', `/api/licenses/verify/${identifier}`)).json()).toMatchObject({ verdict: 'genuine', licence: { identifier } });
    const malformed = await call('GET', '/api/licenses/verify/1.2.156.3005.2.nonsense');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'LICENCE_ID_INVALID', zh: expect.stringContaining('校验位'), en: expect.stringContaining('check') });
    const last = identifier.slice(-1);
    const wrong = identifier.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    expect((await call('GET', `/api/licenses/verify/${wrong}`)).json().errors[0].message).toMatch(/^check/);
    // A well-formed identifier nobody issued.
    const body = identifier.split('.').slice(5, 9);
    body[2] = '9999999';
    const unknown = `1.2.156.3005.2.${body.join('.')}.${mod3736Check(body.join(''))}`;
    expect((await call('GET', `/api/licenses/verify/${unknown}`)).json()).toMatchObject({ verdict: 'unknown', licence: null });
  });

  it('rejects a copy changed by one byte, a truncated copy, a PDF not issued here and a file that is not a PDF', async () => {
    for (const at of [400, Math.floor(pdf.length / 2), pdf.length - 200]) {
      const copy = Buffer.from(pdf);
      copy[at] ^= 0x01;
      expect((await verifyPdf(copy)).json().verdict).toBe('altered');
    }
    expect(['altered', 'unknown']).toContain((await verifyPdf(pdf.subarray(0, pdf.length - 500))).json().verdict);
    const foreign = await PDFDocument.create();
    foreign.addPage();
    expect((await verifyPdf(await foreign.save())).json()).toMatchObject({ verdict: 'unknown' });
    const notPdf = await call('POST', '/api/licenses/verify', undefined, Buffer.from('hello, not a pdf'), { 'content-type': 'application/pdf' });
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.json().code).toBe('LICENCE_NOT_PDF');
    const huge = await call('POST', '/api/licenses/verify', undefined, Buffer.alloc(6 * 1024 * 1024, 0x25), { 'content-type': 'application/pdf' });
    expect(huge.statusCode).toBe(413);
    expect((await verifyPdf(pdf)).json().verdict).toBe('genuine');
  });

  it('says revoked at once after 吊销, and the change is audited', async () => {
    const { id: rid, identifier: rident } = (await issue()).json();
    const doc = await documentOf(rid);
    expect((await call('POST', `/api/licenses/${rid}/status`, otherStaff, { status: 'revoked', reason: '违法违规' })).statusCode).toBe(403);
    expect((await call('POST', `/api/licenses/${rid}/status`, issuer, { status: 'revoked', reason: '以欺骗手段取得' })).statusCode).toBe(204);
    expect((await verifyPdf(doc)).json()).toMatchObject({ verdict: 'revoked', licence: { status: '吊销' } });
    expect((await call('GET', `/api/licenses/verify/${rident}`)).json().verdict).toBe('revoked');
    expect((await call('POST', `/api/licenses/${rid}/status`, issuer, { status: 'cancelled', reason: '再次' })).json().code).toBe('LICENCE_NOT_VALID');
    const audit = await t.p.kernel.db.selectFrom('kernel_audit_entry').select('action').where('object_id', '=', rid).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['issued', 'revoked']));
  });

  it('makes a new version on change and the old version no longer verifies as valid', async () => {
    const { id: vid, identifier: v1 } = (await issue()).json();
    const res = await call('POST', `/api/licenses/${vid}/revise`, issuer, { data: { cardNo: idNumber, bank: '中国农业银行乌兰浩特支行' }, reason: '变更开户银行' });
    expect(res.statusCode, res.body).toBe(200);
    const v2 = res.json().identifier as string;
    expect(v2.split('.')[7]).toBe(v1.split('.')[7]);
    expect(v2.split('.')[8]).toBe('002');
    expect((await call('GET', `/api/licenses/verify/${v1}`)).json().verdict).toBe('revoked');
    expect((await call('GET', `/api/licenses/verify/${v2}`)).json().verdict).toBe('genuine');
    const pdf2 = await documentOf(res.json().id);
    expect(await pdfText(pdf2)).toContain('中国农业银行乌兰浩特支行');
  });
});

describe('the holder’s wallet', () => {
  let id = '';
  beforeAll(async () => {
    ({ id } = (await issue()).json());
  });

  it('lets only the holder read and download it', async () => {
    const mine = (await call('GET', `/api/licenses/${id}`, holder.token)).json();
    expect(mine).toMatchObject({
      id,
      statusLabel: '有效',
      nameEn: 'Social security card',
      rows: [
        { label: '社会保障号码', labelEn: 'Social security number' },
        { label: '开户银行', labelEn: 'Bank' },
      ],
    });
    // A check by the public is logged without a name: the page names the public in the reader's language.
    expect((await call('GET', `/api/licenses/verify/${mine.identifier}`)).statusCode).toBe(200);
    const uses = (await call('GET', '/api/licenses/mine/uses', holder.token)).json();
    expect(uses.find((u: { kind: string }) => u.kind === 'verify')).toMatchObject({ actorName: null });
    expect((await call('GET', `/api/licenses/${id}`, stranger.token)).statusCode).toBe(403);
    expect((await call('GET', `/api/licenses/${id}/document`, stranger.token)).statusCode).toBe(403);
    expect((await call('GET', `/api/licenses/${id}/document`)).statusCode).toBe(401);
    expect((await call('GET', `/api/licenses/${id}/shared`, otherStaff)).json().code).toBe('LICENCE_GRANT_MISSING');
  });

  it('authorises a department for a scope, a purpose and a time, and logs every use for the holder', async () => {
    const expiresAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    expect((await call('POST', `/api/licenses/${id}/grants`, stranger.token, { departmentId: other.id, scopes: ['view'], purpose: '医保参保核验', expiresAt })).statusCode).toBe(403);
    expect((await call('POST', `/api/licenses/${id}/grants`, holder.token, { departmentId: other.id, scopes: ['view'], purpose: '医保参保核验', expiresAt: '2020-01-01T00:00:00Z' })).json().code).toBe(
      'LICENCE_GRANT_PAST',
    );
    expect((await call('POST', `/api/licenses/${id}/grants`, holder.token, { departmentId: other.id, scopes: ['print'], purpose: 'x', expiresAt })).statusCode).toBe(400);
    const g = await call('POST', `/api/licenses/${id}/grants`, holder.token, { departmentId: other.id, scopes: ['view'], purpose: '医保参保核验', expiresAt });
    expect(g.statusCode, g.body).toBe(201);
    expect((await call('GET', `/api/licenses/${id}/shared`, otherStaff)).json()).toMatchObject({ id, holderName: '李桂英' });
    // The grant covers viewing, not downloading.
    expect((await call('GET', `/api/licenses/${id}/document`, otherStaff)).json().code).toBe('LICENCE_GRANT_MISSING');
    const uses = (await call('GET', '/api/licenses/mine/uses', holder.token)).json();
    expect(uses.find((u: { purpose: string }) => u.purpose === '医保参保核验')).toMatchObject({ kind: 'view', departmentId: other.id });
    // After it expires, the department is refused again.
    await advanceSignedIn(t, 2 * 86_400_000);
    expect((await call('GET', `/api/licenses/${id}/shared`, otherStaff)).json().code).toBe('LICENCE_GRANT_MISSING');
    const grants = (await call('GET', '/api/licenses/mine/grants', holder.token)).json();
    expect(grants[0]).toMatchObject({ purpose: '医保参保核验', active: false });
  });

  it('withdraws a grant at once', async () => {
    const expiresAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const g = (await call('POST', `/api/licenses/${id}/grants`, holder.token, { departmentId: other.id, scopes: ['view', 'download'], purpose: '待遇资格认证', expiresAt })).json();
    expect((await call('GET', `/api/licenses/${id}/document`, otherStaff)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/licenses/grants/${g.id}`, stranger.token)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/licenses/grants/${g.id}`, holder.token)).statusCode).toBe(204);
    expect((await call('GET', `/api/licenses/${id}/document`, otherStaff)).statusCode).toBe(403);
  });

  it('exports a Verifiable Credential whose proof holds, and fails when one claim is changed', async () => {
    const vc = (await call('GET', `/api/licenses/${id}/credential`, holder.token)).json();
    expect(vc).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'ElectronicLicenceCredential'],
      proof: { type: 'DataIntegrityProof', cryptosuite: 'ecdsa-jcs-2019' },
    });
    expect((await call('POST', '/api/licenses/credentials/verify', undefined, vc)).json()).toMatchObject({ proofValid: true, verdict: 'genuine' });
    const forged = structuredClone(vc);
    forged.credentialSubject.name = '王五';
    expect((await call('POST', '/api/licenses/credentials/verify', undefined, forged)).json()).toMatchObject({ proofValid: false, verdict: 'altered' });
    const issuerDoc = (await call('GET', '/api/licenses/issuer')).json();
    expect(issuerDoc.verificationMethod[0].id).toBe(vc.proof.verificationMethod);
  });

  it('lets the expiry take effect on the last day, everywhere', async () => {
    const { id: eid, identifier } = (await issue()).json();
    await advanceSignedIn(t, 11 * 366 * 86_400_000);
    expect((await call('GET', `/api/licenses/verify/${identifier}`)).json().verdict).toBe('expired');
    expect((await call('GET', `/api/licenses/${eid}`, holder.token)).json().status).toBe('expired');
    const n = await t.p.kernel.db.transaction().execute((trx) => t.p.licenses.licences.expireDue(trx, { id: 'system', type: 'system', regionCode: '152201' }));
    expect(n).toBeGreaterThanOrEqual(1);
    t.clock.set('2026-03-02T09:00:00+08:00');
  });
});

describe('an enterprise’s licences', () => {
  it('shows a licence held by a company to its legal representative acting for it, not to them as a person', async () => {
    const repId = makeCitizenId('152201', '1972-05-05', 61);
    const creditCode = makeCreditCode('152201', 'MA0N4C7B');
    const rep = await personToken(t, { realName: { name: '韩立军', idNumber: repId } });
    const personId = await addBasePerson(t, '韩立军', repId);
    const ent = await t.p.kernel.db
      .insertInto('identity_enterprise')
      .values({ id: '01900000-0000-7000-8000-0000000000e1', region_code: '152201', name: '乌兰浩特市洮儿河乳业有限公司', credit_code: creditCode, legal_person_id: personId, created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await call('POST', '/api/identity/me/enterprises', rep.token, { creditCode })).statusCode).toBe(201);
    const entityType = cardType(rsj.id, undefined, {
      name: '劳务派遣经营许可证',
      typeCode: '11100000000013338W201',
      holderType: 'entity',
      fields: { type: 'object', properties: { scope: { type: 'string', maxLength: 100 } } },
      template: { numberPrefix: 'LP', rows: [{ field: 'scope', label: '经营范围' }], sealPurpose: '证照专用章' },
    });
    expect((await call('POST', '/api/licenses/types', admin, { ...entityType, key: 'labour_dispatch' })).statusCode).toBe(200);
    const issued = await call('POST', '/api/licenses', issuer, { typeKey: 'labour_dispatch', holder: { name: '乌兰浩特市洮儿河乳业有限公司', code: creditCode }, data: { scope: '劳务派遣' } });
    expect(issued.statusCode, issued.body).toBe(201);
    expect((await call('GET', '/api/licenses/mine', rep.token)).json().items).toEqual([]);
    expect((await call('PUT', '/api/identity/me/acting-for', rep.token, { enterpriseId: ent.id })).statusCode).toBe(200);
    const mine = (await call('GET', '/api/licenses/mine', rep.token)).json().items;
    expect(mine).toEqual([expect.objectContaining({ name: '劳务派遣经营许可证', holderCode: creditCode })]);
    expect((await call('GET', `/api/licenses/${issued.json().id}/document`, rep.token)).statusCode).toBe(200);
  });
});

describe('issuing writes', () => {
  const filesOnDisk = () => {
    const dir = path.join(t.p.kernel.config.dataDir, 'files');
    return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, String(f))).isFile()).length : 0;
  };
  const state = async () => ({
    licences: await count('licenses_licence'),
    files: await count('kernel_file'),
    disk: filesOnDisk(),
    uses: (await t.p.kernel.db.selectFrom('licenses_seal').select('uses').where('department_id', '=', rsj.id).executeTakeFirstOrThrow()).uses,
  });
  const issueAt = async (regionCode: string) => {
    const type = (await t.p.licenses.types.get('social_security_card'))!;
    return t.p.kernel.db.transaction().execute((trx) =>
      t.p.licenses.licences.issue(trx, {
        type,
        holder: { name: '李桂英', code: idNumber },
        data: { cardNo: idNumber, bank: '中国银行乌兰浩特分行' },
        issuerDepartmentId: rsj.id,
        issuerName: '乌兰浩特市人力资源和社会保障局',
        regionCode,
        user: { kind: 'automatic' },
        actor: { id: 'tester', type: 'system' },
        signerName: 'tester',
      }),
    );
  };

  it('writes the licence, its document, the seal use and both audit entries together, or none of them', async () => {
    const before = await state();
    const { id } = await issueAt('152201');
    expect(await state()).toEqual({ licences: before.licences + 1, files: before.files + 1, disk: before.disk + 1, uses: before.uses + 1 });
    const row = await t.p.licenses.licences.row(id);
    // The newest two (ids are time-ordered, made in this process; `at` is the fake clock's).
    const entries = await t.p.kernel.db.selectFrom('kernel_audit_entry').select(['action']).where('change_digest', 'is not', null).orderBy('id', 'desc').limit(2).execute();
    expect(entries.map((e) => e.action)).toEqual(['seal-applied', 'issued']);
    expect((await t.p.kernel.files.find(row.document_file_id!))?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.p.kernel.audit.verify()).ok).toBe(true);
    // A licence PostgreSQL refuses (a region code it cannot hold) leaves neither rows nor its document's content.
    const now = await state();
    await expect(issueAt('x\u0000')).rejects.toThrow();
    expect(await state()).toEqual(now);
    expect((await t.p.kernel.audit.verify()).ok).toBe(true);
  });
});
