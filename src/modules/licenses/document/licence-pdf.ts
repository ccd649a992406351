import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { documentFont } from '../../../kernel/files/fonts.ts';
import { drawSealMark } from './seal-mark.ts';

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

/**
 * fontkit parses a font's tables on `create`; the 16 MB font is the same for every licence, so it is
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

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.35, 0.35, 0.4);
const FRAME = rgb(0.55, 0.12, 0.1);
export const A4: [number, number] = [595.28, 841.89];

/** Breaks text into lines no wider than `width` (CJK text may break anywhere; Latin words stay whole where they can). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
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

export function centre(page: PDFPage, text: string, font: PDFFont, size: number, y: number, color = INK) {
  page.drawText(text, { x: (A4[0] - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });
}

/**
 * Renders a licence as a one-page A4 PDF with the fonts embedded (subset), the seal and a QR code
 * that opens the public verification page. The result is not yet sealed: `sealDocument` signs it.
 * Saved without object streams so the seal can follow as a classic incremental update.
 */
export async function renderLicence(d: LicenceDocument): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit as unknown as typeof fontkit);
  const [font, bold] = await Promise.all([doc.embedFont(documentFont('regular'), { subset: true }), doc.embedFont(documentFont('bold'), { subset: true })]);
  doc.setTitle(`${d.title} ${d.licenceNo}`);
  doc.setSubject(d.identifier);
  doc.setKeywords([d.identifier, d.verifyUrl]);
  doc.setAuthor(d.issuerName);
  doc.setCreator('Yiwang 一网 e-licence');
  doc.setProducer('Yiwang');
  doc.setCreationDate(d.issuedAt);
  doc.setModificationDate(d.issuedAt);
  doc.setLanguage('zh-CN');
  const page = doc.addPage(A4);
  const [W, H] = A4;
  page.drawRectangle({ x: 24, y: 24, width: W - 48, height: H - 48, borderColor: FRAME, borderWidth: 2.5 });
  page.drawRectangle({ x: 31, y: 31, width: W - 62, height: H - 62, borderColor: FRAME, borderWidth: 0.8 });

  centre(page, d.title, bold, 30, H - 120);
  if (d.titleEn) centre(page, d.titleEn, font, 11, H - 142, MUTED);
  centre(page, `电子证照  证照编号：${d.licenceNo}`, font, 11, H - 166, MUTED);

  const labelX = 78;
  const valueX = 200;
  const valueW = W - valueX - 70;
  let y = H - 220;
  const rows = [{ label: '持证主体', value: d.holderName }, { label: d.holderCodeLabel, value: d.holderCode }, ...d.rows, { label: '有效期限', value: d.validity }];
  for (const r of rows) {
    const lines = wrap(r.value || '—', font, 13, valueW);
    page.drawText(r.label, { x: labelX, y, size: 13, font: bold, color: MUTED });
    lines.forEach((l, i) => page.drawText(l, { x: valueX, y: y - i * 19, size: 13, font, color: INK }));
    y -= Math.max(lines.length, 1) * 19 + 14;
    if (y < 300) break;
  }

  // Issuer and date bottom right, the seal pressed over them as on paper.
  const issuer = `发证机关：${d.issuerName}`;
  const date = `发证日期：${d.issuedOn}`;
  page.drawText(issuer, { x: W - 80 - font.widthOfTextAtSize(issuer, 13), y: 190, size: 13, font, color: INK });
  page.drawText(date, { x: W - 80 - font.widthOfTextAtSize(date, 13), y: 168, size: 13, font, color: INK });
  drawSealMark(page, font, { x: W - 150, y: 190, r: 58 }, d.seal.unitName, d.seal.purpose);

  const qr = await doc.embedPng(await QRCode.toBuffer(d.verifyUrl, { errorCorrectionLevel: 'M', margin: 2, scale: 4 }));
  page.drawImage(qr, { x: 70, y: 110, width: 110, height: 110 });
  page.drawText('扫码核验 Scan to verify', { x: 70, y: 96, size: 9, font, color: MUTED });
  page.drawText(`证照标识 ${d.identifier}`, { x: 70, y: 62, size: 8, font, color: MUTED });
  return doc.save({ useObjectStreams: false });
}
