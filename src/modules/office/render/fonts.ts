import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';

/**
 * The faces a 公文 is set in. GB/T 9704 asks for 仿宋 (body), 黑体 (一级标题, 密级, 紧急程度), 楷体
 * (二级标题, 签发人's names) and 小标宋 (发文机关标志, 标题); none of those is freely licensed. The one
 * CJK family the platform ships is LXGW WenKai (SIL OFL 1.1, `@fontsource/lxgw-wenkai`), in three
 * weights, so the roles are: light (300, thin strokes, closest to 仿宋) for the body, bold (700) for
 * the 黑体 and 小标宋 roles, and medium (500, WenKai is itself a 楷 face) for the 楷体 role.
 */
export type Face = 'fang' | 'kai' | 'hei';

const WEIGHTS: Record<Face, number> = { fang: 300, kai: 500, hei: 700 };
const require = createRequire(import.meta.url);
type FontkitFont = ReturnType<typeof fontkit.create>;
const bytes = new Map<Face, Uint8Array>();
const parsed = new Map<Uint8Array, FontkitFont>();

/** The font file of a face (WOFF), read once. */
export function faceBytes(face: Face): Uint8Array {
  let b = bytes.get(face);
  if (!b) {
    b = readFileSync(require.resolve(`@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-${WEIGHTS[face]}-normal.woff`));
    bytes.set(face, b);
  }
  return b;
}

/**
 * fontkit reads WOFF itself, but inflates a table in JavaScript again on every access — for the 10 MB
 * glyph table on every glyph. Here each compressed table is inflated once, natively, and later
 * accesses get a fresh stream over the same bytes (the font's own stream class).
 */
type Stream = { pos: number; buffer: Buffer };
type WoffInternals = { stream: Stream; directory: { tables: Record<string, { offset: number; compLength: number; length: number }> }; _getTableStream(tag: string): Stream | null };

function withInflatedTables(font: FontkitFont): FontkitFont {
  const f = font as unknown as WoffInternals;
  const original = f._getTableStream.bind(f);
  const StreamOf = f.stream.constructor as new (b: Buffer) => Stream;
  const inflated = new Map<string, Buffer>();
  f._getTableStream = (tag: string) => {
    const t = f.directory.tables[tag];
    if (!t || t.compLength >= t.length) return original(tag);
    let buf = inflated.get(tag);
    if (!buf) {
      // fontkit works on its own bundled Buffer class; a Node Buffer fails its checks when subsetting.
      const BufferOf = f.stream.buffer.constructor as unknown as { from(b: Uint8Array): Buffer };
      buf = BufferOf.from(inflateSync(f.stream.buffer.subarray(t.offset, t.offset + t.compLength)));
      inflated.set(tag, buf);
    }
    return new StreamOf(buf);
  };
  return font;
}

/** The parsed font behind a face's bytes; handed to pdf-lib as its fontkit so parsing happens once. */
export const faceFontkit = {
  create(b: Uint8Array): FontkitFont {
    let f = parsed.get(b);
    if (!f) {
      f = withInflatedTables(fontkit.create(b));
      parsed.set(b, f);
    }
    return f;
  },
};

const widths = new Map<Face, Map<string, number>>();

/** Advance width of one character (or a short run) in em, cached. */
export function advanceEm(face: Face, text: string): number {
  let m = widths.get(face);
  if (!m) widths.set(face, (m = new Map()));
  let w = m.get(text);
  if (w === undefined) {
    const font = faceFontkit.create(faceBytes(face));
    w = font.layout(text).advanceWidth / font.unitsPerEm;
    m.set(text, w);
  }
  return w;
}
