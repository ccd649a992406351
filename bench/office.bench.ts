/**
 * 公文 rendered in the GB/T 9704 layout and sealed, beside the raw SM2 rate measured in the same run:
 *
 *   seal:    lay the sample 通知 out (three pages), draw it as PDF (three faces subset and embedded),
 *            press the red seal, SM3 digest, SM2 seal signature, store the file, register it for
 *            /verify, seal use and audit entry — one transaction per document, one after another
 *   raw:     SM2 signatures (sm-crypto-v2, SM3 + Z) over a message the size of a seal's signed text
 *
 * Printed as documents per second and as a ratio to raw signing; render-only and OFD rates too.
 * Uses DATABASE_URL when set.
 */
import { sm2, sm3 } from 'sm-crypto-v2';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import type { Principal } from '../src/kernel/policy/index.ts';
import { renderOfficialDocument, renderOfficialDocumentOfd, sealImagePng } from '../src/modules/office/render/index.ts';
import { sampleDocument } from '../src/modules/office/render/sample.ts';
import { sealFor } from '../src/testing/licenses.ts';
import { benchPlatform } from './baseline.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const { p, database, close } = await benchPlatform(4);
const admin = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };
const unit = '乌兰浩特市人民政府办公室';
const dept = await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'BGS', name: unit });
const { accountId } = await p.identity.service.createStaffAccount(SYSTEM_PRINCIPAL, {
  username: 'clerk.bench',
  password: 'Bench2026pass!',
  staff: { departmentId: dept.id, name: '乌力吉', employeeNo: 'B1', roles: ['office_clerk'] as never },
});
await p.licenses.seals.create(admin, sealFor(dept.id, [accountId], unit, { name: `${unit}公章`, purpose: '公章' }));
const who: Principal = { accountId, type: 'staff', name: '乌力吉', regionCode: '152201', departmentId: dept.id, roles: ['office_clerk'], permissions: new Set(), sessionId: null };

/** Runs `fn` for `seconds` (after one warm-up call) and returns calls per second. */
async function rate(seconds: number, fn: (i: number) => unknown): Promise<number> {
  await fn(-1);
  let n = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) await fn(n++);
  return n / ((performance.now() - start) / 1000);
}

const keys = sm2.generateKeyPairHex();
const message = JSON.stringify({ seal: 'x'.repeat(400), dataHash: sm3('document'), time: new Date().toISOString(), signer: 'y'.repeat(80) });
const rawSign = await rate(SECONDS, () => sm2.doSignature(message, keys.privateKey, { hash: true, publicKey: keys.publicKey }));

const doc = (i: number) => sampleDocument({ docNumber: `乌政办发〔2026〕${i + 2}号` });
const renderRate = await rate(SECONDS, (i) => renderOfficialDocument(doc(i)));
const seal = sealImagePng();
const ofdRate = await rate(Math.max(2, SECONDS / 2), (i) => renderOfficialDocumentOfd(doc(i), { sealPng: seal }));
let size = 0;
let count = 0;
const sealRate = await rate(SECONDS, async (i) => {
  const d = doc(i);
  const pdf = await renderOfficialDocument(d);
  size += pdf.length;
  count++;
  await p.kernel.db
    .transaction()
    .execute((trx) =>
      p.licenses.officeSealer.seal(trx, { who, departmentId: dept.id, pdf, title: d.title, fileName: `${d.docNumber}.pdf`, ownerId: accountId, regionCode: '152201', reference: d.docNumber }),
    );
});

console.log(`database: ${database.kind}, ${SECONDS} s per measurement, one document at a time (CPU-bound)`);
console.log(`raw SM2 sign (sm-crypto-v2, SM3 + Z):      ${rawSign.toFixed(0)} /s`);
console.log(`公文 rendered (GB/T 9704 PDF, 3 pages):     ${renderRate.toFixed(1)} /s`);
console.log(`公文 rendered as OFD:                       ${ofdRate.toFixed(1)} /s`);
console.log(`公文 rendered + sealed + stored + registered: ${sealRate.toFixed(1)} /s   (PDF ${(size / Math.max(1, count) / 1024).toFixed(0)} KiB on average)`);
console.log(`ratio sealed 公文 / raw SM2 sign:           ${((sealRate / rawSign) * 100).toFixed(2)} %  (1 : ${(rawSign / sealRate).toFixed(0)})`);
await close();
