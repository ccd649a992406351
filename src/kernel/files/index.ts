import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { RawBuilder } from 'kysely';
import type { BlobStore } from './blobs.ts';
import { newId as uuidv7 } from '../ids/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Db, Executor, Tx } from '../db/index.ts';
import { DomainError } from '../http/errors.ts';
import { FileErrors } from './errors.ts';
import { inspectBytes, inspectFile } from './inspect.ts';
import { insertRowSql, type ColumnTypes } from '../db/row-sql.ts';
import type { KernelFileTable } from '../tables.ts';
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

/** Content the platform produced, in memory or as an in-process stream. */
export type PlatformFile = ({ bytes: Buffer } | { stream: Readable }) & { name: string; declaredMime: string; ownerId: string; regionCode: string };

/** A document whose content is stored and whose metadata row is yet to be written (see `FileStore.prepare`). */
export interface PreparedFile {
  file: StoredFile;
  /** The INSERT of its `kernel_file` row. */
  record: RawBuilder<unknown>;
  /** Removes the stored content; for when the row is not written after all. */
  drop(): Promise<void>;
}

/** A `kernel_file` row as written (the table's columns, the time as a Date). */
type FileRow = Omit<KernelFileTable, 'created_at'> & { created_at: Date };

const FILE_TYPES: ColumnTypes<FileRow> = {
  id: 'uuid',
  region_code: 'text',
  owner_id: 'text',
  name: 'text',
  mime: 'text',
  size_bytes: 'bigint',
  sha256: 'text',
  storage_key: 'text',
  created_at: 'timestamptz',
};

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
 * client sends), then kept (`keep`, a short transaction for the metadata row). What the platform
 * makes itself is already in memory: it is checked there and written once (`save`, `prepare`).
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
  async receive(input: { stream: Readable; name: string; declaredMime: string }): Promise<ReceivedFile> {
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
      const mime = await inspectFile(tmp, size, { maxUnpackedBytes: this.limits.maxUnpackedBytes, maxEntries: this.limits.maxEntries });
      this.checkType(mime, input.declaredMime);
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
   * caller's transaction. Only for in-process content: a client's upload goes through `receive`.
   * A stream is read into memory first (bounded by the size limit), then stored as `prepare` does.
   */
  async save(trx: Executor, input: PlatformFile): Promise<StoredFile> {
    const bytes = 'bytes' in input ? input.bytes : await this.collect(input);
    const prepared = await this.prepare({ ...input, bytes });
    try {
      await prepared.record.execute(trx);
    } catch (err) {
      await prepared.drop().catch(() => undefined);
      throw err;
    }
    return prepared.file;
  }

  /**
   * Checks a document the platform made, held in memory, exactly as an upload is checked (size,
   * name, the type read from its bytes), and puts its content in the blob store under a new key
   * without a temporary file. Gives back the file, the statement that records it — the caller runs
   * it in its transaction, alone or as part of its own statement — and `drop`, which removes the
   * content again when that transaction does not go through.
   */
  async prepare(input: { bytes: Buffer; name: string; declaredMime: string; ownerId: string; regionCode: string }): Promise<PreparedFile> {
    const checked = await this.check(input).catch((err: unknown) => {
      // The platform refusing its own document is a defect, not the caller's mistake: say which one.
      if (err instanceof DomainError) throw new Error(`the platform's own file ${input.name} (${input.declaredMime}) was refused: ${err.code}`, { cause: err });
      throw err;
    });
    const key = this.keyOf(checked.id);
    await this.blobs.putBytes(key, input.bytes, { size: checked.sizeBytes, sha256: checked.sha256, mime: checked.mime });
    const file: StoredFile = { ...checked, regionCode: input.regionCode, ownerId: input.ownerId, createdAt: this.clock.now() };
    return { file, record: insertRowSql('kernel_file', this.row(file, key), FILE_TYPES), drop: () => this.blobs.delete(key) };
  }

  /** The checks of `receive`, on bytes in memory. */
  private async check(input: { bytes: Buffer; name: string; declaredMime: string }): Promise<Omit<ReceivedFile, 'tmpPath'>> {
    if (isInvalidText(input.name)) throw InputErrors.invalidText('/file/filename');
    const size = input.bytes.length;
    if (size > this.limits.maxBytes) throw FileErrors.tooLarge(this.limits.maxBytes);
    if (size === 0) throw FileErrors.empty();
    // A text the platform writes (a result notice) may quote what people typed, "<" and all; it is
    // served as an attachment of type text/plain, never rendered.
    const mime = await inspectBytes(input.bytes, { maxUnpackedBytes: this.limits.maxUnpackedBytes, maxEntries: this.limits.maxEntries }, { markupInText: true });
    this.checkType(mime, input.declaredMime);
    return { id: uuidv7(), name: input.name.slice(0, 255), mime, sizeBytes: size, sha256: createHash('sha256').update(input.bytes).digest('hex') };
  }

  /** Reads an in-process stream to its end, refusing it once it passes the size limit. */
  private async collect(input: { stream: Readable; name: string; declaredMime: string }): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of input.stream) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buf.length;
      if (size > this.limits.maxBytes)
        throw new Error(`the platform's own file ${input.name} (${input.declaredMime}) was refused: FILE_TOO_LARGE`, { cause: FileErrors.tooLarge(this.limits.maxBytes) });
      chunks.push(buf);
    }
    return Buffer.concat(chunks, size);
  }

  private checkType(mime: string, declaredMime: string): void {
    const declared = declaredMime.split(';')[0].trim().toLowerCase();
    if (!this.allowed.includes(mime) || (declared !== 'application/octet-stream' && declared !== mime)) throw FileErrors.badType();
  }

  private keyOf(id: string): string {
    return `${id.slice(0, 8)}/${id}`;
  }

  private async insert(trx: Executor, r: ReceivedFile, owner: { ownerId: string; regionCode: string }, key: string): Promise<StoredFile> {
    const file: StoredFile = { id: r.id, regionCode: owner.regionCode, ownerId: owner.ownerId, name: r.name, mime: r.mime, sizeBytes: r.sizeBytes, sha256: r.sha256, createdAt: this.clock.now() };
    await trx.insertInto('kernel_file').values(this.row(file, key)).execute();
    return file;
  }

  private row(file: StoredFile, key: string): FileRow {
    return {
      id: file.id,
      region_code: file.regionCode,
      owner_id: file.ownerId,
      name: file.name,
      mime: file.mime,
      size_bytes: file.sizeBytes,
      sha256: file.sha256,
      storage_key: key,
      created_at: file.createdAt,
    };
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
