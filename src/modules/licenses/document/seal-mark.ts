import { degrees, rgb, type Color, type Rotation } from 'pdf-lib';

export const SEAL_RED = rgb(0.83, 0.07, 0.09);

/** What can measure text: a pdf-lib PDFFont, or a licence's cached subset font. */
export interface TextMeasure {
  widthOfTextAtSize(text: string, size: number): number;
}

/**
 * The drawing calls a seal needs: a pdf-lib PDFPage, or the recorder licences use to build their
 * cached layout outside a page.
 */
export interface SealCanvas<F extends TextMeasure> {
  drawCircle(o: { x: number; y: number; size: number; borderColor: Color; borderWidth: number; opacity: number; borderOpacity: number }): void;
  drawSvgPath(path: string, o: { x: number; y: number; color: Color; opacity: number }): void;
  drawText(text: string, o: { x: number; y: number; size: number; font: F; color: Color; rotate?: Rotation; opacity?: number }): void;
}

/**
 * Draws an official round seal (公章式样): a red ring, a five-pointed star, the unit's name along the
 * upper arc and the seal's purpose (e.g. 证照专用章) straight below the star. Drawn as vectors, so it
 * stays sharp at any zoom and needs no image file per department.
 */
export function drawSealMark<F extends TextMeasure>(page: SealCanvas<NoInfer<F>>, font: F, at: { x: number; y: number; r: number }, unitName: string, purpose: string): void {
  const { x, y, r } = at;
  page.drawCircle({ x, y, size: r, borderColor: SEAL_RED, borderWidth: r * 0.06, opacity: 0, borderOpacity: 0.9 });
  page.drawSvgPath(starPath(r * 0.3), { x, y, color: SEAL_RED, opacity: 0.9 });
  // The name runs clockwise over about 240° of the upper arc, each character upright to the centre.
  const chars = [...unitName];
  const size = Math.min(r * 0.26, (r * 3.6) / Math.max(chars.length, 1));
  const span = Math.min(240, chars.length * 22);
  chars.forEach((ch, i) => {
    const angle = 90 + span / 2 - (chars.length === 1 ? span / 2 : (span * i) / (chars.length - 1));
    const rad = (angle * Math.PI) / 180;
    const rr = r * 0.74;
    // Place the glyph so its centre sits on the arc: offset back by half its width along the tangent.
    const w = font.widthOfTextAtSize(ch, size);
    const cx = x + rr * Math.cos(rad) - ((w / 2) * Math.cos(rad - Math.PI / 2) - size * 0.35 * Math.cos(rad));
    const cy = y + rr * Math.sin(rad) - ((w / 2) * Math.sin(rad - Math.PI / 2) - size * 0.35 * Math.sin(rad));
    page.drawText(ch, { x: cx, y: cy, size, font, color: SEAL_RED, rotate: degrees(angle - 90), opacity: 0.9 });
  });
  const ps = r * 0.2;
  const pw = font.widthOfTextAtSize(purpose, ps);
  page.drawText(purpose, { x: x - pw / 2, y: y - r * 0.62, size: ps, font, color: SEAL_RED, opacity: 0.9 });
}

/** A five-pointed star as an SVG path centred on the origin (y grows downward in SVG paths). */
function starPath(outer: number): string {
  const inner = outer * 0.382;
  const points = Array.from({ length: 10 }, (_, i) => {
    const rad = (Math.PI / 5) * i - Math.PI / 2;
    const len = i % 2 === 0 ? outer : inner;
    return `${(len * Math.cos(rad)).toFixed(2)} ${(len * Math.sin(rad)).toFixed(2)}`;
  });
  return `M ${points.join(' L ')} Z`;
}
