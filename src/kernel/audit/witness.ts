import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { XMLParser } from 'fast-xml-parser';
import type { HashAlg } from '../crypto/hash.ts';
import type { S3Settings } from '../files/blobs.ts';
import type { LaneHead } from './verify.ts';

/** A signed checkpoint as a witness keeps it: enough to check it without the database. */
export interface WitnessRecord {
  /** Lane 0's position, or the sum of every lane's position when `lanes` is given. */
  pos: number;
  /** Lane 0's head hash, or the digest of `lanes` (`lanesDigest`). */
  hash: string;
  /** Signing time, `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  at: string;
  alg: HashAlg;
  publicKey: string;
  signature: string;
  /** Every lane's head, when the ledger has more lanes than lane 0. */
  lanes?: LaneHead[];
}

export interface WitnessReading {
  records: WitnessRecord[];
  /** Records that could not be read (named, e.g. `line 12` or an object key). */
  unreadable: string[];
}

/**
 * A place outside the database that keeps every signed checkpoint and is not writable by whoever
 * can write the database: an append-only file on another volume, or an S3 bucket with object lock.
 */
export interface AuditWitness {
  /** Where, for operators (`file /mnt/witness/audit.jsonl`). */
  readonly name: string;
  append(r: WitnessRecord): Promise<void>;
  read(): Promise<WitnessReading>;
}

function parseRecord(text: string): WitnessRecord | null {
  try {
    const r = JSON.parse(text) as WitnessRecord;
    const ok =
      Number.isSafeInteger(r.pos) &&
      r.pos > 0 &&
      typeof r.hash === 'string' &&
      typeof r.at === 'string' &&
      (r.alg === 'sm3' || r.alg === 'sha256') &&
      typeof r.publicKey === 'string' &&
      typeof r.signature === 'string' &&
      (r.lanes === undefined ||
        (Array.isArray(r.lanes) && r.lanes.every((l) => Number.isSafeInteger(l?.lane) && l.lane >= 0 && Number.isSafeInteger(l.pos) && l.pos >= 0 && typeof l.hash === 'string')));
    return ok ? r : null;
  } catch {
    return null;
  }
}

/**
 * One JSON line per checkpoint, appended and flushed to disk before the checkpoint commits. Put it
 * on another volume than the database and make it append-only (`chattr +a`), owned by another user.
 */
export class FileWitness implements AuditWitness {
  readonly name: string;
  constructor(private readonly file: string) {
    this.name = `file ${file}`;
  }
  async append(r: WitnessRecord): Promise<void> {
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    const fh = await fs.promises.open(this.file, 'a');
    try {
      await fh.write(`${JSON.stringify(r)}\n`);
      await fh.datasync();
    } finally {
      await fh.close();
    }
  }
  async read(): Promise<WitnessReading> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], unreadable: [] };
      throw err;
    }
    const records: WitnessRecord[] = [];
    const unreadable: string[] = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const r = parseRecord(line);
      if (r) records.push(r);
      else unreadable.push(`line ${i + 1}`);
    });
    return { records, unreadable };
  }
}

export interface S3WitnessSettings extends S3Settings {
  /** Days each checkpoint object stays locked (COMPLIANCE mode: nobody can delete it before). */
  retentionDays: number;
}

const PREFIX = 'audit-checkpoints/';
const TIMEOUT_MS = 10_000;

/**
 * One object per checkpoint, written with S3 Object Lock in COMPLIANCE mode (the bucket must be
 * created with object lock enabled) and `If-None-Match: *`, so an existing checkpoint is never
 * overwritten. Keys sort by position.
 */
export class S3Witness implements AuditWitness {
  readonly name: string;
  private readonly client: AwsClient;
  constructor(private readonly s3: S3WitnessSettings) {
    this.name = `s3 ${s3.endpoint.replace(/\/$/, '')}/${s3.bucket}/${PREFIX}`;
    this.client = new AwsClient({ accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, region: s3.region, service: 's3' });
  }
  private base(): string {
    return `${this.s3.endpoint.replace(/\/$/, '')}/${this.s3.bucket}`;
  }
  private async fetch(url: string, init: RequestInit): Promise<Response> {
    return this.client.fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  }
  async append(r: WitnessRecord): Promise<void> {
    const body = JSON.stringify(r);
    const retainUntil = new Date(Date.now() + this.s3.retentionDays * 86_400_000).toISOString();
    const res = await this.fetch(`${this.base()}/${PREFIX}${String(r.pos).padStart(19, '0')}.json`, {
      method: 'PUT',
      body,
      headers: {
        'content-type': 'application/json',
        'content-md5': createHash('md5').update(body).digest('base64'),
        'if-none-match': '*',
        'x-amz-object-lock-mode': 'COMPLIANCE',
        'x-amz-object-lock-retain-until-date': retainUntil,
      },
    });
    if (!res.ok) throw new Error(`audit witness: object store answered ${res.status} on PUT`);
  }
  async read(): Promise<WitnessReading> {
    const keys: string[] = [];
    const parser = new XMLParser();
    let token: string | undefined;
    do {
      const q = new URLSearchParams({ 'list-type': '2', prefix: PREFIX, ...(token ? { 'continuation-token': token } : {}) });
      const res = await this.fetch(`${this.base()}?${q}`, { method: 'GET' });
      if (!res.ok) throw new Error(`audit witness: object store answered ${res.status} on LIST`);
      const list = parser.parse(await res.text()).ListBucketResult ?? {};
      const contents = list.Contents === undefined ? [] : Array.isArray(list.Contents) ? list.Contents : [list.Contents];
      for (const c of contents) keys.push(String(c.Key));
      token = list.IsTruncated === true || list.IsTruncated === 'true' ? String(list.NextContinuationToken) : undefined;
    } while (token);
    const records: WitnessRecord[] = [];
    const unreadable: string[] = [];
    // A few at a time: enough to be quick, few enough to be polite to the store.
    for (let i = 0; i < keys.length; i += 8) {
      await Promise.all(
        keys.slice(i, i + 8).map(async (key) => {
          const res = await this.fetch(`${this.base()}/${key.split('/').map(encodeURIComponent).join('/')}`, { method: 'GET' });
          const r = res.ok ? parseRecord(await res.text()) : null;
          if (r) records.push(r);
          else unreadable.push(key);
        }),
      );
    }
    records.sort((a, b) => a.pos - b.pos);
    return { records, unreadable };
  }
}
