import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { advanceEm, type Face } from './fonts.ts';
import { MM } from './geometry.ts';
import type { Colour, Layout } from './layout.ts';
import type { OfficialDocumentModel } from './model.ts';

/**
 * OFD (GB/T 33190-2016, 版式文档) of a laid-out 公文: a ZIP with OFD.xml → Doc_0/Document.xml → one
 * Content.xml per page holding TextObjects (and PathObjects for the rules), the fonts named in
 * PublicRes.xml, and, when given, the seal as an ImageObject over 署名 and 成文日期. Structure after
 * the standard's published outline and ofdrw's writer [U: attribute names beyond those NOTES lists].
 * Fonts are referenced by name, not embedded (a reader substitutes a 楷 face), and the OFD is not
 * signed: the sealed document of record is the PDF.
 */
const NS = 'http://www.ofdspec.org/2016';
const FONT_NAMES: Record<Face, string> = { fang: 'LXGW WenKai Light', kai: 'LXGW WenKai', hei: 'LXGW WenKai Bold' };
const COLOURS: Record<Colour, string> = { red: '255 51 51', black: '0 0 0' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Millimetres with two decimals, as OFD measures. */
const mm = (pt: number) => (pt / MM).toFixed(2).replace(/\.?0+$/, '') || '0';
const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;

export function layoutToOfd(l: Layout, m: OfficialDocumentModel, opts: { sealPng?: Uint8Array } = {}): Uint8Array {
  let id = 0;
  const next = () => ++id;
  const faces = [...new Set(l.pages.flatMap((p) => p.texts.map((t) => t.face)))];
  const fontIds = new Map(faces.map((f) => [f, next()] as const));
  const sealId = opts.sealPng ? next() : null;
  const H = l.grid.pageHeight;
  const pageIds: number[] = [];
  const contents = l.pages.map((p, pi) => {
    pageIds.push(next());
    const layer = next();
    const objects: string[] = [];
    for (const r of p.rules) {
      const y = H - r.y;
      objects.push(
        `<ofd:PathObject ID="${next()}" Boundary="${mm(r.x1)} ${mm(y - r.thickness)} ${mm(r.x2 - r.x1)} ${mm(2 * r.thickness)}" LineWidth="${mm(r.thickness)}" Stroke="true" Fill="false">` +
          `<ofd:StrokeColor Value="${COLOURS[r.colour]}"/><ofd:AbbreviatedData>M 0 ${mm(r.thickness)} L ${mm(r.x2 - r.x1)} ${mm(r.thickness)}</ofd:AbbreviatedData></ofd:PathObject>`,
      );
    }
    for (const t of p.texts) {
      const chars = [...t.text];
      const advances = chars.map((ch) => advanceEm(t.face, ch) * t.size + t.tracking);
      const width = advances.reduce((s, a) => s + a, 0);
      const top = H - t.y - 0.88 * t.size;
      const delta = advances.slice(0, -1).map(mm).join(' ');
      objects.push(
        `<ofd:TextObject ID="${next()}" Boundary="${mm(t.x)} ${mm(top)} ${mm(width)} ${mm(t.size)}" Font="${fontIds.get(t.face)}" Size="${mm(t.size)}">` +
          `<ofd:FillColor Value="${COLOURS[t.colour]}"/>` +
          `<ofd:TextCode X="0" Y="${mm(0.88 * t.size)}"${delta ? ` DeltaX="${delta}"` : ''}>${esc(t.text)}</ofd:TextCode></ofd:TextObject>`,
      );
    }
    if (sealId && l.seal.page === pi) {
      const d = mm(2 * l.seal.r);
      objects.push(`<ofd:ImageObject ID="${next()}" Boundary="${mm(l.seal.x - l.seal.r)} ${mm(H - l.seal.y - l.seal.r)} ${d} ${d}" CTM="${d} 0 0 ${d} 0 0" ResourceID="${sealId}"/>`);
    }
    return xml(`<ofd:Page xmlns:ofd="${NS}"><ofd:Content><ofd:Layer ID="${layer}">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`);
  });

  const docId = createHash('md5').update(`${m.docNumber}\n${m.title}\n${m.date}`).digest('hex');
  const files: Record<string, Uint8Array> = {
    'OFD.xml': strToU8(
      xml(
        `<ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>` +
          `<ofd:DocID>${docId}</ofd:DocID><ofd:Title>${esc(m.title)}</ofd:Title><ofd:Author>${esc(m.issuerName)}</ofd:Author>` +
          `<ofd:Subject>${esc(m.docNumber)}</ofd:Subject><ofd:CreationDate>${m.date}</ofd:CreationDate><ofd:Creator>Yiwang 一网协同</ofd:Creator>` +
          `</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
      ),
    ),
    'Doc_0/Document.xml': strToU8(
      xml(
        `<ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID>` +
          `<ofd:PageArea><ofd:PhysicalBox>0 0 ${mm(l.grid.pageWidth)} ${mm(H)}</ofd:PhysicalBox></ofd:PageArea>` +
          `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${sealId ? '<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>' : ''}</ofd:CommonData>` +
          `<ofd:Pages>${pageIds.map((pid, i) => `<ofd:Page ID="${pid}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('')}</ofd:Pages></ofd:Document>`,
      ),
    ),
    'Doc_0/PublicRes.xml': strToU8(
      xml(
        `<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:Fonts>` +
          faces.map((f) => `<ofd:Font ID="${fontIds.get(f)}" FontName="${FONT_NAMES[f]}" FamilyName="LXGW WenKai"/>`).join('') +
          `</ofd:Fonts></ofd:Res>`,
      ),
    ),
  };
  contents.forEach((c, i) => (files[`Doc_0/Pages/Page_${i}/Content.xml`] = strToU8(c)));
  if (sealId && opts.sealPng) {
    files['Doc_0/DocumentRes.xml'] = strToU8(
      xml(
        `<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="${sealId}" Type="Image" Format="PNG"><ofd:MediaFile>seal.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>`,
      ),
    );
    files['Doc_0/Res/seal.png'] = opts.sealPng;
  }
  // A fixed time in the ZIP entries, so the same model gives the same bytes.
  return zipSync(files, { level: 6, mtime: new Date(`${m.date}T00:00:00+08:00`) });
}
