import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { FileErrors } from './errors.ts';
import type { ByteSource } from './inspect.ts';

const inflateRaw = promisify(zlib.inflateRaw) as (buf: Buffer, opts: zlib.ZlibOptions) => Promise<Buffer>;

export interface ArchiveLimits {
  /** Sum of the entries' unpacked sizes. */
  maxUnpackedBytes: number;
  maxEntries: number;
}

interface Entry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Checks that a ZIP is an OFD document (GB/T 33190: a container whose root holds `OFD.xml`) that
 * unpacks within the limits. The sizes come from the central directory, so a zip bomb is refused
 * before anything is inflated; entries must not overlap (the trick that makes a small file unpack
 * to gigabytes); then each entry is inflated with its declared size as a hard ceiling, so a
 * directory that lies about sizes is caught too, at a cost bounded by `maxUnpackedBytes`.
 */
export async function checkOfd(src: ByteSource, limits: ArchiveLimits): Promise<void> {
  const bad = (why: string) => FileErrors.damaged(`OFD 压缩结构无效（${why}）`, `not a valid OFD container (${why})`);
  const size = src.size;
  const read = async (pos: number, len: number) => {
    const buf = await src.read(pos, len);
    if (buf.length !== len) throw bad('truncated');
    return buf;
  };

  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment.
  const tailLen = Math.min(size, 22 + 0xffff);
  const tail = await read(size - tailLen, tailLen);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  if (at < 0) throw bad('no central directory');
  const eocdPos = size - tailLen + at;
  const count = tail.readUInt16LE(at + 10);
  const cdSize = tail.readUInt32LE(at + 12);
  const cdOffset = tail.readUInt32LE(at + 16);
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 8) !== count) throw bad('multi-volume');
  // ZIP64 markers: sizes beyond 4 GB or 65535 entries are far outside what a material may be.
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw FileErrors.unpacksTooLarge(limits.maxUnpackedBytes, limits.maxEntries);
  if (count > limits.maxEntries) throw FileErrors.unpacksTooLarge(limits.maxUnpackedBytes, limits.maxEntries);
  if (cdOffset + cdSize > eocdPos) throw bad('central directory out of bounds');

  const cd = await read(cdOffset, cdSize);
  const entries: Entry[] = [];
  let total = 0;
  for (let p = 0, i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw bad('central directory entry');
    const flags = cd.readUInt16LE(p + 8);
    const nameLen = cd.readUInt16LE(p + 28);
    const next = p + 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    if (next > cd.length) throw bad('central directory entry');
    const e: Entry = {
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      method: cd.readUInt16LE(p + 10),
      packed: cd.readUInt32LE(p + 20),
      unpacked: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    };
    if (flags & 0x1) throw bad('encrypted entry');
    if (e.method !== 0 && e.method !== 8) throw bad(`compression method ${e.method}`);
    if (e.method === 0 && e.packed !== e.unpacked) throw bad('stored entry size');
    // Entry names become paths when an OFD reader unpacks the document: no escaping its folder.
    if (e.name.startsWith('/') || e.name.includes('\\') || e.name.split('/').includes('..') || e.name.includes('\0')) throw bad('entry path');
    total += e.unpacked;
    if (total > limits.maxUnpackedBytes) throw FileErrors.unpacksTooLarge(limits.maxUnpackedBytes, limits.maxEntries);
    entries.push(e);
    p = next;
  }
  if (!entries.some((e) => e.name === 'OFD.xml')) throw FileErrors.badType();

  // Each entry's data lies between its local header and the next entry: none may share bytes.
  let end = 0;
  const spans: { entry: Entry; start: number }[] = [];
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (e.localOffset < end) throw bad('overlapping entries');
    const local = await read(e.localOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL) throw bad('local header');
    const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    end = start + e.packed;
    if (end > cdOffset) throw bad('entry out of bounds');
    spans.push({ entry: e, start });
  }
  for (const { entry: e, start } of spans) {
    if (e.method === 0) continue;
    const packed = await read(start, e.packed);
    let out: Buffer;
    try {
      // The ceiling is the declared size: inflating stops there instead of filling memory.
      out = await inflateRaw(packed, { maxOutputLength: Math.max(1, e.unpacked) });
    } catch {
      throw bad('entry does not unpack to its declared size');
    }
    if (out.length !== e.unpacked) throw bad('entry does not unpack to its declared size');
  }
}
