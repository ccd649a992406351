import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { BlobStore } from './blobs.ts';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock/index.ts';
import type { Db, Executor, Tx } from '../db/index.ts';
import { DomainError } from '../http/errors.ts';
import { FileErrors } from './errors.ts';
import { inspectFile } from './inspect.ts';
import { InputErrors, isInvalidText } from '../http/input-guard.ts';

export { filesMigration, fileOwnersMigration } from './migration.ts';

/**
 * The owner of a file a module keeps for itself (a sealed licence, say). Such files are never served
 * by the generic download route, whatever the caller's `file.read`: only the module's own routes,
 * with its own checks, hand them out.
 */
export const moduleOwner = (module: string) => `module:${module}`;
export const isModuleOwned = (ownerId: string) => ownerId.startsWith('module:');
export { LocalBlobStore, S3BlobStore, type BlobStore } from './blobs.ts';

export interface StoredFile {
  id: string;
  regionCode: string;
  ownerId: string;
  name: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
}

export { FileErrors } from './errors.ts';

/** An upload received in full and checked, waiting in a temporary file to be kept or dropped. */
export interface ReceivedFile {
  id: string;
  tmpPath: string;
  name: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
}

/** Older than the longest possible upload (requestTimeoutMs is at most an hour). */
const STALE_TMP_MS = 2 * 3600_000;

export interface FileLimits {
  maxBytes: number;
  /** What an OFD container may unpack to. */
  maxUnpackedBytes: number;
  maxEntries: number;
}

/**
 * Materials: contents in a blob store (local disk or S3-compatible), metadata and the SHA-256
 * content hash in `kernel_file`. Reading a file is always a separate, authorised call.
 *
 * An upload from a client is received first (`receive`, no database connection held while the
 * client sends), then kept (`keep`, a short transaction for the metadata row).
 */
export class FileStore {
  private readonly tmpDir: string;
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    dataDir: string,
    private readonly limits: FileLimits,
    private readonly allowed: readonly string[],
    private readonly blobs: BlobStore,
  ) {
    this.tmpDir = path.resolve(dataDir, 'files', 'tmp');
    this.sweepTemporary();
  }

  /**
   * Removes temporary files a previous process left when it died mid-upload. Only old ones: another
   * process on the same data folder may be receiving right now, and no upload outlives the request
   * timeout (at most an hour).
   */
  private sweepTemporary(): void {
    if (!fs.existsSync(this.tmpDir)) return;
    const before = Date.now() - STALE_TMP_MS;
    for (const name of fs.readdirSync(this.tmpDir)) {
      const p = path.join(this.tmpDir, name);
      try {
        if (fs.statSync(p).mtimeMs < before) fs.rmSync(p, { force: true });
      } catch {
        // Gone already (another process swept it).
      }
    }
  }

  /**
   * Streams an upload to a temporary file, checking size on the way and the real type by its
   * content afterwards. On any failure — a check, or the client going away — the temporary file is
   * removed and the error is thrown.
   */
  async receive(input: { stream: Readable; name: string; declaredMime: string }, origin: 'client' | 'platform' = 'client'): Promise<ReceivedFile> {
    // The multipart parser destroys the part when the body ends before its closing boundary, which
    // can happen before we start reading: such a stream never ends nor fails, so waiting would hang.
    if (input.stream.destroyed) throw FileErrors.incomplete();
    // A name PostgreSQL would refuse is refused before a byte reaches the disk.
    if (isInvalidText(input.name)) throw InputErrors.invalidText('/file/filename');
    const id = uuidv7();
    fs.mkdirSync(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, id);
    const hash = createHash('sha256');
    let size = 0;
    const max = this.limits.maxBytes;
    const checker = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > max) return cb(FileErrors.tooLarge(max));
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(input.stream, checker, fs.createWriteStream(tmp, { flags: 'wx' }));
      if ((input.stream as Readable & { truncated?: boolean }).truncated) throw FileErrors.tooLarge(max);
      if (size === 0) throw FileErrors.empty();
      // A text the platform writes (a result notice) may quote what people typed, "<" and all; it is
      // served as an attachment of type text/plain, never rendered.
      const mime = await inspectFile(tmp, size, { maxUnpackedBytes: this.limits.maxUnpackedBytes, maxEntries: this.limits.maxEntries }, { markupInText: origin === 'platform' });
      const declared = input.declaredMime.split(';')[0].trim().toLowerCase();
      if (!this.allowed.includes(mime) || (declared !== 'application/octet-stream' && declared !== mime)) throw FileErrors.badType();
      return { id, tmpPath: tmp, name: input.name.slice(0, 255), mime, sizeBytes: size, sha256: hash.digest('hex') };
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      if (err instanceof DomainError) throw err;
      const code = (err as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw FileErrors.tooLarge(max);
      // A client that goes away mid-upload is not a server failure (and must not flood the error log).
      if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'ERR_STREAM_DESTROYED') throw FileErrors.incomplete();
      throw err;
    }
  }

  /** Removes a received file that will not be kept. */
  discard(received: ReceivedFile): void {
    fs.rmSync(received.tmpPath, { force: true });
  }

  /**
   * Hands a received file to the blob store, then records it in one short transaction together
   * with whatever `within` writes (the audit entry). If the transaction fails, the blob goes too.
   */
  async keep(received: ReceivedFile, owner: { ownerId: string; regionCode: string }, within?: (trx: Tx, file: StoredFile) => Promise<void>): Promise<StoredFile> {
    const key = this.keyOf(received.id);
    try {
      await this.blobs.put(key, received.tmpPath, { size: received.sizeBytes, sha256: received.sha256, mime: received.mime });
    } finally {
      this.discard(received);
    }
    try {
      return await this.db.transaction().execute(async (trx) => {
        const file = await this.insert(trx, received, owner, key);
        await within?.(trx, file);
        return file;
      });
    } catch (err) {
      await this.blobs.delete(key).catch(() => undefined);
      throw err;
    }
  }

  /**
   * Stores content the platform itself produces (a sealed licence, a result notice) inside the
   * caller's transaction. Only for in-process streams: a client's upload goes through `receive`.
   */
  async save(trx: Executor, input: { stream: Readable; name: string; declaredMime: string; ownerId: string; regionCode: string }): Promise<StoredFile> {
    const received = await this.receive(input, 'platform').catch((err: unknown) => {
      // The platform refusing its own document is a defect, not the caller's mistake: say which one.
      if (err instanceof DomainError) throw new Error(`the platform's own file ${input.name} (${input.declaredMime}) was refused: ${err.code}`, { cause: err });
      throw err;
    });
    const key = this.keyOf(received.id);
    try {
      await this.blobs.put(key, received.tmpPath, { size: received.sizeBytes, sha256: received.sha256, mime: received.mime });
    } finally {
      this.discard(received);
    }
    return this.insert(trx, received, input, key);
  }

  private keyOf(id: string): string {
    return `${id.slice(0, 8)}/${id}`;
  }

  private async insert(trx: Executor, r: ReceivedFile, owner: { ownerId: string; regionCode: string }, key: string): Promise<StoredFile> {
    const file: StoredFile = { id: r.id, regionCode: owner.regionCode, ownerId: owner.ownerId, name: r.name, mime: r.mime, sizeBytes: r.sizeBytes, sha256: r.sha256, createdAt: this.clock.now() };
    await trx
      .insertInto('kernel_file')
      .values({
        id: r.id,
        region_code: file.regionCode,
        owner_id: file.ownerId,
        name: file.name,
        mime: file.mime,
        size_bytes: file.sizeBytes,
        sha256: file.sha256,
        storage_key: key,
        created_at: file.createdAt,
      })
      .execute();
    return file;
  }

  async find(id: string): Promise<(StoredFile & { storageKey: string }) | null> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return null;
    const r = await this.db.selectFrom('kernel_file').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      regionCode: r.region_code,
      ownerId: r.owner_id,
      name: r.name,
      mime: r.mime,
      sizeBytes: Number(r.size_bytes),
      sha256: r.sha256,
      createdAt: new Date(r.created_at),
      storageKey: r.storage_key,
    };
  }

  /** Opens the content; call only after the caller's access was checked. */
  open(file: { storageKey: string }): Promise<Readable> {
    return this.blobs.get(file.storageKey);
  }
}
