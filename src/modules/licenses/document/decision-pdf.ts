import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { documentFont } from '../../../kernel/files/fonts.ts';
import { A4, cachingFontkit, centre, INK, MUTED, wrap } from './licence-pdf.ts';
import { drawSealMark, SEAL_RED } from './seal-mark.ts';

/** A 决定书/通知书 as it is printed: every text already worded in its language. */
export interface DecisionDocument {
  lang: 'zh' | 'en';
  /** The deciding department, printed in red above the title as on a 公文 head. */
  header: string;
  title: string;
  documentNo: string;
  addressee: string;
  paragraphs: string[];
  rows: { label: string; value: string }[];
  closing: { issuer: string; date: string };
  note: string | null;
  /** Null for a department without a usable seal: the page then says it cannot be verified. */
  verify: { url: string; caption: string; code: string } | null;
  seal: { unitName: string; purpose: string } | null;
  issuedAt: Date;
}

/**
 * Draws a decision on one A4 page: red department head and rule, title and 文号, the addressee and
 * the decision in paragraphs, its particulars, the department and date bottom right with the round
 * seal over them, and a QR code to the public verification page. Saved without object streams so
 * `sealDocument` can append the signature as an incremental update, as for licences.
 */
export async function renderDecision(d: DecisionDocument): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit as unknown as typeof fontkit);
  const [font, bold] = await Promise.all([doc.embedFont(documentFont('regular'), { subset: true }), doc.embedFont(documentFont('bold'), { subset: true })]);
  doc.setTitle(`${d.title} ${d.documentNo}`);
  if (d.verify) {
    doc.setSubject(d.verify.code);
    doc.setKeywords([d.verify.code, d.verify.url]);
  }
  doc.setAuthor(d.header);
  doc.setCreator('Yiwang 一网');
  doc.setProducer('Yiwang');
  doc.setCreationDate(d.issuedAt);
  doc.setModificationDate(d.issuedAt);
  doc.setLanguage(d.lang === 'zh' ? 'zh-CN' : 'en');
  const page = doc.addPage(A4);
  const [W, H] = A4;
  const left = 72;
  const width = W - 2 * left;
  const headerSize = Math.min(24, (width / Math.max(font.widthOfTextAtSize(d.header, 24), 1)) * 24);
  centre(page, d.header, bold, headerSize, H - 90, SEAL_RED);
  page.drawLine({ start: { x: left, y: H - 106 }, end: { x: W - left, y: H - 106 }, thickness: 1.6, color: SEAL_RED });
  centre(page, d.title, bold, d.lang === 'zh' ? 22 : 16, H - 146);
  centre(page, d.documentNo, font, 11, H - 168, MUTED);
  let y = H - 208;
  const text = (s: string, size: number, indent = 0, f = font) => {
    for (const line of wrap(s, f, size, width - indent)) {
      page.drawText(line, { x: left + indent, y, size, font: f, color: INK });
      y -= size * 1.7;
    }
  };
  text(d.addressee, 13, 0, bold);
  y -= 4;
  // Paragraphs open with a two-character indent in Chinese, as 公文 do.
  for (const p of d.paragraphs) {
    const lines = wrap(p, font, 13, width - 26);
    lines.forEach((line, i) => {
      page.drawText(line, { x: left + (i === 0 && d.lang === 'zh' ? 26 : 0), y, size: 13, font, color: INK });
      y -= 13 * 1.7;
    });
    y -= 4;
  }
  y -= 6;
  const labelW = d.lang === 'zh' ? 84 : 120;
  for (const r of d.rows) {
    const lines = wrap(r.value || '—', font, 11, width - labelW);
    page.drawText(r.label, { x: left, y, size: 11, font: bold, color: MUTED });
    lines.forEach((l, i) => page.drawText(l, { x: left + labelW, y: y - i * 17, size: 11, font, color: INK }));
    y -= lines.length * 17 + 6;
    if (y < 260) break;
  }
  // Department and date bottom right, the seal pressed over them as on paper.
  const right = (s: string, at: number) => page.drawText(s, { x: W - left - font.widthOfTextAtSize(s, 13), y: at, size: 13, font, color: INK });
  right(d.closing.issuer, 200);
  right(d.closing.date, 178);
  if (d.seal) drawSealMark(page, font, { x: W - left - 70, y: 196, r: 56 }, d.seal.unitName, d.seal.purpose);
  if (d.verify) {
    const qr = await doc.embedPng(await QRCode.toBuffer(d.verify.url, { errorCorrectionLevel: 'M', margin: 2, scale: 4 }));
    page.drawImage(qr, { x: left - 6, y: 118, width: 100, height: 100 });
    page.drawText(d.verify.caption, { x: left, y: 104, size: 9, font, color: MUTED });
    page.drawText(d.verify.code, { x: left, y: 90, size: 7, font, color: MUTED });
  }
  if (d.note) for (const [i, line] of wrap(d.note, font, 9, width).entries()) page.drawText(line, { x: left, y: 66 - i * 13, size: 9, font, color: MUTED });
  return doc.save({ useObjectStreams: false });
}
