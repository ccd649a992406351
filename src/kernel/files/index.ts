import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { BlobStore } from './blobs.ts';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock/index.ts';
import type { Db, Executor } from '../db/index.ts';
import { DomainError } from '../http/errors.ts';
import { sniffMime } from './sniff.ts';
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

export const FileErrors = {
  tooLarge: (max: number) =>
    new DomainError('FILE_TOO_LARGE', 413, `文件超过大小上限（${Math.floor(max / 1024 / 1024)} MB）`, `The file exceeds the size limit (${Math.floor(max / 1024 / 1024)} MB)`),
  badType: () => new DomainError('FILE_TYPE_NOT_ALLOWED', 415, '不支持此文件类型（支持 PDF、PNG、JPEG、OFD、TXT）', 'This file type is not allowed (PDF, PNG, JPEG, OFD, TXT)'),
  empty: () => new DomainError('FILE_EMPTY', 400, '文件为空', 'The file is empty'),
};

/**
 * Materials: contents in a blob store (local disk or S3-compatible), metadata and the SHA-256
 * content hash in `kernel_file`. Reading a file is always a separate, authorised call.
 */
export class FileStore {
  private readonly tmpDir: string;
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    dataDir: string,
    private readonly maxBytes: number,
    private readonly allowed: readonly string[],
    private readonly blobs: BlobStore,
  ) {
    this.tmpDir = path.resolve(dataDir, 'files', 'tmp');
  }

  /**
   * Streams an upload to a temporary file, checking size and real type on the way, then hands it to
   * the blob store and records it in `trx`. Nothing is kept when a check fails.
   */
  async save(trx: Executor, input: { stream: Readable; name: string; declaredMime: string; ownerId: string; regionCode: string }): Promise<StoredFile> {
    // A name PostgreSQL would refuse is refused before a byte reaches the disk.
    if (isInvalidText(input.name)) throw InputErrors.invalidText('/file/filename');
    const id = uuidv7();
    const key = `${id.slice(0, 8)}/${id}`;
    fs.mkdirSync(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, id);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const max = this.maxBytes;
    const checker = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > max) return cb(FileErrors.tooLarge(max));
        if (head.length < 512) head = Buffer.concat([head, chunk]).subarray(0, 512);
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(input.stream, checker, fs.createWriteStream(tmp, { flags: 'wx' }));
      if ((input.stream as Readable & { truncated?: boolean }).truncated) throw FileErrors.tooLarge(max);
      if (size === 0) throw FileErrors.empty();
      const mime = sniffMime(head);
      const declared = input.declaredMime.split(';')[0].trim().toLowerCase();
      if (!mime || !this.allowed.includes(mime) || (declared !== 'application/octet-stream' && declared !== mime)) throw FileErrors.badType();
      const file: StoredFile = {
        id,
        regionCode: input.regionCode,
        ownerId: input.ownerId,
        name: input.name.slice(0, 255),
        mime,
        sizeBytes: size,
        sha256: hash.digest('hex'),
        createdAt: this.clock.now(),
      };
      await this.blobs.put(key, tmp, { size, sha256: file.sha256, mime });
      await trx
        .insertInto('kernel_file')
        .values({
          id,
          region_code: file.regionCode,
          owner_id: file.ownerId,
          name: file.name,
          mime,
          size_bytes: size,
          sha256: file.sha256,
          storage_key: key,
          created_at: file.createdAt,
        })
        .execute();
      return file;
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      if (err instanceof DomainError) throw err;
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw FileErrors.tooLarge(max);
      throw err;
    }
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
