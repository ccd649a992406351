// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectBytes, inspectFile } from './inspect.ts';
import { sampleJpeg, sampleOfd, samplePdf, samplePng, zip } from '../../testing/samples.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-inspect-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const limits = { maxUnpackedBytes: 1024 * 1024, maxEntries: 50 };
let n = 0;
const outcome = (p: Promise<string>) => p.catch((err: { code: string }) => err.code);
/**
 * The type the bytes are taken for, or the code of the refusal. Every case is inspected twice, as a
 * received file on disk and as bytes the platform holds in memory: both must give the same verdict.
 */
async function verdict(bytes: Buffer): Promise<string> {
  const file = path.join(dir, String(++n));
  fs.writeFileSync(file, bytes);
  const fromDisk = await outcome(inspectFile(file, bytes.length, limits));
  expect(await outcome(inspectBytes(bytes, limits)), 'in memory as on disk').toBe(fromDisk);
  return fromDisk;
}

describe('recognising a material by its bytes', () => {
  it('takes whole files of every allowed type', async () => {
    expect(await verdict(samplePdf())).toBe('application/pdf');
    expect(await verdict(samplePng())).toBe('image/png');
    expect(await verdict(sampleJpeg())).toBe('image/jpeg');
    expect(await verdict(sampleOfd())).toBe('application/ofd');
    expect(await verdict(Buffer.from('办结通知书\n申请人：张三\n金额 < 100 元\n'))).toBe('text/plain');
  });

  it('refuses HTML, whether it says it is text or hides behind a PDF header', async () => {
    expect(await verdict(Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await verdict(Buffer.from(`说明\n${'正文'.repeat(40_000)}<script src="//evil.example/x.js"></script>`))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await verdict(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await verdict(Buffer.concat([Buffer.from('%PDF-1.4\n<html><body><script>alert(1)</script>'), samplePdf().subarray(9)]))).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('takes a PDF whose compressed stream data happens to spell a tag, and still refuses a tag in its syntax', async () => {
    // Deflated bytes are arbitrary: these are as a scanner's object stream may come out.
    const streamed = Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length 12 >>\nstream\n\x9c<b \x01<p>\xff\x10\nendstream\nendobj\n', 'latin1');
    expect(await verdict(Buffer.concat([streamed, samplePdf().subarray(9)]))).toBe('application/pdf');
    const inSyntax = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Title <b > >>\nendobj\nstream\nxx\nendstream\n', 'latin1');
    expect(await verdict(Buffer.concat([inSyntax, samplePdf().subarray(9)]))).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses text that is not UTF-8 throughout, or holds NUL bytes', async () => {
    expect(await verdict(Buffer.concat([Buffer.from('正常的开头'.repeat(200)), Buffer.from([0xc3, 0x28])]))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await verdict(Buffer.concat([Buffer.from('a'.repeat(600)), Buffer.from([0])]))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await verdict(Buffer.from('结尾断开').subarray(0, 10))).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses truncated files and anything appended after their end', async () => {
    expect(await verdict(Buffer.from('%PDF-1.4\n% no trailer at all\n'))).toBe('FILE_CONTENT_INVALID');
    expect(await verdict(samplePng().subarray(0, 60))).toBe('FILE_CONTENT_INVALID');
    expect(await verdict(Buffer.concat([samplePng(), Buffer.from('<script>alert(1)</script>')]))).toBe('FILE_CONTENT_INVALID');
    expect(await verdict(Buffer.concat([sampleJpeg(), Buffer.from('<html>')]))).toBe('FILE_CONTENT_INVALID');
  });

  it('takes a ZIP as OFD only when it holds OFD.xml', async () => {
    expect(await verdict(zip([{ name: 'readme.txt', data: Buffer.from('hello') }]))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(
      await verdict(
        zip([
          { name: '../OFD.xml', data: Buffer.from('x') },
          { name: 'OFD.xml', data: Buffer.from('x') },
        ]),
      ),
    ).toBe('FILE_CONTENT_INVALID');
  });

  it('refuses zip bombs from the central directory, and archives that lie about their sizes', async () => {
    // 2 MB of zeros packs into a few kB: over the 1 MB limit, refused without being inflated.
    const bomb = sampleOfd([{ name: 'Doc_0/Res/zeros.bin', data: Buffer.alloc(2 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(10_000);
    expect(await verdict(bomb)).toBe('FILE_UNPACKED_TOO_LARGE');
    // The same bytes claiming to unpack to 100 bytes: caught when inflating stops at the claim.
    expect(await verdict(sampleOfd([{ name: 'Doc_0/Res/zeros.bin', data: Buffer.alloc(2 * 1024 * 1024), declaredSize: 100 }]))).toBe('FILE_CONTENT_INVALID');
    // Entries sharing their bytes (the overlapping-file bomb).
    const one = Buffer.alloc(300 * 1024, 1);
    expect(
      await verdict(
        zip(
          [
            { name: 'OFD.xml', data: one },
            { name: 'a', data: one },
            { name: 'b', data: one },
          ],
          { overlap: true },
        ),
      ),
    ).toBe('FILE_CONTENT_INVALID');
    // Too many entries.
    expect(await verdict(sampleOfd(Array.from({ length: 60 }, (_, i) => ({ name: `Doc_0/p${i}.xml`, data: Buffer.from('<p/>') }))))).toBe('FILE_UNPACKED_TOO_LARGE');
    // A file that only starts like a ZIP.
    expect(await verdict(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]))).toBe('FILE_CONTENT_INVALID');
  });
});
