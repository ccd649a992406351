import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFHexString, PDFName, PDFString, type PDFContext, type PDFRef } from 'pdf-lib';

/**
 * fontkit parses a font's tables on `create`; the 16 MB font is the same for every document, so it is
 * parsed once and pdf-lib gets the parsed font each time (it only reads it to lay out and subset).
 */
const parsed = new Map<Uint8Array, ReturnType<typeof fontkit.create>>();
export const cachingFontkit = {
  create(bytes: Uint8Array) {
    let f = parsed.get(bytes);
    if (!f) {
      f = fontkit.create(bytes);
      parsed.set(bytes, f);
    }
    return f;
  },
};

/**
 * A TrueType font (the platform's CJK font, 16 MB, about 30,000 glyphs) read once, from which small
 * subsets are cut for each PDF. pdf-lib + fontkit cut a subset by decoding every glyph and encoding
 * all tables through fontkit's generic structures and pako, 5–10 ms for a licence's hundred glyphs;
 * here each glyph's bytes are sliced once from the `glyf` table and a subset is only their
 * concatenation behind new `loca`/`hmtx`/`head`/`hhea`/`maxp` tables (the tables PDF needs for a
 * CIDFontType2 font, the same set fontkit's subsetter writes), compressed with zlib. fontkit is
 * still what reads the character map and the font's metrics.
 */
export class GlyphSource {
  private static readonly sources = new Map<Uint8Array, GlyphSource>();

  /** The source for these font bytes, built on first use (the bytes are cached by the kernel, so the key is stable). */
  static of(bytes: Uint8Array): GlyphSource {
    let s = GlyphSource.sources.get(bytes);
    if (!s) {
      s = new GlyphSource(bytes);
      GlyphSource.sources.set(bytes, s);
    }
    return s;
  }

  readonly scale: number;
  readonly postscriptName: string;
  readonly descriptor: { flags: number; bbox: number[]; italicAngle: number; ascent: number; descent: number; capHeight: number; xHeight: number };
  private readonly tables = new Map<string, Uint8Array>();
  private readonly gids = new Map<number, number>();
  private readonly offsets: number[];
  private readonly numberOfHMetrics: number;
  private readonly font: ReturnType<typeof cachingFontkit.create>;
  private readonly hmtx: DataView;

  private constructor(private readonly bytes: Uint8Array) {
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0, n = v.getUint16(4); i < n; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
      this.tables.set(tag, bytes.subarray(v.getUint32(at + 8), v.getUint32(at + 8) + v.getUint32(at + 12)));
    }
    for (const t of ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx']) if (!this.tables.has(t)) throw new Error(`not a TrueType font with glyph outlines (no ${t} table)`);
    const head = this.view('head');
    const numGlyphs = this.view('maxp').getUint16(4);
    const loca = this.view('loca');
    const long = head.getInt16(50) === 1;
    this.offsets = Array.from({ length: numGlyphs + 1 }, (_, i) => (long ? loca.getUint32(i * 4) : loca.getUint16(i * 2) * 2));
    this.numberOfHMetrics = this.view('hhea').getUint16(34);
    this.hmtx = this.view('hmtx');
    this.font = cachingFontkit.create(bytes);
    const f = this.font as unknown as {
      unitsPerEm: number;
      postscriptName: string | null;
      italicAngle: number;
      ascent: number;
      descent: number;
      capHeight: number;
      xHeight: number;
      bbox: { minX: number; minY: number; maxX: number; maxY: number };
      post: { isFixedPitch: number };
      'OS/2'?: { sFamilyClass: number };
      head: { macStyle: { italic: boolean } };
    };
    this.scale = 1000 / f.unitsPerEm;
    this.postscriptName = (f.postscriptName || 'Font').replace(/[^A-Za-z0-9-]/g, '');
    // The font descriptor's flags as pdf-lib derives them: symbolic, plus fixed pitch, serif, script and italic from the font.
    const family = f['OS/2']?.sFamilyClass ?? 0;
    const flags = (f.post.isFixedPitch ? 1 : 0) | (family >= 1 && family <= 7 ? 2 : 0) | 4 | (family === 10 ? 8 : 0) | (f.head.macStyle.italic ? 64 : 0);
    const s = this.scale;
    this.descriptor = {
      flags,
      bbox: [f.bbox.minX * s, f.bbox.minY * s, f.bbox.maxX * s, f.bbox.maxY * s],
      italicAngle: f.italicAngle,
      ascent: f.ascent * s,
      descent: f.descent * s,
      capHeight: (f.capHeight || f.ascent) * s,
      xHeight: (f.xHeight || 0) * s,
    };
  }

  private view(tag: string): DataView {
    const t = this.tables.get(tag)!;
    return new DataView(t.buffer, t.byteOffset, t.byteLength);
  }

  /** The glyph of a code point from the font's cmap (0, .notdef, when the font lacks it). */
  gid(codePoint: number): number {
    let g = this.gids.get(codePoint);
    if (g === undefined) {
      g = (this.font as unknown as { glyphForCodePoint(cp: number): { id: number } }).glyphForCodePoint(codePoint).id;
      this.gids.set(codePoint, g);
    }
    return g;
  }

  /** Advance width and left side bearing in font units. */
  metrics(gid: number): [number, number] {
    const h = this.hmtx;
    const n = this.numberOfHMetrics;
    const advance = h.getUint16(Math.min(gid, n - 1) * 4);
    const lsb = gid < n ? h.getInt16(gid * 4 + 2) : h.getInt16(n * 4 + (gid - n) * 2);
    return [advance, lsb];
  }

  /** Width of a glyph in PDF text space units (1/1000 of the font size). */
  width(gid: number): number {
    return this.metrics(gid)[0] * this.scale;
  }

  private glyph(gid: number): Uint8Array {
    return this.tables.get('glyf')!.subarray(this.offsets[gid], this.offsets[gid + 1]);
  }

  /** The component glyphs of a composite glyph (accented Latin letters are often built so). */
  private components(data: Uint8Array, each: (gid: number, at: number) => void): void {
    if (data.length < 10) return;
    const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (v.getInt16(0) >= 0) return;
    let at = 10;
    for (;;) {
      const flags = v.getUint16(at);
      each(v.getUint16(at + 2), at + 2);
      at += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
      if (!(flags & 0x0020)) break;
    }
  }

  /**
   * A TrueType font holding `gids` (new glyph i + 1 is gids[i]; 0 stays .notdef), with the glyphs
   * composites need appended after them. Returns the font file and the glyph list it ended with.
   */
  subset(gids: readonly number[]): { file: Uint8Array; gids: number[] } {
    const order = [0, ...gids];
    const index = new Map(order.map((g, i) => [g, i]));
    const glyphs: Uint8Array[] = [];
    for (let i = 0; i < order.length; i++) {
      let data = this.glyph(order[i]);
      let copied = false;
      this.components(data, (component, at) => {
        if (!index.has(component)) {
          index.set(component, order.length);
          order.push(component);
        }
        if (!copied) {
          data = Uint8Array.from(data);
          copied = true;
        }
        new DataView(data.buffer).setUint16(at, index.get(component)!);
      });
      glyphs.push(data);
    }
    const n = order.length;
    const loca = Buffer.alloc((n + 1) * 4);
    const hmtx = Buffer.alloc(n * 4);
    let offset = 0;
    glyphs.forEach((g, i) => {
      loca.writeUInt32BE(offset, i * 4);
      const [advance, lsb] = this.metrics(order[i]);
      hmtx.writeUInt16BE(advance, i * 4);
      hmtx.writeInt16BE(lsb, i * 4 + 2);
      offset += (g.length + 3) & ~3;
    });
    loca.writeUInt32BE(offset, n * 4);
    const glyf = Buffer.alloc(offset);
    let at = 0;
    for (const g of glyphs) {
      glyf.set(g, at);
      at += (g.length + 3) & ~3;
    }
    const head = Buffer.from(this.tables.get('head')!);
    head.writeUInt32BE(0, 8); // checkSumAdjustment: set below over the whole file
    head.writeInt16BE(1, 50); // long loca offsets
    const hhea = Buffer.from(this.tables.get('hhea')!);
    hhea.writeUInt16BE(n, 34);
    const maxp = Buffer.from(this.tables.get('maxp')!);
    maxp.writeUInt16BE(n, 4);
    const tables: [string, Uint8Array][] = [
      ['cvt ', this.tables.get('cvt ')],
      ['fpgm', this.tables.get('fpgm')],
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', hmtx],
      ['loca', loca],
      ['maxp', maxp],
      ['prep', this.tables.get('prep')],
    ].filter((t): t is [string, Uint8Array] => !!t[1]);
    const { file, at: where } = sfnt(tables);
    file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, where.get('head')! + 8);
    return { file, gids: order.slice(1) };
  }
}

function checksum(b: Uint8Array): number {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const whole = b.length & ~3;
  let sum = 0;
  for (let i = 0; i < whole; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (whole < b.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < b.length ? b[i] : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** An sfnt file of the given tables (tags in ascending order), each 4-byte aligned, with checksums. */
function sfnt(tables: [string, Uint8Array][]): { file: Buffer; at: Map<string, number> } {
  const count = tables.length;
  let size = 12 + 16 * count;
  const offsets = tables.map(([, data]) => {
    const at = size;
    size += (data.length + 3) & ~3;
    return at;
  });
  const out = Buffer.alloc(size);
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(count, 4);
  const power = 2 ** Math.floor(Math.log2(count));
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  tables.forEach(([tag, data], i) => {
    const at = 12 + i * 16;
    out.write(tag, at, 'latin1');
    out.writeUInt32BE(checksum(data), at + 4);
    out.writeUInt32BE(offsets[i], at + 8);
    out.writeUInt32BE(data.length, at + 12);
    out.set(data, offsets[i]);
  });
  return { file: out, at: new Map(tables.map(([tag], i) => [tag, offsets[i]])) };
}

/** UTF-16BE hex of one code point, as a ToUnicode CMap writes it. */
const utf16Hex = (cp: number) => (cp > 0xffff ? (((cp - 0x10000) >> 10) + 0xd800).toString(16).padStart(4, '0') + (((cp - 0x10000) & 0x3ff) + 0xdc00).toString(16) : cp.toString(16).padStart(4, '0'));
const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** What a finished subset writes into a PDF: compressed once, so a cached font costs only a copy per document. */
export interface FrozenFont {
  baseFont: string;
  file: Uint8Array;
  toUnicode: Uint8Array;
  widths: number[];
  descriptor: GlyphSource['descriptor'];
}

/**
 * The glyphs one PDF font uses: each new character gets the next CID (glyph i of the subset), so
 * text already encoded keeps its codes as more is added. Widths come from the font's advances
 * (no shaping: CJK text and the plain Latin and digits on licences need none; every character maps
 * to its own glyph, which also keeps text extraction exact).
 */
export class SubsetFont {
  private readonly cids = new Map<number, number>();
  private readonly gids: number[] = [];
  private readonly unicode: number[] = [];

  constructor(readonly source: GlyphSource) {}

  /** The text in this font's codes (Identity-H: two bytes per CID). */
  encodeText(text: string): PDFHexString {
    let hex = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const gid = this.source.gid(cp);
      let cid = this.cids.get(gid);
      if (cid === undefined) {
        this.gids.push(gid);
        this.unicode.push(cp);
        cid = this.gids.length;
        this.cids.set(gid, cid);
      }
      hex += hex4(cid);
    }
    return PDFHexString.of(hex);
  }

  widthOfTextAtSize(text: string, size: number): number {
    let w = 0;
    for (const ch of text) w += this.source.width(this.source.gid(ch.codePointAt(0)!));
    return (w * size) / 1000;
  }

  /** The subset font file, its widths and ToUnicode CMap, compressed. */
  freeze(): FrozenFont {
    const { file } = this.source.subset(this.gids);
    const tag = [...createHash('sha1').update(file).digest().subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
    const map: string[] = [];
    for (let i = 0; i < this.unicode.length; i += 100) {
      const part = this.unicode.slice(i, i + 100);
      map.push(`${part.length} beginbfchar\n${part.map((cp, j) => `<${hex4(i + j + 1)}> <${utf16Hex(cp)}>`).join('\n')}\nendbfchar`);
    }
    const cmap = [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <ffff>',
      'endcodespacerange',
      ...map,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
    return {
      baseFont: `${tag}+${this.source.postscriptName}`,
      file: deflateSync(file),
      toUnicode: deflateSync(Buffer.from(cmap, 'latin1')),
      widths: this.gids.map((g) => this.source.width(g)),
      descriptor: this.source.descriptor,
    };
  }
}

/**
 * The W array of CIDs 1…n leaving out the glyphs as wide as the default width (1000: every CJK
 * glyph), as `first [w w …]` runs of the others: a few numbers instead of one per glyph.
 */
function compactWidths(widths: number[]): (number | number[])[] {
  const w: (number | number[])[] = [];
  for (let i = 0; i < widths.length;) {
    if (widths[i] === 1000) {
      i++;
      continue;
    }
    const run: number[] = [];
    const first = i + 1;
    while (i < widths.length && widths[i] !== 1000) run.push(widths[i++]);
    w.push(first, run);
  }
  return w;
}

/** Writes a frozen font into a document as a Type0 font with an Identity-H CIDFontType2 descendant (as pdf-lib does) and returns its reference. */
export function embedFrozenFont(context: PDFContext, f: FrozenFont): PDFRef {
  const d = f.descriptor;
  const file = context.register(context.stream(f.file, { Filter: 'FlateDecode' }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: f.baseFont,
      Flags: d.flags,
      FontBBox: d.bbox,
      ItalicAngle: d.italicAngle,
      Ascent: d.ascent,
      Descent: d.descent,
      CapHeight: d.capHeight,
      XHeight: d.xHeight,
      StemV: 0,
      FontFile2: file,
    }),
  );
  const cid = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      CIDToGIDMap: 'Identity',
      BaseFont: f.baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: 1000,
      W: compactWidths(f.widths),
    }),
  );
  const toUnicode = context.register(context.stream(f.toUnicode, { Filter: 'FlateDecode' }));
  return context.register(context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: PDFName.of(f.baseFont), Encoding: 'Identity-H', DescendantFonts: [cid], ToUnicode: toUnicode }));
}
