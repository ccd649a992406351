/**
 * 电子档案 四性检测 (DA/T 70) over 1,000 archive packages, beside the raw SM3 hashing of the same
 * bytes measured in the same run:
 *
 *   check:  every check of a package — SM3 of each file against the manifest, the SM2 signature
 *           over the manifest, metadata types and ranges, structure, formats by magic bytes, each
 *           PDF parsed (opens, not encrypted, its title against the metadata), scripts and sizes —
 *           packages per second
 *   raw:    SM3 of every file of every package, nothing else — packages per second
 *
 * The ratio says what the checks beyond hashing cost (the SM2 verification and PDF parsing
 * dominate). Pure: the packages are built in memory, as ingest builds them before storing.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PlatformCrypto, generateKeys } from '../src/kernel/crypto/index.ts';
import { assemble, checkPackage, metadataOf, sm3Hex, type PackageFile } from '../src/modules/office/archives/index.ts';
import type { ArchivableRecord } from '../src/modules/office/ports.ts';

const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 1000);
const crypto = new PlatformCrypto(generateKeys(), 'sm3');

async function pdf(title: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`Page ${i + 1} `.repeat(40), { x: 40, y: 780, size: 9, font });
  return doc.save();
}

const body = await pdf('template', 3);
const packages: PackageFile[][] = [];
const now = new Date('2026-11-20T08:00:00Z');
for (let i = 0; i < PACKAGES; i++) {
  const title = `关于第${i + 1}项工作的通知`;
  const record: ArchivableRecord = {
    kind: 'document',
    id: `bench-${i}`,
    regionCode: '152201',
    departmentId: 'd',
    responsible: '乌兰浩特市人民政府办公室',
    title,
    reference: `乌政办发〔2026〕${i + 1}号`,
    date: '2026-11-20',
    secrecy: null,
    files: [],
    actionLog: [
      { at: now.toISOString(), action: '起草', actor: '文秘', unit: 'BGS', opinion: null },
      { at: now.toISOString(), action: '签发', actor: '领导', unit: 'BGS', opinion: '同意' },
    ],
    metadata: { docType: '通知' },
  };
  const meta = metadataOf(record, { fondsCode: 'Z001', categoryCode: 'WS', year: 2026, retention: 'Y', orgCode: 'BGS', itemNo: i + 1 }, 3, now);
  const json = new TextEncoder().encode(JSON.stringify({ 题名: title, 文号: record.reference, 正文: ['一、总体要求', '二、工作安排'.repeat(50)] }));
  packages.push(
    assemble(
      meta,
      [
        { role: 'content', name: '正文.pdf', bytes: body },
        { role: 'content', name: '稿纸.json', bytes: json },
      ],
      record.actionLog,
      now,
      (t) => crypto.sign(t),
    ).files,
  );
}
const bytes = packages.reduce((n, p) => n + p.reduce((m, f) => m + f.bytes.length, 0), 0);
const ctx = { publicKey: crypto.signPublicKey, recordedManifestSm3: null, sequenceGapFree: true, maxFileBytes: 20 * 1024 * 1024 };

// Warm up both paths once, then time each over all packages.
await checkPackage(packages[0], ctx);
for (const f of packages[0]) sm3Hex(f.bytes);

let start = performance.now();
let failed = 0;
for (const p of packages) if (!(await checkPackage(p, ctx)).passed) failed++;
const checkSeconds = (performance.now() - start) / 1000;

start = performance.now();
for (const p of packages) for (const f of p) sm3Hex(f.bytes);
const rawSeconds = (performance.now() - start) / 1000;

const checkRate = PACKAGES / checkSeconds;
const rawRate = PACKAGES / rawSeconds;
console.log(`packages: ${PACKAGES} (${(bytes / 1024 / 1024).toFixed(1)} MiB, ${packages[0].length} files each), failed: ${failed}`);
console.log(`四性检测:   ${checkRate.toFixed(1)} packages/s`);
console.log(`raw SM3:    ${rawRate.toFixed(1)} packages/s`);
console.log(`ratio:      ${(checkRate / rawRate).toFixed(4)} of raw hashing`);
if (failed) process.exitCode = 1;
