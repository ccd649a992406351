import type fontkit from '@pdf-lib/fontkit';
import { cmyk, PDFDocument, PDFName, setCharacterSpacing, type PDFFont } from 'pdf-lib';
import { faceBytes, faceFontkit, type Face } from './fonts.ts';
import type { Colour, Layout } from './layout.ts';
import type { OfficialDocumentModel } from './model.ts';

/** 红色 as the standard prints it (M80 Y80) [S per NOTES §4.2], and black ink. */
const INKS: Record<Colour, ReturnType<typeof cmyk>> = { red: cmyk(0, 0.8, 0.8, 0), black: cmyk(0, 0, 0, 1) };

/**
 * Where the sealer presses the red seal (read by the licences module's office sealer): a catalog
 * entry `/YiwangSealSpot << /Page /X /Y /R >>`, in points. The sealer removes it when it stamps.
 */
export const SEAL_SPOT_KEY = 'YiwangSealSpot';

/**
 * Draws a laid-out 公文 as PDF: fonts subset and embedded, each text at its place, rules, and the
 * seal's place for the sealer. Saved without object streams so the seal signature can be appended
 * as an incremental update. The dates in the file are the 成文日期, so the same model gives the same bytes.
 */
export async function layoutToPdf(l: Layout, m: OfficialDocumentModel): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(faceFontkit as unknown as typeof fontkit);
  const faces = new Set(l.pages.flatMap((p) => p.texts.map((t) => t.face)));
  const fonts = new Map<Face, PDFFont>();
  for (const face of faces) fonts.set(face, await doc.embedFont(faceBytes(face), { subset: true }));
  const made = new Date(`${m.date}T00:00:00+08:00`);
  doc.setTitle(m.title);
  doc.setAuthor(m.issuerName);
  doc.setSubject(m.docNumber);
  doc.setCreator('Yiwang 一网协同');
  doc.setProducer('Yiwang');
  doc.setCreationDate(made);
  doc.setModificationDate(made);
  doc.setLanguage('zh-CN');
  for (const p of l.pages) {
    const page = doc.addPage([l.grid.pageWidth, l.grid.pageHeight]);
    for (const r of p.rules) page.drawLine({ start: { x: r.x1, y: r.y }, end: { x: r.x2, y: r.y }, thickness: r.thickness, color: INKS[r.colour] });
    for (const t of p.texts) {
      if (t.tracking) page.pushOperators(setCharacterSpacing(t.tracking));
      page.drawText(t.text, { x: t.x, y: t.y, size: t.size, font: fonts.get(t.face)!, color: INKS[t.colour] });
      if (t.tracking) page.pushOperators(setCharacterSpacing(0));
    }
  }
  doc.catalog.set(PDFName.of(SEAL_SPOT_KEY), doc.context.obj({ Page: l.seal.page, X: l.seal.x, Y: l.seal.y, R: l.seal.r }));
  return doc.save({ useObjectStreams: false });
}
