import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../../kernel/http/errors.ts';
import { isInvalidText } from '../../../kernel/http/input-guard.ts';
import { Open311Errors } from './errors.ts';

/** A GeoReport body as the spec has it: every field is text; a repeated field keeps every value. */
export type Form = Record<string, string | string[]>;

/** The photo a client posted as the `media` part of a multipart request (GeoReport's extension). */
export interface Media {
  bytes: Buffer;
  name: string;
  declaredMime: string;
}

const MAX_FIELDS = 60;
const MAX_FIELD_BYTES = 64 * 1024;
/**
 * A photo is held in memory until every field is checked, so a refused post stores no file; the
 * bound keeps that memory small whatever the files service allows for other uploads.
 */
const MEDIA_MAX_BYTES = 10 * 1024 * 1024;

const label = (name: string) => name.replace(/[^\w[\].-]/g, '?').slice(0, 40);

/**
 * A value a client sent, checked to be text PostgreSQL can store; `name` names it in the error.
 * The kernel's edge guard sees JSON and query values, not multipart fields, and answers problem
 * documents; here the same rule answers in GeoReport's format.
 */
export function text(value: string, name: string): string {
  if (isInvalidText(value)) throw Open311Errors.badRequest(`${label(name)} 含有无效字符（如 NUL）`, `${label(name)} holds characters that are not valid text (such as NUL)`);
  return value;
}

/** Fields as a form-encoded or multipart body carries them: name and text value pairs, in order. */
export class FormFields {
  constructor(readonly pairs: [string, string][]) {}
}

/**
 * Any parsed body (form fields, or a JSON object) as a GeoReport form, or a 400 when it is not one:
 * a number, list or object where the spec has text is refused here, before the api key is looked
 * at, so nothing further down meets anything but strings. A repeated form field keeps every value.
 */
export function formOf(body: unknown): Form {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw Open311Errors.badRequest('请求内容须为表单字段', 'The request body must be form fields');
  const pairs = body instanceof FormFields ? body.pairs : Object.entries(body as Record<string, unknown>);
  if (pairs.length > MAX_FIELDS) throw Open311Errors.badRequest(`字段不能超过${MAX_FIELDS}个`, `At most ${MAX_FIELDS} fields`);
  // No prototype: a field named __proto__ is a field like any other.
  const out: Form = Object.create(null);
  for (const [key, v] of pairs) {
    text(key, 'field name');
    if (typeof v !== 'string') throw Open311Errors.badRequest(`字段 ${label(key)} 须为文本`, `Field ${label(key)} must be text, not ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}`);
    text(v, key);
    const prev = out[key];
    out[key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** Query parameters (the GET filters) as text, refused with a 400 when they are not. */
export function queryOf(req: FastifyRequest): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [key, v] of Object.entries(req.query as Record<string, unknown>)) {
    if (v === undefined) continue;
    flat[text(key, 'parameter name')] = text(String(Array.isArray(v) ? v[0] : v).slice(0, 4000), key);
  }
  return flat;
}

/**
 * A multipart post: its text fields and at most one `media` file, read fully before anything is
 * checked or stored (no database connection is held while the client sends).
 */
export async function readMultipart(req: FastifyRequest, fileMaxBytes: number): Promise<{ form: Form; media: Media | null }> {
  const pairs: [string, string][] = [];
  let media: Media | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: Math.min(MEDIA_MAX_BYTES, fileMaxBytes), files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES } })) {
      if (part.type === 'field') {
        if (typeof part.value !== 'string') throw Open311Errors.badRequest(`字段 ${label(part.fieldname)} 须为文本`, `Field ${label(part.fieldname)} must be text`);
        pairs.push([part.fieldname, part.value]);
        continue;
      }
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'media') throw Open311Errors.badRequest('只接受名为 media 的文件', 'Only a file named media is accepted');
      if (bytes.length > 0) media = { bytes, name: text(part.filename || 'media', 'media file name'), declaredMime: part.mimetype || 'application/octet-stream' };
    }
  } catch (err) {
    // Limits (FST_…) keep their own status; anything else the parser met (no boundary, a body cut
    // short) is a malformed request, not a failure of ours.
    if (err instanceof DomainError || String((err as { code?: unknown }).code ?? '').startsWith('FST_')) throw err;
    throw Open311Errors.badRequest('multipart 内容无法解析', 'The multipart body could not be parsed');
  }
  return { form: formOf(new FormFields(pairs)), media };
}
