import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../testing/kernel.ts';
import { changeEvents } from '../events/index.ts';

// s3rver is an independent S3-compatible server (it does not enforce object lock; the headers are
// AWS's): a real peer for the protocol the witness speaks.
describe('audit checkpoints witnessed in an S3 bucket', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-witness-'));
  let server: S3rver;
  let endpoint = '';
  let t: TestKernel;
  const s3 = (bucket: string) => ({
    auditWitness: 's3' as const,
    auditWitnessS3Bucket: bucket,
    auditWitnessS3Endpoint: endpoint,
    auditWitnessS3AccessKeyId: 'S3RVER',
    auditWitnessS3SecretAccessKey: 'S3RVER',
  });
  const write = (p: TestKernel, n: number) =>
    p.k.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++)
        await p.k.recordChange(trx, { actor: { id: 'tester', type: 'staff' }, action: 'tested', objectType: 'test.thing', objectId: `obj-${i}`, regionCode: '152201', change: { i } });
    });

  beforeAll(async () => {
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'yiwang-audit', configs: [] }] });
    const { port } = (await server.run()) as unknown as { port: number };
    endpoint = `http://127.0.0.1:${port}`;
    t = await startTestKernel(s3('yiwang-audit'), { events: changeEvents('test.thing', ['tested']) });
  });
  afterAll(async () => {
    await t.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('puts one object per checkpoint and verify reads them back', async () => {
    await write(t, 4);
    expect(await t.k.audit.sealAll()).toBe(4);
    await write(t, 3);
    expect(await t.k.audit.sealAll()).toBe(3);
    const objects = fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => /audit-checkpoints\/\d+\.json\._S3rver_object$/.test(f));
    expect(objects.sort()).toEqual(['yiwang-audit/audit-checkpoints/0000000000000000004.json._S3rver_object', 'yiwang-audit/audit-checkpoints/0000000000000000007.json._S3rver_object']);
    expect(await t.k.audit.verify()).toMatchObject({ ok: true, linked: 7, checkpoints: 2, witness: { checkpoints: 2, lastPos: 7 } });
  });

  it('names checkpoints and a tail deleted from the database', async () => {
    await sql`DELETE FROM kernel_audit_entry WHERE chain_pos > 4`.execute(t.k.db);
    await sql`DELETE FROM kernel_audit_checkpoint`.execute(t.k.db);
    await sql`UPDATE kernel_audit_head SET seq = 4, hash = (SELECT entry_hash FROM kernel_audit_entry WHERE chain_pos = 4)`.execute(t.k.db);
    const r = await t.k.audit.verify();
    expect(r.problems.map((p) => `${p.kind}@${p.chainPos}`)).toEqual(['checkpoint-deleted@4', 'tail-removed@5', 'checkpoint-deleted@7']);
  });

  it('keeps no checkpoint the witness did not take', async () => {
    const bad = await startTestKernel(s3('no-such-bucket'), { events: changeEvents('test.thing', ['tested']) });
    try {
      await write(bad, 2);
      await expect(bad.k.audit.seal()).rejects.toThrow(/object store answered 404/);
      expect(await bad.k.db.selectFrom('kernel_audit_checkpoint').selectAll().execute()).toEqual([]);
    } finally {
      await bad.close();
    }
  });
});
