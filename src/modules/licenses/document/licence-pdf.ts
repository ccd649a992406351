import { constants as zlibConstants, deflateSync } from 'node:zlib';
import { degrees, drawEllipse, drawImage, drawRectangle, drawSvgPath, drawText, PDFDocument, PDFName, rgb, type Color, type PDFOperator, type PDFPage, type PDFRef, type Rotation } from 'pdf-lib';
import QRCode from 'qrcode';
import { documentFont } from '../../../kernel/files/fonts.ts';
import { embedFrozenFont, GlyphSource, SubsetFont, type FrozenFont } from './pdf-font.ts';
import { drawSealMark, type TextMeasure } from './seal-mark.ts';

export { cachingFontkit } from './pdf-font.ts';

/** What a licence document shows. Values are already formatted for reading (dates, masked ids). */
export interface LicenceDocument {
  identifier: string;
  licenceNo: string;
  title: string;
  titleEn: string | null;
  holderName: string;
  holderCodeLabel: string;
  holderCode: string;
  rows: { label: string; value: string }[];
  issuerName: string;
  issuedOn: string;
  validity: string;
  verifyUrl: string;
  seal: { unitName: string; purpose: string };
  issuedAt: Date;
}

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.35, 0.35, 0.4);
export const A4: [number, number] = [595.28, 841.89];

/** Breaks text into lines no wider than `width` (CJK text may break anywhere; Latin words stay whole where they can). */
export function wrap(text: string, font: TextMeasure, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of [...text]) {
    if (ch === '\n') {
      lines.push(line);
      line = '';
      continue;
    }
    if (font.widthOfTextAtSize(line + ch, size) > width && line) {
      lines.push(line);
      line = ch.trim() ? ch : '';
    } else line += ch;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

export function centre<F extends TextMeasure>(
  page: { drawText(text: string, o: { x: number; y: number; size: number; font: NoInfer<F>; color: Color }): void },
  text: string,
  font: F,
  size: number,
  y: number,
  color = INK,
) {
  page.drawText(text, { x: (A4[0] - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });
}

/**
 * Records drawing as PDF operators, for content streams built outside a pdf-lib page: the parts of
 * a licence that do not change are recorded once per layout, the rest once per licence. Fonts and
 * transparency are named here and bound in the page's resources when the document is put together.
 */
class Canvas {
  readonly ops: PDFOperator[] = [];

  constructor(
    private readonly fontName: (f: SubsetFont) => string,
    private readonly states: Map<string, { ca: number; CA: number }>,
  ) {}

  private state(ca = 1, CA = 1): string | undefined {
    if (ca === 1 && CA === 1) return undefined;
    const name = `GS${Math.round(ca * 100)}x${Math.round(CA * 100)}`;
    this.states.set(name, { ca, CA });
    return name;
  }

  drawText(text: string, o: { x: number; y: number; size: number; font: SubsetFont; color: Color; rotate?: Rotation; opacity?: number }): void {
    this.ops.push(
      ...drawText(o.font.encodeText(text), {
        x: o.x,
        y: o.y,
        size: o.size,
        font: this.fontName(o.font),
        color: o.color,
        rotate: o.rotate ?? degrees(0),
        xSkew: degrees(0),
        ySkew: degrees(0),
        graphicsState: this.state(o.opacity),
      }),
    );
  }

  drawRectangle(o: { x: number; y: number; width: number; height: number; borderColor: Color; borderWidth: number }): void {
    this.ops.push(...drawRectangle({ ...o, color: undefined, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) }));
  }

  drawCircle(o: { x: number; y: number; size: number; borderColor: Color; borderWidth: number; opacity: number; borderOpacity: number }): void {
    this.ops.push(
      ...drawEllipse({
        x: o.x,
        y: o.y,
        xScale: o.size,
        yScale: o.size,
        color: undefined,
        borderColor: o.borderColor,
        borderWidth: o.borderWidth,
        graphicsState: this.state(o.opacity, o.borderOpacity),
      }),
    );
  }

  drawSvgPath(path: string, o: { x: number; y: number; color: Color; opacity: number }): void {
    this.ops.push(...drawSvgPath(path, { x: o.x, y: o.y, scale: undefined, color: o.color, borderColor: undefined, borderWidth: 0, graphicsState: this.state(o.opacity) }));
  }

  drawImage(name: string, o: { x: number; y: number; width: number; height: number }): void {
    this.ops.push(...drawImage(name, { ...o, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) }));
  }

  /** The content stream, compressed. */
  bytes(): Uint8Array {
    return deflateSync(Buffer.from(this.ops.map(String).join('\n'), 'latin1'));
  }
}

const FRAME = rgb(0.55, 0.12, 0.1);
const [W, H] = A4;
const LABEL_X = 78;
const VALUE_X = 200;
const VALUE_W = W - VALUE_X - 70;

/**
 * What every licence of one layout shares, built once: the frame, title, the issuer line, the seal
 * and the fixed captions as two compressed content streams (under and over each licence's own
 * text, so the seal is still pressed over the date), and the fonts they use — the regular glyphs of
 * that fixed text and the bold glyphs of the title and every label — as finished subsets.
 */
interface Layout {
  under: Uint8Array;
  over: Uint8Array;
  regular: FrozenFont;
  bold: FrozenFont;
  /** The bold font as built, to encode labels in each licence's own content (their glyphs are all in it). */
  boldFont: SubsetFont;
  states: Map<string, { ca: number; CA: number }>;
}

/** The parts of a licence that make up its layout: the same type, issuer and seal give the same layout. */
const layoutKey = (d: LicenceDocument) => JSON.stringify([d.title, d.titleEn, d.holderCodeLabel, d.rows.map((r) => r.label), d.issuerName, d.seal.unitName, d.seal.purpose]);

/** Layouts by key; a platform has a few dozen licence types and seals, so the bound is only a guard. */
const layouts = new Map<string, Layout>();
const MAX_LAYOUTS = 200;

function buildLayout(d: LicenceDocument): Layout {
  const regular = new SubsetFont(GlyphSource.of(documentFont('regular')));
  const bold = new SubsetFont(GlyphSource.of(documentFont('bold')));
  const names = (f: SubsetFont) => (f === regular ? 'F1' : f === bold ? 'F2' : 'F3');
  const states = new Map<string, { ca: number; CA: number }>();
  const under = new Canvas(names, states);
  under.drawRectangle({ x: 24, y: 24, width: W - 48, height: H - 48, borderColor: FRAME, borderWidth: 2.5 });
  under.drawRectangle({ x: 31, y: 31, width: W - 62, height: H - 62, borderColor: FRAME, borderWidth: 0.8 });
  centre(under, d.title, bold, 30, H - 120);
  if (d.titleEn) centre(under, d.titleEn, regular, 11, H - 142, MUTED);
  const issuer = `发证机关：${d.issuerName}`;
  under.drawText(issuer, { x: W - 80 - regular.widthOfTextAtSize(issuer, 13), y: 190, size: 13, font: regular, color: INK });
  const over = new Canvas(names, states);
  drawSealMark(over, regular, { x: W - 150, y: 190, r: 58 }, d.seal.unitName, d.seal.purpose);
  over.drawText('扫码核验 Scan to verify', { x: 70, y: 96, size: 9, font: regular, color: MUTED });
  // Every label's glyphs go into the bold subset now; each licence places the labels itself, as long values wrap.
  for (const label of ['持证主体', d.holderCodeLabel, ...d.rows.map((r) => r.label), '有效期限']) bold.encodeText(label);
  return { under: under.bytes(), over: over.bytes(), regular: regular.freeze(), bold: bold.freeze(), boldFont: bold, states };
}

function layoutOf(d: LicenceDocument): Layout {
  const key = layoutKey(d);
  let l = layouts.get(key);
  if (!l) {
    l = buildLayout(d);
    if (layouts.size >= MAX_LAYOUTS) layouts.delete(layouts.keys().next().value!);
    layouts.set(key, l);
  }
  return l;
}

/** The QR code as an RGB image of 4 pixels per module with a 2-module quiet zone (what QRCode.toBuffer drew before), compressed. */
function qrImage(text: string): { bytes: Uint8Array; size: number } {
  // Byte mode throughout: the automatic split into numeric/alphanumeric runs costs more than it saves for a URL.
  const { modules } = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const scale = 4;
  const margin = 2;
  const n = modules.size;
  const px = (n + 2 * margin) * scale;
  const img = Buffer.alloc(px * px * 3, 0xff);
  const row = Buffer.alloc(px * 3);
  for (let r = 0; r < n; r++) {
    row.fill(0xff);
    for (let c = 0; c < n; c++) if (modules.data[r * n + c]) row.fill(0, (margin + c) * scale * 3, (margin + c + 1) * scale * 3);
    for (let k = 0; k < scale; k++) row.copy(img, ((margin + r) * scale + k) * px * 3);
  }
  // Run-length matching only: a tenth of the default level's time on an image of flat runs, for about 1 KiB more.
  return { bytes: deflateSync(img, { strategy: zlibConstants.Z_RLE }), size: px };
}

/**
 * Renders a licence as a one-page A4 PDF with the fonts embedded (subset), the seal and a QR code
 * that opens the public verification page. The result is not yet sealed: `sealDocument` signs it.
 * Saved without object streams so the seal can follow as a classic incremental update.
 *
 * The layout (frame, title, labels' glyphs, issuer, seal) comes from a cache; a licence adds only
 * its own content stream, a subset font of the glyphs of its own values, and its QR code.
 */
export async function renderLicence(d: LicenceDocument): Promise<Uint8Array> {
  const layout = layoutOf(d);
  const own = new SubsetFont(GlyphSource.of(documentFont('regular')));
  const names = (f: SubsetFont) => (f === own ? 'F3' : f === layout.boldFont ? 'F2' : 'F1');
  const states = new Map(layout.states);
  const c = new Canvas(names, states);
  centre(c, `电子证照  证照编号：${d.licenceNo}`, own, 11, H - 166, MUTED);
  let y = H - 220;
  const rows = [{ label: '持证主体', value: d.holderName }, { label: d.holderCodeLabel, value: d.holderCode }, ...d.rows, { label: '有效期限', value: d.validity }];
  for (const r of rows) {
    const lines = wrap(r.value || '—', own, 13, VALUE_W);
    c.drawText(r.label, { x: LABEL_X, y, size: 13, font: layout.boldFont, color: MUTED });
    lines.forEach((l, i) => c.drawText(l, { x: VALUE_X, y: y - i * 19, size: 13, font: own, color: INK }));
    y -= Math.max(lines.length, 1) * 19 + 14;
    if (y < 300) break;
  }
  const date = `发证日期：${d.issuedOn}`;
  c.drawText(date, { x: W - 80 - own.widthOfTextAtSize(date, 13), y: 168, size: 13, font: own, color: INK });
  c.drawImage('QR', { x: 70, y: 110, width: 110, height: 110 });
  c.drawText(`证照标识 ${d.identifier}`, { x: 70, y: 62, size: 8, font: own, color: MUTED });

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`${d.title} ${d.licenceNo}`);
  doc.setSubject(d.identifier);
  doc.setKeywords([d.identifier, d.verifyUrl]);
  doc.setAuthor(d.issuerName);
  doc.setCreator('Yiwang 一网 e-licence');
  doc.setProducer('Yiwang');
  doc.setCreationDate(d.issuedAt);
  doc.setModificationDate(d.issuedAt);
  doc.setLanguage('zh-CN');
  const ctx = doc.context;
  const stream = (bytes: Uint8Array): PDFRef => ctx.register(ctx.stream(bytes, { Filter: 'FlateDecode' }));
  const qr = qrImage(d.verifyUrl);
  const image = ctx.register(ctx.stream(qr.bytes, { Type: 'XObject', Subtype: 'Image', Width: qr.size, Height: qr.size, BitsPerComponent: 8, ColorSpace: 'DeviceRGB', Filter: 'FlateDecode' }));
  const page: PDFPage = doc.addPage(A4);
  page.node.set(PDFName.of('Contents'), ctx.obj([stream(layout.under), stream(c.bytes()), stream(layout.over)]));
  page.node.set(
    PDFName.of('Resources'),
    ctx.obj({
      Font: { F1: embedFrozenFont(ctx, layout.regular), F2: embedFrozenFont(ctx, layout.bold), F3: embedFrozenFont(ctx, own.freeze()) },
      XObject: { QR: image },
      ExtGState: Object.fromEntries([...states].map(([name, s]) => [name, { Type: 'ExtGState', ca: s.ca, CA: s.CA }])),
    }),
  );
  return doc.save({ useObjectStreams: false });
}
