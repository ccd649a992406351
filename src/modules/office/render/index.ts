import { layoutOfficialDocument } from './layout.ts';
import type { OfficialDocumentModel } from './model.ts';
import { layoutToPdf } from './pdf.ts';

/**
 * GB/T 9704-2012 rendering of 公文: the model is laid out once on the standard's grid (layout.ts)
 * and drawn as PDF (pdf.ts) or OFD (ofd.ts). Sealing is the DocumentSealer port's: it presses the red
 * seal where the layout left room for it and signs the bytes.
 */
export type { OfficialDocumentModel } from './model.ts';
export { layoutOfficialDocument, type Layout, type Element } from './layout.ts';
export { GBT9704, gridOf, type PageSpec } from './geometry.ts';
export { chineseDate, DOC_NUMBER, formatDocNumber } from './text.ts';
export { SEAL_SPOT_KEY } from './pdf.ts';

export async function renderOfficialDocument(model: OfficialDocumentModel): Promise<Uint8Array> {
  return layoutToPdf(layoutOfficialDocument(model), model);
}
