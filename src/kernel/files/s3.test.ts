import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import S3rver from 's3rver';
import { multipart } from '../../testing/multipart.ts';
import { samplePng } from '../../testing/samples.ts';
import { bearer, department, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

// s3rver is an independent S3-compatible server (it accepts any signature, so signing itself is not
// checked here): a real peer for the object-store protocol.
describe('materials in an S3-compatible object store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-s3-'));
  let server: S3rver;
  let t: TestPlatform;
  let token: string;
  let endpoint = '';
  beforeAll(async () => {
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'yiwang-files', configs: [] }] });
    const { port } = (await server.run()) as unknown as { port: number };
    endpoint = `http://127.0.0.1:${port}`;
    t = await startTestPlatform({ fileStorage: 's3', s3Endpoint: endpoint, s3Bucket: 'yiwang-files', s3AccessKeyId: 'S3RVER', s3SecretAccessKey: 'S3RVER' });
    token = await staffToken(t, ['window_staff'], (await department(t)).id);
  });
  afterAll(async () => {
    await t.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores the upload in the bucket, not on local disk, and serves it back unchanged', async () => {
    const png = samplePng(16);
    const req = multipart('现场照片.png', 'image/png', png);
    const up = await t.app.inject({ method: 'POST', url: '/api/files', payload: req.payload, headers: { ...req.headers, ...bearer(token) } });
    expect(up.statusCode).toBe(201);
    const id = up.json().id as string;
    const inBucket = fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.includes(id));
    expect(inBucket.length).toBeGreaterThan(0);
    const local = path.join(t.p.kernel.config.dataDir, 'files');
    const localFiles = fs.existsSync(local)
      ? fs
          .readdirSync(local, { recursive: true })
          .map(String)
          .filter((f) => fs.statSync(path.join(local, f)).isFile())
      : [];
    expect(localFiles).toEqual([]);
    const down = await t.app.inject({ url: `/api/files/${id}`, headers: bearer(token) });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(png)).toBe(true);
  });

  it('records nothing when the object store refuses the upload (missing bucket)', async () => {
    const bad = await startTestPlatform({ fileStorage: 's3', s3Endpoint: endpoint, s3Bucket: 'no-such-bucket', s3AccessKeyId: 'S3RVER', s3SecretAccessKey: 'S3RVER' });
    try {
      const who = await staffToken(bad, ['window_staff'], (await department(bad)).id);
      const req = multipart('a.txt', 'text/plain', Buffer.from('材料内容'));
      const up = await bad.app.inject({ method: 'POST', url: '/api/files', payload: req.payload, headers: { ...req.headers, ...bearer(who) } });
      expect(up.statusCode).toBe(500);
      expect(up.json().code).toBe('INTERNAL');
      expect(await bad.p.kernel.db.selectFrom('kernel_file').select('id').execute()).toEqual([]);
    } finally {
      await bad.close();
    }
  });

  it('refuses to start without the object store settings, naming what is missing', async () => {
    const { loadConfig } = await import('../config/index.ts');
    expect(() => loadConfig({ YIWANG_FILE_STORAGE: 's3', YIWANG_S3_SECRET_ACCESS_KEY: 'top-secret' }, {}, dir)).toThrow(/s3Endpoint/);
    try {
      loadConfig({ YIWANG_FILE_STORAGE: 's3', YIWANG_S3_ENDPOINT: 'ftp://x', YIWANG_S3_SECRET_ACCESS_KEY: 'top-secret' }, {}, dir);
    } catch (err) {
      expect((err as Error).message).not.toContain('top-secret');
    }
  });
});
