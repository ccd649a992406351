/**
 * 电子证照 issuing and verification, each figure beside the raw SM2 rate measured in the same run:
 *
 *   issue:   render the licence PDF (the type's layout from its cache; the licence's own text, glyph
 *            subset and QR code), SM3 digest, SM2 seal signature, store the document, write the
 *            licence row, seal use, audit entry and event — licences per second vs raw SM2
 *            signatures per second; the issue's target is 150 licences/s (issue 24)
 *   render:  the PDF alone, licences per second
 *   verify:  a sealed PDF checked as the public page does (find the signature, rebuild the update,
 *            SM3 over the signed bytes, SM2 verify with the registered key, register lookup, use
 *            row) vs raw SM2 verifications per second; and by identifier (what the QR opens)
 *
 * Issued one after another (each licence in its own transaction as a department would), then by 4
 * issuers at once (BENCH_ISSUERS; approvals complete in many departments at the same time and the
 * service allows it: serials come from a sequence). The target is the platform's rate, so it is
 * read on the second figure; the first shows what one issuer waits.
 * BENCH_PROFILE=file.cpuprofile records where this process spends its CPU while issuing.
 * Uses DATABASE_URL when set.
 */
import { sm2, sm3 } from 'sm-crypto-v2';
import { makeCitizenId } from '../src/kernel/ids/index.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { renderLicence } from '../src/modules/licenses/document/licence-pdf.ts';
import { cardType, sealFor } from '../src/testing/licenses.ts';
import { benchPlatform } from './baseline.ts';
import { inProcessMeasure } from './floors.ts';
import { startProfile } from './profile.ts';
import { record } from './report.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ISSUERS = Number(process.env.BENCH_ISSUERS ?? 4);
const { p, database, close } = await benchPlatform(Math.max(4, ISSUERS));
const k = p.kernel;
const admin = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };
const dept = await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'RSJ', name: '乌兰浩特市人力资源和社会保障局' });
await p.licenses.types.save(admin, cardType(dept.id));
await p.licenses.seals.create(admin, sealFor(dept.id, [], '乌兰浩特市人力资源和社会保障局'));
const type = (await p.licenses.types.get('social_security_card'))!;

// Baselines: raw SM2 over a message the size of a seal signature's signed text, same keys and options.
const keys = sm2.generateKeyPairHex();
const message = JSON.stringify({ seal: 'x'.repeat(400), dataHash: sm3('document'), time: new Date().toISOString(), signer: 'y'.repeat(80) });
const signature = sm2.doSignature(message, keys.privateKey, { hash: true, publicKey: keys.publicKey });
const rawSign = await inProcessMeasure(SECONDS, 1, async () => sm2.doSignature(message, keys.privateKey, { hash: true, publicKey: keys.publicKey }));
const rawVerify = await inProcessMeasure(SECONDS, 1, async () => sm2.doVerifySignature(message, signature, keys.publicKey, { hash: true }));

// Issuing, each in its own transaction as a department would. Holders differ, so each licence's glyph subset does too.
const names = ['包金花', '王建国', '其木格', '张丽华', '乌云娜', '赵志强', '敖登格日乐', '李秀英'];
const issued: { id: string; identifier: string }[] = [];
const actor = { id: 'bench', type: 'system' as const, regionCode: '152201' };
async function issueOne(i: number) {
  const idNumber = makeCitizenId('152201', '1970-01-01', ((i + 2) % 999) + 1);
  issued.push(
    await k.db.transaction().execute((trx) =>
      p.licenses.licences.issue(trx, {
        type,
        holder: { name: names[(i + 8) % names.length], code: idNumber },
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
}
// One licence first, outside the profile: it loads the font and builds the type's layout. Then
// BENCH_WARMUP seconds of issuing, unmeasured, as a running server is warm (the JIT optimises
// pdf-lib's and the renderer's code only after a while).
await issueOne(-2);
await inProcessMeasure(Number(process.env.BENCH_WARMUP ?? 3), ISSUERS, (i) => issueOne(5000 + Math.abs(i)));
const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
const issueOneByOne = await inProcessMeasure(SECONDS, 1, issueOne);
if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
const issue = await inProcessMeasure(SECONDS, ISSUERS, (i) => issueOne(20_000 + Math.abs(i)));
const render = await inProcessMeasure(Math.max(2, SECONDS / 2), 1, (i) =>
  renderLicence({
    identifier: issued[0].identifier,
    licenceNo: `SB152201${100000 + i}`,
    title: '社会保障卡',
    titleEn: 'Social security card',
    holderName: names[(i + 8) % names.length],
    holderCodeLabel: '公民身份号码',
    holderCode: '1522**********1234',
    rows: [
      { label: '社会保障号码', value: '1522**********1234' },
      { label: '开户银行', value: '中国工商银行乌兰浩特支行' },
    ],
    issuerName: '乌兰浩特市人力资源和社会保障局',
    issuedOn: '2026年11月24日',
    validity: '2026年11月24日至2036年11月23日',
    verifyUrl: `http://localhost/verify?id=${issued[0].identifier}`,
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
const verify = await inProcessMeasure(SECONDS, 1, async (i) => {
  if ((await p.licenses.verifier.document(pdfs[Math.abs(i) % pdfs.length], null)).verdict === 'genuine') genuine++;
});
const byId = await inProcessMeasure(Math.max(2, SECONDS / 2), 1, (i) => p.licenses.verifier.byIdentifier(issued[Math.abs(i) % issued.length].identifier, null));
const size = pdfs.reduce((s, b) => s + b.length, 0) / pdfs.length;

console.log(
  `database: ${database.kind}, ${SECONDS} s per measurement, then ${ISSUERS} issuers at once; ${issued.length} licences, PDF ${(size / 1024).toFixed(0)} KiB on average; ${genuine} verified genuine`,
);
console.log(
  `raw SM2 sign (sm-crypto-v2, SM3 + Z): ${rawSign.rate.toFixed(0)}/s, ${rawSign.cpuUsPerCall.toFixed(0)} µs CPU; raw SM2 verify: ${rawVerify.rate.toFixed(0)}/s, ${rawVerify.cpuUsPerCall.toFixed(0)} µs CPU`,
);
record('licences', database.kind, [
  { name: 'licences issued one after another (render + seal + store)', ours: issueOneByOne, raw: rawSign },
  { name: `licences issued, ${ISSUERS} issuers at once`, ours: issue, raw: rawSign, target: { rate: 150 } },
  { name: 'licence PDF rendered (alone)', ours: render },
  { name: 'sealed PDF verified (upload path)', ours: verify, raw: rawVerify },
  { name: 'licence verified by identifier (QR path)', ours: byId },
]);
await close();
