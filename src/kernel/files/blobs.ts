import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AwsClient } from 'aws4fetch';
import { Errors } from '../http/errors.ts';

/** Where file contents live. Metadata and access checks stay in the database and FileStore. */
export interface BlobStore {
  /** Takes over the verified temporary file at `tmpPath` under `key`. */
  put(key: string, tmpPath: string, meta: { size: number; sha256: string; mime: string }): Promise<void>;
  /**
   * Stores verified bytes held in memory under `key`: the same content at the same place as `put`
   * would leave, without a temporary file. The key is new (no row names it until the caller's
   * transaction commits), so nobody reads it while it is being written.
   */
  putBytes(key: string, bytes: Buffer, meta: { size: number; sha256: string; mime: string }): Promise<void>;
  get(key: string): Promise<Readable>;
  /** Removes what `put` stored, when the metadata row that would point to it was not written. */
  delete(key: string): Promise<void>;
}

/**
 * Up to this size a file is written synchronously. An asynchronous write goes through libuv's
 * thread pool, which costs several times the CPU of the write itself (measured here: about 0.75 ms
 * against 0.1 ms for a 36 KiB licence), while a small write to the page cache holds the event loop
 * for a fraction of a millisecond. Larger files are written asynchronously, off the event loop.
 */
const SYNC_WRITE_MAX = 1024 * 1024;

const writeOnce = async (target: string, bytes: Buffer) => (bytes.length <= SYNC_WRITE_MAX ? fs.writeFileSync(target, bytes, { flag: 'wx' }) : fs.promises.writeFile(target, bytes, { flag: 'wx' }));

/** Files under `<dataDir>/files/<key>`. */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}
  async put(key: string, tmpPath: string): Promise<void> {
    const target = path.join(this.root, key);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(tmpPath, target);
  }
  async putBytes(key: string, bytes: Buffer): Promise<void> {
    const target = path.join(this.root, key);
    // 'wx': a key is written once; its folder exists already for every file of the same minute or so.
    try {
      await writeOnce(target, bytes);
    } catch (err) {
      if ((err as { code?: string }).code !== 'ENOENT') throw err;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await writeOnce(target, bytes);
    }
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
      await this.putBytes(key, fs.readFileSync(tmpPath), meta);
    } finally {
      fs.rmSync(tmpPath, { force: true });
    }
  }
  async putBytes(key: string, body: Buffer, meta: { size: number; sha256: string; mime: string }): Promise<void> {
    const res = await this.client.fetch(this.url(key), {
      method: 'PUT',
      // A Node Buffer is a Uint8Array; only its type leaves open a SharedArrayBuffer, which fetch refuses.
      body: body as Uint8Array<ArrayBuffer>,
      headers: { 'content-type': meta.mime, 'content-length': String(meta.size), 'x-amz-content-sha256': meta.sha256 },
      // A store that stops answering must not hold the upload (and its request) forever.
      signal: AbortSignal.timeout(S3_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`object store answered ${res.status} on PUT`);
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
