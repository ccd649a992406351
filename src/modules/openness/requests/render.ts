import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import { documentFont } from '../../../kernel/files/fonts.ts';

/**
 * A notice of 依申请公开 (受理回执, 补正通知书, 征询函, 延期答复告知书, 答复告知书) as a one- or
 * more-page A4 PDF, set in LXGW WenKai (SIL OFL 1.1, `@fontsource/lxgw-wenkai`, the one CJK family the
 * platform ships), embedded as a subset. Saved without object streams so the seal follows as an
 * incremental update. Not sealed here: the sealer (flow openness-seals) signs it.
 */
export interface NoticeText {
  title: string;
  /** e.g. 乌兰浩特市人民政府办公室 依申请公开 〔2026〕152201-YSQ-20261201-0001 号. */
  reference: string;
  /** 称谓: the applicant (or third party) addressed. */
  to: string;
  paragraphs: string[];
  /** 落款: the department. */
  from: string;
  /** YYYY-MM-DD. */
  date: string;
}

let parsedFont: ReturnType<typeof fontkit.create> | null = null;

/** fontkit parses the 16 MB font once; pdf-lib reads the parsed font to lay out and subset. */
const cachingFontkit = {
  create(bytes: Uint8Array) {
    if (!parsedFont) parsedFont = fontkit.create(bytes);
    return parsedFont;
  },
};

/** Lines of at most `width` points, breaking anywhere (Chinese has no spaces to break at). */
function wrap(text: string, f: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const ch of Array.from(para)) {
      if (line && f.widthOfTextAtSize(line + ch, size) > width) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
    lines.push(line);
  }
  return lines;
}

const A4: [number, number] = [595.28, 841.89];
const INK = rgb(0.1, 0.1, 0.12);

/** The characters the font cannot draw (control characters, a few rare ones) become spaces rather than failing the notice. */
function drawable(set: ReadonlySet<number>, s: string): string {
  return Array.from(s)
    .map((ch) => (set.has(ch.codePointAt(0)!) ? ch : ' '))
    .join('');
}

export async function renderNotice(n: NoticeText): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit as unknown as typeof fontkit);
  const f = await doc.embedFont(documentFont('regular'), { subset: true });
  doc.setTitle(n.title);
  doc.setSubject(n.reference);
  doc.setCreator('Yiwang 政务公开');
  const margin = 72;
  const width = A4[0] - margin * 2;
  const chars = new Set(f.getCharacterSet());
  let page = doc.addPage(A4);
  let y = A4[1] - margin;
  const line = (text: string, size: number, opts: { center?: boolean; right?: boolean; gap?: number } = {}) => {
    for (const l of wrap(drawable(chars, text), f, size, width)) {
      if (y < margin + size) {
        page = doc.addPage(A4);
        y = A4[1] - margin;
      }
      const w = f.widthOfTextAtSize(l, size);
      const x = opts.center ? (A4[0] - w) / 2 : opts.right ? A4[0] - margin - w : margin;
      page.drawText(l, { x, y: y - size, size, font: f, color: INK });
      y -= size * 1.75;
    }
    y -= opts.gap ?? 0;
  };
  line(n.title, 20, { center: true, gap: 4 });
  line(n.reference, 11, { center: true, gap: 18 });
  line(`${n.to}：`, 13, { gap: 4 });
  for (const p of n.paragraphs) line(`\u3000\u3000${p}`, 13, { gap: 6 });
  y -= 30;
  line(n.from, 13, { right: true });
  const [yy, mm, dd] = n.date.split('-').map(Number);
  line(`${yy}年${mm}月${dd}日`, 13, { right: true });
  return doc.save({ useObjectStreams: false });
}
