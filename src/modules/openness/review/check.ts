import { citizenIdProblem, maskCitizenId } from '../../../kernel/ids/citizen-id.ts';
import type { DocumentInput } from '../ports.ts';

/**
 * The automatic content check (内容风控) of a draft before 保密审查: terms of the region's sensitive-word
 * lexicon, and personal data — 18-digit ID numbers with a valid GB 11643 check digit, mobile and
 * landline numbers, residential addresses. Pure: the caller stores the findings.
 *
 * What may be waived as 误报 (by the department's 保密审查员, with a reason): phone numbers and
 * addresses, because a public document lawfully carries an office's hotline or address. What must be
 * edited out: ID numbers and lexicon terms (classification markers, words the bureau listed) — no
 * public document needs either, so they block submission until the text no longer has them.
 */
export type FindingKind = 'sensitive_word' | 'id_number' | 'mobile' | 'landline' | 'address';
export const FINDING_KINDS: Record<FindingKind, { zh: string; en: string; waivable: boolean }> = {
  sensitive_word: { zh: '敏感词', en: 'Sensitive word', waivable: false },
  id_number: { zh: '身份证号码', en: 'ID number', waivable: false },
  mobile: { zh: '手机号码', en: 'Mobile number', waivable: true },
  landline: { zh: '固定电话', en: 'Landline number', waivable: true },
  address: { zh: '住址', en: 'Residential address', waivable: true },
};

/** The fields checked, as findings name them. */
export type CheckedField = 'title' | 'summary' | 'body' | 'keywords' | 'links';

export interface Finding {
  kind: FindingKind;
  field: CheckedField;
  /** Which keyword or link (0-based); 0 for single fields. */
  item: number;
  /** 1-based paragraph of the field (paragraphs are separated by blank lines). */
  paragraph: number;
  /** Offset within the paragraph (UTF-16 units, as pages index strings). */
  offset: number;
  /** Offset and length within the field's text (or the item's text), for highlighting. */
  start: number;
  length: number;
  /** What was found, masked: never a full ID number or phone. */
  excerpt: string;
  /** The lexicon term, for a sensitive word. */
  term: string | null;
  waivable: boolean;
}

export interface CheckText {
  field: CheckedField;
  item: number;
  text: string;
}

/** The texts of a document the check reads. */
export function textsOf(d: Pick<DocumentInput, 'title' | 'summary' | 'body' | 'keywords' | 'links'>): CheckText[] {
  return [
    { field: 'title', item: 0, text: d.title },
    ...(d.summary ? [{ field: 'summary' as const, item: 0, text: d.summary }] : []),
    { field: 'body', item: 0, text: d.body },
    ...(d.keywords ?? []).map((text, item) => ({ field: 'keywords' as const, item, text })),
    ...(d.links ?? []).map((l, item) => ({ field: 'links' as const, item, text: l.label })),
  ];
}

const D = '[0-9０-９]';
const ID_RE = /(?<![0-9A-Za-z０-９])[1-9]\d{16}[\dXx](?![0-9A-Za-z０-９])/g;
// 13812345678, 138 1234 5678, 138-1234-5678, +86 13812345678
const MOBILE_RE = /(?<![0-9０-９])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9０-９])/g;
// 0482-8212345, 0482—8212345, (0482)8212345, （0482）8212345, 010-12345678
const LANDLINE_RE = /(?<![0-9０-９])(?:[(（]0\d{2,3}[)）]\s?|0\d{2,3}[-－—–\s])\d{7,8}(?![0-9０-９])/g;
const HAN = '[\\u4e00-\\u9fa5]';
// …路12号(院)(3号楼|栋)(2单元)(301室); …小区3号楼2单元301室; …花园5栋…
const ADDRESS_RES = [
  new RegExp(`${HAN}{1,8}(?:大街|大路|路|街|巷|道|胡同|弄)${D}+号(?:院)?(?:${D}+(?:号楼|栋|幢|座))?(?:${D}+单元)?(?:${D}+(?:室|号房|户))?`, 'g'),
  new RegExp(`${HAN}{1,8}(?:小区|花园|家园|嘉园|新村|公寓|苑|社区)${D}+(?:号楼|栋|幢|座)(?:${D}+单元)?(?:${D}+(?:室|号房|户))?`, 'g'),
];

const maskDigits = (s: string, keepEnd = 0) => {
  let seen = 0;
  const total = (s.match(/[0-9０-９]/g) ?? []).length;
  return s.replace(/[0-9０-９]/g, (c) => (++seen > total - keepEnd ? c : '*'));
};
const maskMobile = (s: string) => {
  const digits = s.replace(/\D/g, '').slice(-11);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
};

/** Where a position of a field's text lies: its paragraph (1-based) and the offset within it. */
function placeOf(text: string, start: number): { paragraph: number; offset: number } {
  const re = /\n[ \t\u3000]*\n\s*/g;
  let paragraph = 1;
  let paraStart = 0;
  for (let m = re.exec(text); m && m.index < start; m = re.exec(text)) {
    if (m.index + m[0].length > start) break;
    paragraph++;
    paraStart = m.index + m[0].length;
  }
  return { paragraph, offset: start - paraStart };
}

/**
 * Checks the texts against the lexicon's terms and the personal-data patterns. `today` bounds a
 * plausible birth date (a future one is not an ID number). Findings are in field order, then by place.
 */
export function checkContent(texts: CheckText[], terms: readonly string[], today = new Date()): Finding[] {
  const out: Finding[] = [];
  const cleanTerms = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
  for (const { field, item, text } of texts) {
    const taken: [number, number][] = [];
    const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
    const add = (kind: FindingKind, start: number, match: string, excerpt: string, term: string | null = null) => {
      if (overlaps(start, start + match.length)) return;
      taken.push([start, start + match.length]);
      out.push({ kind, field, item, ...placeOf(text, start), start, length: match.length, excerpt, term, waivable: FINDING_KINDS[kind].waivable });
    };
    for (const m of text.matchAll(ID_RE)) {
      if (citizenIdProblem(m[0], today) === null) add('id_number', m.index, m[0], maskCitizenId(m[0].toUpperCase()));
    }
    for (const m of text.matchAll(MOBILE_RE)) add('mobile', m.index, m[0], maskMobile(m[0]));
    for (const m of text.matchAll(LANDLINE_RE)) add('landline', m.index, m[0], maskDigits(m[0], 3));
    for (const re of ADDRESS_RES) for (const m of text.matchAll(re)) add('address', m.index, m[0], maskDigits(m[0]));
    const lower = text.toLowerCase();
    for (const term of cleanTerms) {
      const t = term.toLowerCase();
      for (let i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + t.length)) {
        // The word with a little of its context, digits masked (the context may hold personal data).
        const before = text.slice(Math.max(0, i - 6), i).replace(/\s+/g, ' ');
        const after = text.slice(i + t.length, i + t.length + 6).replace(/\s+/g, ' ');
        add('sensitive_word', i, text.slice(i, i + t.length), `${maskDigits(before)}【${text.slice(i, i + t.length)}】${maskDigits(after)}`, term);
      }
    }
  }
  const order: CheckedField[] = ['title', 'summary', 'body', 'keywords', 'links'];
  return out.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field) || a.item - b.item || a.start - b.start);
}
