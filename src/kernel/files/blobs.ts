import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AwsClient } from 'aws4fetch';
import { Errors } from '../http/errors.ts';

/** Where file contents live. Metadata and access checks stay in the database and FileStore. */
export interface BlobStore {
  /** Takes over the verified temporary file at `tmpPath` under `key`. */
  put(key: string, tmpPath: string, meta: { size: number; sha256: string; mime: string }): Promise<void>;
  get(key: string): Promise<Readable>;
  /** Removes what `put` stored, when the metadata row that would point to it was not written. */
  delete(key: string): Promise<void>;
}

/** Files under `<dataDir>/files/<key>`. */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}
  async put(key: string, tmpPath: string): Promise<void> {
    const target = path.join(this.root, key);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(tmpPath, target);
  }
  async get(key: string): Promise<Readable> {
    const p = path.join(this.root, key);
    if (!fs.existsSync(p)) throw Errors.notFound('file');
    return fs.createReadStream(p);
  }
  async delete(key: string): Promise<void> {
    fs.rmSync(path.join(this.root, key), { force: true });
  }
}

const S3_TIMEOUT_MS = 60_000;

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Any S3-compatible object store (MinIO, Ceph, a government cloud's OSS) over signed HTTP with
 * path-style URLs. The SHA-256 computed during upload is sent as the payload hash, so the store
 * itself rejects a body that was altered in transit.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: AwsClient;
  constructor(private readonly s3: S3Settings) {
    this.client = new AwsClient({ accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, region: s3.region, service: 's3' });
  }
  private url(key: string): string {
    return `${this.s3.endpoint.replace(/\/$/, '')}/${this.s3.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }
  async put(key: string, tmpPath: string, meta: { size: number; sha256: string; mime: string }): Promise<void> {
    try {
      // Files are bounded by fileMaxBytes, so a buffer keeps the signing simple.
      const body = fs.readFileSync(tmpPath);
      const res = await this.client.fetch(this.url(key), {
        method: 'PUT',
        body,
        headers: { 'content-type': meta.mime, 'content-length': String(meta.size), 'x-amz-content-sha256': meta.sha256 },
        // A store that stops answering must not hold the upload (and its request) forever.
        signal: AbortSignal.timeout(S3_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`object store answered ${res.status} on PUT`);
    } finally {
      fs.rmSync(tmpPath, { force: true });
    }
  }
  async get(key: string): Promise<Readable> {
    const res = await this.client.fetch(this.url(key), { method: 'GET' });
    if (res.status === 404) throw Errors.notFound('file');
    if (!res.ok || !res.body) throw new Error(`object store answered ${res.status} on GET`);
    return Readable.fromWeb(res.body as never);
  }
  async delete(key: string): Promise<void> {
    const res = await this.client.fetch(this.url(key), { method: 'DELETE', signal: AbortSignal.timeout(S3_TIMEOUT_MS) });
    if (!res.ok && res.status !== 404) throw new Error(`object store answered ${res.status} on DELETE`);
  }
}
