import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../testing/multipart.ts';
import { sampleJpeg, sampleOfd, samplePdf, samplePng, zip } from '../../testing/samples.ts';
import { isModuleOwned, moduleOwner } from './index.ts';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

describe('materials (files)', () => {
  let t: TestPlatform;
  let owner: string;
  let colleague: string;
  let grid: string;
  const pdf = samplePdf(`营业执照 ${'a'.repeat(1200)}`);
  beforeAll(async () => {
    t = await startTestPlatform({ fileMaxBytes: 64 * 1024, fileMaxUnpackedBytes: 1024 * 1024 });
    const d = await department(t);
    owner = await staffToken(t, ['grid_worker'], d.id);
    colleague = await staffToken(t, ['window_staff'], d.id);
    grid = await staffToken(t, ['grid_worker'], d.id);
  });
  afterAll(() => t.close());

  const stored = async () => (await t.p.kernel.db.selectFrom('kernel_file').select('id').execute()).length;
  const filesOnDisk = () => {
    const dir = path.join(t.p.kernel.config.dataDir, 'files');
    return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, String(f))).isFile()).length : 0;
  };

  it('stores an upload with its hash and gives it back to its owner and to staff allowed to read files', async () => {
    const req = multipart('营业执照.pdf', 'application/pdf', pdf);
    const up = await t.app.inject({ method: 'POST', url: '/api/files', payload: req.payload, headers: { ...req.headers, ...bearer(owner) } });
    expect(up.statusCode).toBe(201);
    const meta = up.json();
    expect(meta).toMatchObject({ name: '营业执照.pdf', mime: 'application/pdf', sizeBytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
    const down = await t.app.inject({ url: `/api/files/${meta.id}`, headers: bearer(owner) });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect((await t.app.inject({ url: `/api/files/${meta.id}`, headers: bearer(colleague) })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/files/${meta.id}`, headers: bearer(grid) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/files/${meta.id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/files/not-an-id', headers: bearer(owner) })).statusCode).toBe(404);
  });

  it('does not serve a file a module keeps for itself, even to staff allowed to read files', async () => {
    const k = t.p.kernel;
    const kept = await k.db
      .transaction()
      .execute((trx) => k.files.save(trx, { stream: Readable.from([pdf]), name: '营业执照-v1.pdf', declaredMime: 'application/pdf', ownerId: moduleOwner('licenses'), regionCode: '152201' }));
    const res = await t.app.inject({ url: `/api/files/${kept.id}`, headers: bearer(colleague) });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('%PDF');
    // A module-owned file cannot be confused with an account's upload.
    expect(isModuleOwned(kept.ownerId)).toBe(true);
  });

  it('refuses a renamed executable, an oversized file, an empty one and a non-multipart body, keeping nothing', async () => {
    const before = { rows: await stored(), disk: filesOnDisk() };
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200, 0)]);
    const cases = [
      { req: multipart('证明.pdf', 'application/pdf', exe), status: 415, code: 'FILE_TYPE_NOT_ALLOWED' },
      { req: multipart('图片.png', 'image/png', pdf), status: 415, code: 'FILE_TYPE_NOT_ALLOWED' },
      { req: multipart('大文件.pdf', 'application/pdf', samplePdf('b'.repeat(70_000))), status: 413, code: 'FILE_TOO_LARGE' },
      { req: multipart('空.txt', 'text/plain', Buffer.alloc(0)), status: 400, code: 'FILE_EMPTY' },
      { req: { payload: JSON.stringify({ file: 'x' }), headers: { 'content-type': 'application/json' } }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/files', payload: c.req.payload, headers: { ...c.req.headers, ...bearer(owner) } });
      expect(res.statusCode, c.code).toBe(c.status);
      expect(res.json().code).toBe(c.code);
      expect(res.json().zh).toBeTruthy();
    }
    expect({ rows: await stored(), disk: filesOnDisk() }).toEqual(before);
  });

  const upload = (name: string, type: string, body: Buffer) => {
    const req = multipart(name, type, body);
    return t.app.inject({ method: 'POST', url: '/api/files', payload: req.payload, headers: { ...req.headers, ...bearer(owner) } });
  };

  it('takes an image, a photo, an OFD document and a text by what their bytes are', async () => {
    for (const [name, type, body] of [
      ['现场.png', 'image/png', samplePng()],
      ['照片.jpg', 'image/jpeg', sampleJpeg()],
      ['公文.ofd', 'application/ofd', sampleOfd()],
      ['说明.txt', 'text/plain', Buffer.from('情况说明：金额 < 100 元')],
    ] as const) {
      const res = await upload(name, type, body);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json().mime).toBe(type);
    }
  });

  it('refuses a zip bomb, a ZIP that is no OFD, HTML as text or behind a PDF header, and truncated files, keeping nothing', async () => {
    const before = { rows: await stored(), disk: filesOnDisk() };
    // 200 MB of zeros would pack into ~200 kB; 2 MB into ~2 kB is the same bomb at a test's scale.
    const bomb = sampleOfd([{ name: 'Doc_0/Res/image.bin', data: Buffer.alloc(2 * 1024 * 1024) }]);
    const cases = [
      { name: '炸弹.ofd', type: 'application/ofd', body: bomb, status: 413, code: 'FILE_UNPACKED_TOO_LARGE' },
      { name: '不是.ofd', type: 'application/ofd', body: zip([{ name: 'index.html', data: Buffer.from('<html></html>') }]), status: 415, code: 'FILE_TYPE_NOT_ALLOWED' },
      { name: '页面.txt', type: 'text/plain', body: Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/identity/me")</script></body></html>'), status: 415, code: 'FILE_TYPE_NOT_ALLOWED' },
      {
        name: '页面.pdf',
        type: 'application/pdf',
        body: Buffer.concat([Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n'), samplePdf().subarray(9)]),
        status: 415,
        code: 'FILE_TYPE_NOT_ALLOWED',
      },
      { name: '残缺.pdf', type: 'application/pdf', body: samplePdf().subarray(0, 200), status: 400, code: 'FILE_CONTENT_INVALID' },
      { name: '残缺.png', type: 'image/png', body: samplePng().subarray(0, 50), status: 400, code: 'FILE_CONTENT_INVALID' },
    ];
    for (const c of cases) {
      const res = await upload(c.name, c.type, c.body);
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(c.status);
      expect(res.json()).toMatchObject({ code: c.code, status: c.status });
      expect(res.json().zh).toBeTruthy();
      expect(res.json().en).toBeTruthy();
    }
    expect({ rows: await stored(), disk: filesOnDisk() }).toEqual(before);
  });

  it('answers a body that ends before its closing boundary with a 400, keeping nothing', async () => {
    const before = { rows: await stored(), disk: filesOnDisk() };
    const whole = multipart('半截.pdf', 'application/pdf', samplePdf());
    const cut = whole.payload.subarray(0, whole.payload.length - 40);
    const res = await t.app.inject({ method: 'POST', url: '/api/files', payload: cut, headers: { ...whole.headers, ...bearer(owner) } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().zh).toBeTruthy();
    expect({ rows: await stored(), disk: filesOnDisk() }).toEqual(before);
  });

  it('keeps a text the platform writes even when what it quotes looks like markup', async () => {
    const k = t.p.kernel;
    const text = Buffer.from('意见 / Opinion: 材料齐全 <p> 字样为申请人原文');
    const kept = await k.db
      .transaction()
      .execute((trx) => k.files.save(trx, { stream: Readable.from([text]), name: '办结通知书.txt', declaredMime: 'text/plain', ownerId: moduleOwner('services'), regionCode: '152201' }));
    expect(kept.mime).toBe('text/plain');
  });

  it('stores a document the platform holds in memory byte for byte, without a temporary file', async () => {
    const k = t.p.kernel;
    const tmp = path.join(k.config.dataDir, 'files', 'tmp');
    const tmpBefore = fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
    const kept = await k.db
      .transaction()
      .execute((trx) => k.files.save(trx, { bytes: pdf, name: '证照.pdf', declaredMime: 'application/pdf', ownerId: moduleOwner('licenses'), regionCode: '152201' }));
    expect(kept).toMatchObject({ mime: 'application/pdf', sizeBytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
    const found = (await k.files.find(kept.id))!;
    expect(found).toMatchObject({ mime: 'application/pdf', sizeBytes: pdf.length, sha256: kept.sha256 });
    const chunks: Buffer[] = [];
    for await (const c of await k.files.open(found)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
    // Where an upload of the same bytes would be, as the same bytes.
    expect(fs.readFileSync(path.join(k.config.dataDir, 'files', found.storageKey)).equals(pdf)).toBe(true);
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual(tmpBefore);
  });

  it('refuses the platform’s own document of the wrong type, too large or empty, in memory or streamed, keeping nothing', async () => {
    const k = t.p.kernel;
    const before = { rows: await stored(), disk: filesOnDisk() };
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200, 0)]);
    const cases = [
      { bytes: exe, declaredMime: 'application/pdf', code: 'FILE_TYPE_NOT_ALLOWED' },
      { bytes: samplePng(), declaredMime: 'application/pdf', code: 'FILE_TYPE_NOT_ALLOWED' },
      { bytes: samplePdf().subarray(0, 200), declaredMime: 'application/pdf', code: 'FILE_CONTENT_INVALID' },
      { bytes: samplePdf('b'.repeat(70_000)), declaredMime: 'application/pdf', code: 'FILE_TOO_LARGE' },
      { bytes: Buffer.alloc(0), declaredMime: 'text/plain', code: 'FILE_EMPTY' },
    ];
    for (const c of cases) {
      const owner = { name: '证照.pdf', declaredMime: c.declaredMime, ownerId: moduleOwner('licenses'), regionCode: '152201' };
      for (const content of [{ bytes: c.bytes }, { stream: Readable.from([c.bytes]) }]) {
        const refused = k.db.transaction().execute((trx) => k.files.save(trx, { ...content, ...owner }));
        await expect(refused, c.code).rejects.toThrow(c.code);
      }
    }
    expect({ rows: await stored(), disk: filesOnDisk() }).toEqual(before);
  });

  it('takes a prepared document’s content away again when its row is not written', async () => {
    const k = t.p.kernel;
    const before = { rows: await stored(), disk: filesOnDisk() };
    const prepared = await k.files.prepare({ bytes: pdf, name: '证照.pdf', declaredMime: 'application/pdf', ownerId: moduleOwner('licenses'), regionCode: '152201' });
    expect(filesOnDisk()).toBe(before.disk + 1);
    await prepared.drop();
    expect({ rows: await stored(), disk: filesOnDisk() }).toEqual(before);
    // save drops it itself when its row is refused (here: a region code PostgreSQL cannot hold).
    const refused = k.db.transaction().execute((trx) => k.files.save(trx, { bytes: pdf, name: '证照.pdf', declaredMime: 'application/pdf', ownerId: moduleOwner('licenses'), regionCode: 'x\u0000' }));
    await expect(refused).rejects.toThrow();
    expect({ rows: await stored(), disk: filesOnDisk() }).toEqual(before);
  });
});
