/**
 * 电子证照 issuing and verification, each figure beside the raw SM2 rate measured in the same run:
 *
 *   issue:   render the licence PDF (fonts subset and embedded, QR code, seal), SM3 digest, SM2 seal
 *            signature, store the document, write the licence row, seal use, audit entry and event
 *            — licences per second, one after another, vs raw SM2 signatures per second
 *   verify:  a sealed PDF checked as the public page does (find the signature, rebuild the update,
 *            SM3 over the signed bytes, SM2 verify with the registered key, register lookup, use
 *            row) vs raw SM2 verifications per second; and by identifier (what the QR opens)
 *
 * Rendering dominates issuing, so the render-only rate is printed too. Uses DATABASE_URL when set.
 */
import { sm2, sm3 } from 'sm-crypto-v2';
import { makeCitizenId } from '../src/kernel/ids/index.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { renderLicence } from '../src/modules/licenses/document/licence-pdf.ts';
import { cardType, sealFor } from '../src/testing/licenses.ts';
import { benchPlatform } from './baseline.ts';
import { startProfile } from './profile.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const { p, database, close } = await benchPlatform(4);
const k = p.kernel;
const admin = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };
const dept = await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'RSJ', name: '乌兰浩特市人力资源和社会保障局' });
await p.licenses.types.save(admin, cardType(dept.id));
await p.licenses.seals.create(admin, sealFor(dept.id, [], '乌兰浩特市人力资源和社会保障局'));
const type = (await p.licenses.types.get('social_security_card'))!;

/** Runs `fn` for `seconds` (after one warm-up call) and returns calls per second. */
async function rate(seconds: number, fn: (i: number) => unknown): Promise<number> {
  await fn(-1);
  let n = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) await fn(n++);
  return n / ((performance.now() - start) / 1000);
}

// Baselines: raw SM2 over a message the size of a seal signature's signed text, same keys and options.
const keys = sm2.generateKeyPairHex();
const message = JSON.stringify({ seal: 'x'.repeat(400), dataHash: sm3('document'), time: new Date().toISOString(), signer: 'y'.repeat(80) });
const signature = sm2.doSignature(message, keys.privateKey, { hash: true, publicKey: keys.publicKey });
const rawSign = await rate(SECONDS, () => sm2.doSignature(message, keys.privateKey, { hash: true, publicKey: keys.publicKey }));
const rawVerify = await rate(SECONDS, () => sm2.doVerifySignature(message, signature, keys.publicKey, { hash: true }));

// Issuing, each in its own transaction as a department would.
const issued: { id: string; identifier: string }[] = [];
const actor = { id: 'bench', type: 'system' as const, regionCode: '152201' };
const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
const issueRate = await rate(SECONDS, async (i) => {
  const idNumber = makeCitizenId('152201', '1970-01-01', ((i + 2) % 999) + 1);
  issued.push(
    await k.db.transaction().execute((trx) =>
      p.licenses.licences.issue(trx, {
        type,
        holder: { name: '包金花', code: idNumber },
        data: { cardNo: idNumber, bank: '中国工商银行乌兰浩特支行' },
        issuerDepartmentId: dept.id,
        issuerName: '乌兰浩特市人力资源和社会保障局',
        regionCode: '152201',
        user: { kind: 'automatic' },
        actor,
        signerName: 'bench',
      }),
    ),
  );
});
if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
const renderRate = await rate(Math.max(2, SECONDS / 2), () =>
  renderLicence({
    identifier: issued[0].identifier,
    licenceNo: 'SB1',
    title: '社会保障卡',
    titleEn: 'Social security card',
    holderName: '包金花',
    holderCodeLabel: '公民身份号码',
    holderCode: '1522**********1234',
    rows: [{ label: '开户银行', value: '中国工商银行乌兰浩特支行' }],
    issuerName: '乌兰浩特市人力资源和社会保障局',
    issuedOn: '2026年11月24日',
    validity: '十年',
    verifyUrl: 'http://localhost/verify?id=x',
    seal: { unitName: '乌兰浩特市人力资源和社会保障局', purpose: '证照专用章' },
    issuedAt: new Date(),
  }),
);

// Verification of the sealed documents, as uploaded to the public page, and by identifier.
const pdfs: Buffer[] = [];
for (const l of issued.slice(0, 50)) {
  const r = await p.licenses.licences.row(l.id);
  const f = (await k.files.find(r.document_file_id!))!;
  const chunks: Buffer[] = [];
  for await (const c of await k.files.open(f)) chunks.push(c as Buffer);
  pdfs.push(Buffer.concat(chunks));
}
let genuine = 0;
const verifyRate = await rate(SECONDS, async (i) => {
  if ((await p.licenses.verifier.document(pdfs[Math.abs(i) % pdfs.length], null)).verdict === 'genuine') genuine++;
});
const byIdRate = await rate(Math.max(2, SECONDS / 2), (i) => p.licenses.verifier.byIdentifier(issued[Math.abs(i) % issued.length].identifier, null));
const size = pdfs.reduce((s, b) => s + b.length, 0) / pdfs.length;

console.log(`database: ${database.kind}, ${SECONDS} s per measurement, one request at a time (issuing is CPU-bound)`);
console.log(`raw SM2 sign (sm-crypto-v2, SM3 + Z):   ${rawSign.toFixed(0)} /s`);
console.log(`raw SM2 verify:                         ${rawVerify.toFixed(0)} /s`);
console.log(`licences issued (render + seal + store): ${issueRate.toFixed(1)} /s   (${issued.length} licences, PDF ${(size / 1024).toFixed(0)} KiB on average)`);
console.log(`  of which rendering the PDF alone:      ${renderRate.toFixed(1)} /s`);
console.log(`ratio issue / raw SM2 sign:             ${((issueRate / rawSign) * 100).toFixed(1)} %`);
console.log(`documents verified (upload path):       ${verifyRate.toFixed(1)} /s   (${genuine} genuine)`);
console.log(`ratio verify / raw SM2 verify:          ${((verifyRate / rawVerify) * 100).toFixed(1)} %`);
console.log(`verified by identifier (QR path):       ${byIdRate.toFixed(0)} /s`);
await close();
