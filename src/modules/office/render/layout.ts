import type { Face } from './fonts.ts';
import { baselineOf, GBT9704, gridOf, lineTop, MM, type Grid, type PageSpec } from './geometry.ts';
import type { OfficialDocumentModel } from './model.ts';
import { chineseDate, widthOf, wrap, type Run } from './text.ts';

/** Which element of GB/T 9704 a piece of text is, in the order the standard lays them out. */
export type Element =
  'copyNumber' | 'secrecy' | 'urgency' | 'issuerMark' | 'docNumber' | 'signers' | 'title' | 'recipients' | 'body' | 'attachments' | 'issuerName' | 'date' | 'note' | 'cc' | 'printer' | 'pageNumber';

export type Colour = 'black' | 'red';

/** One drawn run: `y` is its baseline, from the page's bottom, in points (as PDF counts). */
export interface PlacedText {
  element: Element;
  text: string;
  face: Face;
  size: number;
  x: number;
  y: number;
  colour: Colour;
  /** Space after every character (PDF Tc), so 3号 characters advance exactly one grid cell. */
  tracking: number;
}

export interface PlacedRule {
  x1: number;
  x2: number;
  y: number;
  thickness: number;
  colour: Colour;
}

export interface LaidPage {
  texts: PlacedText[];
  rules: PlacedRule[];
}

/** A document laid out once, drawn as PDF or OFD. */
export interface Layout {
  grid: Grid;
  pages: LaidPage[];
  /** Where the seal goes: centred over 署名 and 成文日期, with them below its centre. */
  seal: { page: number; x: number; y: number; r: number };
}

const HEADING_1 = /^[一二三四五六七八九十百]+、/;
const HEADING_2 = /^[（(][一二三四五六七八九十百]+[）)]/;

/**
 * 一级标题 in 黑体, 二级 in 楷体; a heading followed by text in the same paragraph keeps the heading's
 * face up to its first full stop only.
 */
function bodyRuns(p: string): Run[] {
  const face: Face | null = HEADING_1.test(p) ? 'hei' : HEADING_2.test(p) ? 'kai' : null;
  if (!face) return [{ text: p, face: 'fang' }];
  const stop = p.indexOf('。');
  if (stop < 0 || stop === p.length - 1) return [{ text: p, face }];
  return [
    { text: p.slice(0, stop + 1), face },
    { text: p.slice(stop + 1), face: 'fang' },
  ];
}

/** A line waiting for a slot: runs, where it starts (points from the 版心's left), its element. */
interface Line {
  runs: Run[];
  indent: number;
  element: Element;
}

/**
 * Lays a 公文 out on the GB/T 9704 grid: the 版头 on page one (its elements at the standard's
 * distances), then every line of 主体 on one of the 22 lines of a page, the signature block with
 * room for the seal, and the 版记 on the last lines of the last page.
 */
export function layoutOfficialDocument(m: OfficialDocumentModel, spec: PageSpec = GBT9704): Layout {
  const g = gridOf(spec);
  const width = g.right - g.left;
  const body = spec.bodyPt;
  const pages: LaidPage[] = [];
  const newPage = () => {
    pages.push({ texts: [], rules: [] });
    return pages.length - 1;
  };
  let page = newPage();
  /** The next free line on the current page. */
  let slot = 0;

  const put = (p: number, element: Element, runs: Run[], x: number, y: number, size: number, colour: Colour = 'black', tracking = size === body ? g.tracking : 0) => {
    const placed: PlacedText[] = [];
    for (const r of runs) {
      if (!r.text) continue;
      const t: PlacedText = { element, text: r.text, face: r.face, size, x, y, colour, tracking };
      pages[p].texts.push(t);
      placed.push(t);
      x += widthOf([r], size, tracking);
    }
    return placed;
  };
  const runsWidth = (runs: Run[], size = body) => widthOf(runs, size, size === body ? g.tracking : 0);

  // 版头: 份号, 密级和保密期限, 紧急程度 on the first lines, flush left.
  if (m.copyNumber) put(page, 'copyNumber', [{ text: m.copyNumber, face: 'fang' }], g.left, baselineOf(g, slot++, body), body);
  if (m.secrecy) put(page, 'secrecy', [{ text: m.secrecy, face: 'hei' }], g.left, baselineOf(g, slot++, body), body);
  if (m.urgency) put(page, 'urgency', [{ text: m.urgency, face: 'hei' }], g.left, baselineOf(g, slot++, body), body);

  // 发文机关标志: red, centred, its top at 35 mm (上行文 80 mm) under the 版心's top, fitted to the width.
  const upward = !!m.signers?.length;
  const mark: Run[] = [{ text: m.issuerMark, face: 'hei' }];
  const markSize = Math.min(spec.markMaxCharMm * MM, width / Math.max(runsWidth(mark, 1), 0.01));
  const markTop = g.top - (upward ? spec.markTopUpwardMm : spec.markTopMm) * MM;
  put(page, 'issuerMark', mark, g.left + (width - runsWidth(mark, markSize)) / 2, markTop - 0.88 * markSize, markSize, 'red');
  const markBottom = markTop - markSize;

  // 发文字号 two blank lines under the mark: centred, or for 上行文 left with 签发人 on the right.
  slot = Math.ceil((g.top - markBottom) / g.pitch) + 2;
  const number: Run[] = [{ text: m.docNumber, face: 'fang' }];
  if (upward) {
    put(page, 'docNumber', number, g.left + g.cell, baselineOf(g, slot, body), body);
    const signers: Run[] = [
      { text: '签发人：', face: 'fang' },
      { text: m.signers!.join('　'), face: 'kai' },
    ];
    put(page, 'signers', signers, g.right - g.cell - runsWidth(signers), baselineOf(g, slot, body), body);
  } else put(page, 'docNumber', number, g.left + (width - runsWidth(number)) / 2, baselineOf(g, slot, body), body);

  // The red separator 4 mm under the 发文字号, as wide as the 版心.
  const ruleY = lineTop(g, slot) - g.cell - spec.redRuleGapMm * MM;
  pages[page].rules.push({ x1: g.left, x2: g.right, y: ruleY, thickness: spec.redRuleMm * MM, colour: 'red' });

  // 标题 two blank lines under the separator, 2号, centred, on as many lines as it needs.
  slot = Math.ceil((g.top - ruleY) / g.pitch) + 2;
  for (const line of wrap([{ text: m.title, face: 'hei' }], spec.titlePt, 0, width - 2 * g.cell, width - 2 * g.cell))
    put(page, 'title', line, g.left + (width - runsWidth(line, spec.titlePt)) / 2, baselineOf(g, slot++, spec.titlePt), spec.titlePt);
  slot++;

  // 主体 from here: every line on a grid line, flowing onto new pages.
  const flowed: { page: number; slot: number; line: Line; placed: PlacedText[] }[] = [];
  const flow = (line: Line) => {
    if (slot >= spec.lines) {
      page = newPage();
      slot = 0;
    }
    const placed = put(page, line.element, line.runs, g.left + line.indent, baselineOf(g, slot, body), body);
    flowed.push({ page, slot, line, placed });
    slot++;
  };
  const paragraph = (runs: Run[], element: Element, first: number, rest: number) => {
    wrap(runs, body, g.tracking, width - first, width - rest).forEach((r, i) => flow({ runs: r, indent: i === 0 ? first : rest, element }));
  };

  if (m.mainRecipients.length) paragraph([{ text: `${m.mainRecipients.join('，')}：`, face: 'fang' }], 'recipients', 0, 0);
  for (const p of m.body) paragraph(bodyRuns(p), 'body', 2 * g.cell, 0);

  // 附件说明: one blank line, then 附件：1.… with later numbers and wrapped names aligned.
  const attachments = m.attachments ?? [];
  if (attachments.length) {
    slot++;
    const label = '附件：';
    const labelW = runsWidth([{ text: label, face: 'fang' }]);
    attachments.forEach((name, i) => {
      const numbered = attachments.length > 1 ? `${i + 1}.` : '';
      const numberW = runsWidth([{ text: numbered, face: 'fang' }]);
      const start = 2 * g.cell + labelW;
      const lines = wrap([{ text: name, face: 'fang' }], body, g.tracking, width - start - numberW, width - start - numberW);
      lines.forEach((r, j) => {
        const lead = j === 0 ? [...(i === 0 ? [{ text: label, face: 'fang' as const }] : []), ...(numbered ? [{ text: numbered, face: 'fang' as const }] : [])] : [];
        const indent = j === 0 ? (i === 0 ? 2 * g.cell : start) : start + numberW;
        flow({ runs: [...lead, ...r], indent, element: 'attachments' });
      });
    });
  }

  // 署名 and 成文日期 after blank lines that leave the seal's top within a line of the text. They may
  // not stand alone on a page, so when they do not fit, the last two lines of text move with them.
  const date: Run[] = [{ text: chineseDate(m.date), face: 'fang' }];
  const name: Run[] = [{ text: m.issuerName, face: 'fang' }];
  let signAt = slot + spec.gapBeforeSignature;
  if (signAt + 1 >= spec.lines) {
    const moving = flowed.splice(Math.max(0, flowed.length - 2));
    for (const f of moving) pages[f.page].texts = pages[f.page].texts.filter((t) => !f.placed.includes(t));
    page = newPage();
    slot = 0;
    for (const f of moving) flow(f.line);
    signAt = slot + spec.gapBeforeSignature;
  }
  const dateW = runsWidth(date);
  const dateX = g.right - spec.dateRightChars * g.cell - dateW;
  const centre = dateX + dateW / 2;
  const nameW = runsWidth(name);
  put(page, 'issuerName', name, Math.min(centre - nameW / 2, g.right - nameW), baselineOf(g, signAt, body), body);
  put(page, 'date', date, dateX, baselineOf(g, signAt + 1, body), body);
  const seal = { page, x: centre, y: lineTop(g, signAt), r: (spec.sealDiameterMm * MM) / 2 };
  slot = signAt + 2;

  // 附注 on the line under the date, two characters in, in parentheses.
  if (m.note) {
    const note = /^[（(].*[）)]$/.test(m.note) ? m.note : `（${m.note}）`;
    paragraph([{ text: note, face: 'fang' }], 'note', 2 * g.cell, 0);
  }

  // 版记 on the last lines of the last page: 抄送 (4号, one character in from each side, wrapped lines
  // aligned after the colon, a full stop at the end), then 印发机关 left and 印发日期 right, with a
  // thick rule above and below and a thin one between.
  const small = spec.smallPt;
  const cc = m.ccRecipients ?? [];
  const ccLabel: Run = { text: '抄送：', face: 'fang' };
  const ccLabelW = widthOf([ccLabel], small, 0);
  const ccLines = cc.length ? wrap([{ text: `${cc.join('，')}。`, face: 'fang' }], small, 0, width - 2 * g.cell - ccLabelW, width - 2 * g.cell - ccLabelW) : [];
  const rows = ccLines.length + 1;
  if (slot > spec.lines - rows) {
    page = newPage();
    slot = 0;
  }
  // Row j (from the bottom) is one pitch high; its text is centred in it.
  const rowBase = (j: number) => g.bottom + (j + 0.5) * g.pitch - 0.38 * small;
  const printedOn: Run[] = [{ text: `${chineseDate(m.printedDate)}印发`, face: 'fang' }];
  ccLines.forEach((r, i) => put(page, 'cc', i === 0 ? [ccLabel, ...r] : r, g.left + g.cell + (i === 0 ? 0 : ccLabelW), rowBase(rows - 1 - i), small));
  put(page, 'printer', [{ text: m.printedBy, face: 'fang' }], g.left + g.cell, rowBase(0), small);
  put(page, 'printer', printedOn, g.right - g.cell - widthOf(printedOn, small, 0), rowBase(0), small);
  const rule = (y: number, mm: number) => pages[page].rules.push({ x1: g.left, x2: g.right, y, thickness: mm * MM, colour: 'black' });
  rule(g.bottom + rows * g.pitch, spec.thickRuleMm);
  if (rows > 1) rule(g.bottom + g.pitch, spec.thinRuleMm);
  rule(g.bottom, spec.thickRuleMm);

  // 页码 "— 1 —" 7 mm under the 版心: odd pages one character in from the right, even from the left.
  pages.forEach((p, i) => {
    const label: Run[] = [{ text: `— ${i + 1} —`, face: 'fang' }];
    const w = widthOf(label, small, 0);
    const x = i % 2 === 0 ? g.right - g.cell - w : g.left + g.cell;
    put(i, 'pageNumber', label, x, g.bottom - spec.pageNumberGapMm * MM - 0.7 * small, small);
  });

  return { grid: g, pages, seal };
}
