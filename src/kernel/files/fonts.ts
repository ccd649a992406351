import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

/**
 * The Chinese font embedded in the platform's PDFs (licences, decisions, 依申请公开 notices): LXGW WenKai (SIL OFL 1.1), shipped by npm as
 * `@fontsource/lxgw-wenkai`, so a fresh machine needs no system fonts. It comes as WOFF; fontkit
 * would inflate the 10 MB glyph table again on every glyph lookup, so it is unpacked once into a
 * plain TrueType file held in memory (about 16 MB) and pdf-lib embeds only the glyphs used.
 */
const require = createRequire(import.meta.url);
const cache = new Map<string, Uint8Array>();

export type FontWeight = 'regular' | 'bold';
const FILES: Record<FontWeight, string> = {
  regular: '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff',
  bold: '@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-700-normal.woff',
};

export function documentFont(weight: FontWeight): Uint8Array {
  let font = cache.get(weight);
  if (!font) {
    font = woffToSfnt(readFileSync(require.resolve(FILES[weight])));
    cache.set(weight, font);
  }
  return font;
}

/** WOFF 1.0 (W3C) → the sfnt it wraps: the same tables, inflated, behind a plain table directory. */
export function woffToSfnt(woff: Buffer): Uint8Array {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF font');
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((d) => woff.readUInt32BE(at + d));
    const raw = woff.subarray(offset, offset + compLength);
    return { tag, checksum, data: compLength < origLength ? inflateSync(raw) : raw };
  });
  let size = 12 + 16 * count;
  const offsets = tables.map((t) => {
    const at = size;
    size += (t.data.length + 3) & ~3;
    return at;
  });
  const out = Buffer.alloc(size);
  out.writeUInt32BE(woff.readUInt32BE(4), 0);
  out.writeUInt16BE(count, 4);
  const power = 2 ** Math.floor(Math.log2(count));
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offsets[i], at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offsets[i]);
  });
  return out;
}
