import { diffChars } from 'diff';
import type { Change, DocumentContent } from './schema.ts';

/** Fields shown character by character (修改痕迹 inside the text). */
const TEXT_FIELDS = ['title', 'body', 'note'] as const;
/** Fields shown whole when they changed (a recipient list, the 文种). */
const WHOLE_FIELDS = [
  'docType',
  'docWord',
  'urgency',
  'secrecy',
  'secrecyPeriod',
  'mainRecipients',
  'ccRecipients',
  'externalRecipients',
  'attachments',
  'countersignDepartmentIds',
  'public',
] as const;

function text(c: DocumentContent, field: (typeof WHOLE_FIELDS)[number], name: (id: string) => string): string {
  const v = c[field];
  if (field === 'attachments') return c.attachments.map((a) => a.name).join('、');
  if (field === 'mainRecipients' || field === 'ccRecipients' || field === 'countersignDepartmentIds') return (v as string[]).map(name).join('、');
  if (Array.isArray(v)) return v.join('、');
  return v == null ? '' : String(v);
}

/** 修改痕迹 between two text versions: the body, title and 附注 by character; other fields whole. */
export function diffContents(a: DocumentContent, b: DocumentContent, name: (id: string) => string): Change[] {
  const out: Change[] = [];
  for (const field of TEXT_FIELDS) {
    const before = a[field] ?? '';
    const after = b[field] ?? '';
    if (!before && !after) continue;
    for (const part of diffChars(before, after)) out.push({ op: part.added ? 'insert' : part.removed ? 'delete' : 'equal', text: part.value, field });
  }
  for (const field of WHOLE_FIELDS) {
    const before = text(a, field, name);
    const after = text(b, field, name);
    if (before === after) continue;
    if (before) out.push({ op: 'delete', text: before, field });
    if (after) out.push({ op: 'insert', text: after, field });
  }
  return out;
}
