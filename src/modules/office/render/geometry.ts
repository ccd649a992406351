/**
 * The page of GB/T 9704-2012 (党政机关公文格式), as numbers. Values the standard states are marked
 * [S]; values it leaves to the issuer or that we could not read in the standard's own text are
 * configuration [U] (see docs/office-documents.md).
 */
export const MM = 72 / 25.4;

export interface PageSpec {
  /** A4 [S]. */
  pageWidthMm: number;
  pageHeightMm: number;
  /** 天头 (top margin) 37 ± 1 mm [S]. */
  topMm: number;
  /** 订口 (binding-side margin, left) 28 ± 1 mm [S]. */
  leftMm: number;
  /** 版心 156 × 225 mm [S]. */
  blockWidthMm: number;
  blockHeightMm: number;
  /** 22 lines of 28 characters [S]. */
  lines: number;
  chars: number;
  /** 3号 (16 pt) for 正文 and most elements [S]; 2号 (22 pt) for the title [S]; 4号 (14 pt) for 版记 and page numbers [S]. */
  bodyPt: number;
  titlePt: number;
  smallPt: number;
  /** 发文机关标志: its top 35 mm below the 版心's top, 80 mm for 上行文 [S]. */
  markTopMm: number;
  markTopUpwardMm: number;
  /** 发文机关标志 at most this wide per character [U: "一般应小于 22 mm × 15 mm"]. */
  markMaxCharMm: number;
  /** The red separator 4 mm under the 发文字号 [S]; its thickness [U]. */
  redRuleGapMm: number;
  redRuleMm: number;
  /** 版记 rules: first and last 0.35 mm, the middle one 0.25 mm [S: recommended heights]. */
  thickRuleMm: number;
  thinRuleMm: number;
  /** 页码: its 一字线 7 mm below the 版心 [S]. */
  pageNumberGapMm: number;
  /** The round seal's diameter [U: 42 mm is usual for a local government unit's 公章]. */
  sealDiameterMm: number;
  /** 成文日期 right-indented four characters when sealed [S]. */
  dateRightChars: number;
  /** Blank lines between the last body line and 署名, so the seal's top is within a line of the text [U]. */
  gapBeforeSignature: number;
}

export const GBT9704: PageSpec = {
  pageWidthMm: 210,
  pageHeightMm: 297,
  topMm: 37,
  leftMm: 28,
  blockWidthMm: 156,
  blockHeightMm: 225,
  lines: 22,
  chars: 28,
  bodyPt: 16,
  titlePt: 22,
  smallPt: 14,
  markTopMm: 35,
  markTopUpwardMm: 80,
  markMaxCharMm: 15,
  redRuleGapMm: 4,
  redRuleMm: 0.5,
  thickRuleMm: 0.35,
  thinRuleMm: 0.25,
  pageNumberGapMm: 7,
  sealDiameterMm: 42,
  dateRightChars: 4,
  gapBeforeSignature: 2,
};

/** The grid every line sits on, in PDF points, derived from the spec rather than chosen. */
export interface Grid {
  pageWidth: number;
  pageHeight: number;
  /** 版心 edges: left, right, top and bottom (y from the page's bottom, as PDF counts). */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** One character's width: the 版心's width over 28 (5.57 mm, a hair under 3号's 5.64 mm). */
  cell: number;
  /**
   * Line pitch: the 22nd line's characters end on the 版心's bottom edge, so 21 pitches plus one
   * character fill 225 mm — 10.45 mm, which is one character plus 7/8 of one, as the standard
   * defines a line.
   */
  pitch: number;
  /** Character spacing so 3号 glyphs advance exactly one cell (28 to the line). */
  tracking: number;
}

export function gridOf(s: PageSpec = GBT9704): Grid {
  const cell = (s.blockWidthMm / s.chars) * MM;
  const height = s.blockHeightMm * MM;
  const pageHeight = s.pageHeightMm * MM;
  const top = pageHeight - s.topMm * MM;
  return {
    pageWidth: s.pageWidthMm * MM,
    pageHeight,
    left: s.leftMm * MM,
    right: (s.leftMm + s.blockWidthMm) * MM,
    top,
    bottom: top - height,
    cell,
    pitch: (height - cell) / (s.lines - 1),
    tracking: cell - s.bodyPt,
  };
}

/** Top of line `i` (0-based) of the 版心, as a PDF y. */
export const lineTop = (g: Grid, i: number) => g.top - i * g.pitch;

/**
 * The baseline that centres a glyph of `size` on line `i`'s character cell. CJK glyphs sit on an
 * em box whose bottom is about 0.12 em under the baseline (the ideographic baseline).
 */
export const baselineOf = (g: Grid, i: number, size: number) => lineTop(g, i) - g.cell / 2 - (0.5 - 0.12) * size;
