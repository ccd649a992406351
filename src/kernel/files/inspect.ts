import fs from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { FileErrors } from './errors.ts';
import { checkOfd, type ArchiveLimits } from './ofd.ts';
import { looksLikeMarkup, sniffMime } from './sniff.ts';

/**
 * The bytes being inspected, wherever they are: a received upload in its temporary file, or a
 * document the platform made and still holds in memory. The checks read only through this, so both
 * get exactly the same verdict.
 */
export interface ByteSource {
  size: number;
  /** Up to `len` bytes from `pos` (fewer only at the end). */
  read(pos: number, len: number): Promise<Buffer>;
  /** All the bytes, front to back, in pieces. */
  chunks(): AsyncIterable<Buffer>;
}

/** What a text is read in; markup is looked for across the joins. */
const TEXT_CHUNK = 64 * 1024;

/** An open file's bytes; the caller closes the handle. */
function fileSource(fh: FileHandle, size: number): ByteSource {
  return {
    size,
    async read(pos, len) {
      const buf = Buffer.alloc(len);
      const { bytesRead } = await fh.read(buf, 0, len, pos);
      return buf.subarray(0, bytesRead);
    },
    chunks: () => fh.createReadStream({ start: 0, autoClose: false, highWaterMark: TEXT_CHUNK }),
  };
}

/** Bytes in memory (views, not copies). */
function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read: async (pos, len) => bytes.subarray(pos, Math.min(bytes.length, pos + len)),
    async *chunks() {
      for (let at = 0; at < bytes.length; at += TEXT_CHUNK) yield bytes.subarray(at, at + TEXT_CHUNK);
    },
  };
}

/**
 * Decides what a received file really is by reading its bytes: the type its signature claims, and
 * then the structure of that type end to end (a PDF trailer, a PNG's IEND, a JPEG's end marker, an
 * OFD container, text that is UTF-8 and not markup). Returns the MIME type, or throws a FileErrors.
 */
export async function inspectFile(filePath: string, size: number, limits: ArchiveLimits, opts: { markupInText?: boolean } = {}): Promise<string> {
  const fh = await fs.open(filePath, 'r');
  try {
    return await inspect(fileSource(fh, size), limits, opts);
  } finally {
    await fh.close();
  }
}

/** The same inspection of bytes already in memory (what the platform itself produced): no file is written to read them back. */
export function inspectBytes(bytes: Buffer, limits: ArchiveLimits, opts: { markupInText?: boolean } = {}): Promise<string> {
  return inspect(bufferSource(bytes), limits, opts);
}

async function inspect(src: ByteSource, limits: ArchiveLimits, opts: { markupInText?: boolean }): Promise<string> {
  const size = src.size;
  const head = await src.read(0, Math.min(size, 1024));
  const mime = sniffMime(head.subarray(0, 512));
  if (!mime) throw FileErrors.badType();
  const tail = await src.read(Math.max(0, size - 1024), Math.min(size, 1024));
  const CHECKS: Record<string, () => Promise<void> | void> = {
    'application/pdf': () => checkPdf(head, tail),
    'image/png': () => checkPng(head, tail),
    'image/jpeg': () => checkJpeg(tail),
    'application/ofd': () => checkOfd(src, limits),
    'text/plain': () => checkText(src, opts.markupInText ?? false),
  };
  await CHECKS[mime]();
  return mime;
}

/** A stream's data, up to its end or the end of the head: compressed bytes, not PDF syntax. */
const STREAM_DATA = /\bstream\r?\n[\s\S]*?(?:\bendstream\b|$)/g;

function checkPdf(head: Buffer, tail: Buffer): void {
  // A "PDF" whose first kilobyte holds markup is an HTML page in disguise: browsers that sniff
  // render it as a page. No real PDF has markup in its syntax there. Stream data is left out: a
  // compressed stream early in the file (an object stream, a scanned page) is random-looking bytes
  // that now and then spell "<b " or "<p>", and refusing a real scan for that is worse than useless
  // (responses carry nosniff, so no browser renders a PDF as a page anyway).
  if (looksLikeMarkup(head.toString('latin1').replace(STREAM_DATA, 'stream\n'))) throw FileErrors.badType();
  // Readers find the cross-reference table from the end: `startxref` and `%%EOF` in the last 1 KB.
  const end = tail.toString('latin1');
  if (!end.includes('%%EOF') || !end.includes('startxref')) throw FileErrors.damaged('PDF 缺少文件尾（%%EOF）', 'the PDF has no trailer (%%EOF)');
}

const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

function checkPng(head: Buffer, tail: Buffer): void {
  // The first chunk is IHDR (13 bytes of data); the last is IEND, with nothing after it.
  if (head.length < 33 || head.readUInt32BE(8) !== 13 || head.toString('latin1', 12, 16) !== 'IHDR') throw FileErrors.damaged('PNG 缺少 IHDR', 'the PNG has no IHDR chunk');
  if (tail.length < 12 || !tail.subarray(tail.length - 12).equals(PNG_IEND)) throw FileErrors.damaged('PNG 不完整（缺少 IEND）', 'the PNG is incomplete (no IEND)');
}

function checkJpeg(tail: Buffer): void {
  // End of image marker last: anything appended after it (a page, a script) is refused.
  if (tail.length < 4 || tail[tail.length - 2] !== 0xff || tail[tail.length - 1] !== 0xd9) throw FileErrors.damaged('JPEG 不完整（缺少结束标记）', 'the JPEG is incomplete (no end marker)');
}

async function checkText(src: ByteSource, markupAllowed: boolean): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const notText = () => FileErrors.badType();
  // Markup may straddle two chunks: keep a little of the previous one in view.
  let carry = '';
  for await (const buf of src.chunks()) {
    if (buf.includes(0)) throw notText();
    let text: string;
    try {
      text = decoder.decode(buf, { stream: true });
    } catch {
      throw notText();
    }
    if (!markupAllowed && looksLikeMarkup(carry + text)) throw notText();
    carry = text.slice(-32);
  }
  try {
    // A last character cut short is not valid UTF-8 either.
    decoder.decode();
  } catch {
    throw notText();
  }
}
