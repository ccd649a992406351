import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, Errors } from './errors.ts';
import { sendProblem } from './problem.ts';

/**
 * The edge check every request passes before any route sees it. Route schemas say what a field
 * must look like; this says what no field may ever hold, whatever its schema:
 * - NUL (U+0000): PostgreSQL text and jsonb refuse it, so it would surface as a 500 deep inside a
 *   query (sign-in, filters, case text, file names) — possibly after a file was already written;
 * - lone UTF-16 surrogates (broken Unicode from `\ud800` escapes): jsonb and text refuse them too;
 * - nesting deeper than MAX_DEPTH: validators and services walk bodies recursively, and a deep
 *   enough one (20,000 levels fits in a small body) overflows the stack;
 * - numbers that are not finite (`1e999` in JSON, `1e400` in a query) or not exact integers:
 *   schemas accept them as integers and the database refuses them;
 * - multipart requests without a usable boundary, which the parser only discovers in the handler.
 */
export const MAX_DEPTH = 64;

/** RFC 2046: 1–70 characters from this set, not ending in a space. */
const BOUNDARY = /;\s*boundary=(?:"([0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?])"|([0-9A-Za-z'()+_,\-./:=?]{1,70}))\s*(?:;|$)/i;

export const InputErrors = {
  invalidText: (path: string) =>
    new DomainError('INVALID_CHARACTERS', 400, '请求中含有不允许的字符（空字符或残缺的 Unicode 编码）', 'The request contains characters that are not allowed (NUL or broken Unicode)', [
      { path, message: 'NUL (U+0000) or a lone UTF-16 surrogate / 含空字符或残缺的 Unicode 编码' },
    ]),
  tooDeep: (path: string) =>
    new DomainError('NESTING_TOO_DEEP', 400, `请求内容的嵌套层级超过 ${MAX_DEPTH} 层`, `The request is nested more than ${MAX_DEPTH} levels deep`, [
      { path, message: `deeper than ${MAX_DEPTH} levels / 嵌套超过 ${MAX_DEPTH} 层` },
    ]),
  badNumber: (path: string) =>
    new DomainError('NUMBER_OUT_OF_RANGE', 400, '数值超出可处理的范围', 'A number is out of the range that can be handled', [
      { path, message: 'not a finite number, or an integer beyond ±2^53 / 非有限数值或超出 ±2^53 的整数' },
    ]),
  badBoundary: () =>
    new DomainError('MULTIPART_BOUNDARY_INVALID', 400, 'multipart 请求缺少有效的 boundary 参数', 'The multipart request has no valid boundary parameter', [
      { path: '/headers/content-type', message: 'multipart/form-data needs boundary=… (1–70 characters) / 需要 boundary 参数' },
    ]),
  badUrl: () => new DomainError('MALFORMED_URL', 400, '请求地址含有无法解码的字符', 'The request URL contains characters that cannot be decoded'),
  uriTooLong: () => new DomainError('URI_TOO_LONG', 414, '请求地址中的参数过长', 'A parameter in the request URL is too long'),
};

/** True when a string would be refused by PostgreSQL: a NUL, or broken UTF-16. */
export function isInvalidText(s: string): boolean {
  return s.includes('\u0000') || !(s as string & { isWellFormed(): boolean }).isWellFormed();
}

/**
 * The first problem in a parsed input (body, query, params), or null. Recursion stops at
 * MAX_DEPTH, so checking can never overflow the stack itself.
 */
export function inputProblem(value: unknown, path: string, depth = 0): DomainError | null {
  if (typeof value === 'string') return isInvalidText(value) ? InputErrors.invalidText(path) : null;
  if (typeof value === 'number') return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value)) ? null : InputErrors.badNumber(path);
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return InputErrors.tooDeep(path);
  // Buffers (PDF uploads for verification) are bytes, not text.
  if (Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    const at = `${path}/${k.replace(/[^\w.-]/g, '?').slice(0, 40)}`;
    if (isInvalidText(k)) return InputErrors.invalidText(at);
    const p = inputProblem(v, at, depth + 1);
    if (p) return p;
  }
  return null;
}

/** Headers and cookies as the services read them (cookies are percent-decoded, so `%00` becomes NUL). */
function headerProblem(req: FastifyRequest): DomainError | null {
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string' && isInvalidText(v)) return InputErrors.invalidText(`/headers/${name}`);
  }
  const cookies = (req as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies ?? {};
  for (const [name, v] of Object.entries(cookies)) if (isInvalidText(name) || (v && isInvalidText(v))) return InputErrors.invalidText(`/cookies/${name.replace(/[^\w.-]/g, '?')}`);
  return null;
}

function multipartProblem(req: FastifyRequest): DomainError | null {
  const type = String(req.headers['content-type'] ?? '');
  return /^multipart\//i.test(type.trim()) && !BOUNDARY.test(type) ? InputErrors.badBoundary() : null;
}

export function registerInputGuard(app: FastifyInstance): void {
  // Before authentication and schema validation: both would otherwise pass the bad value on.
  app.addHook('preValidation', async (req) => {
    const p = headerProblem(req) ?? multipartProblem(req) ?? inputProblem(req.params, '/params') ?? inputProblem(req.query, '/query') ?? inputProblem(req.body, '/body');
    if (p) throw p;
  });
  // After validation too: a query string becomes a number only when the schema coerces it there
  // (`limit=1e400` is Infinity, which passes as an "integer").
  app.addHook('preHandler', async (req) => {
    const p = inputProblem(req.params, '/params') ?? inputProblem(req.query, '/query');
    if (p) throw p;
  });
}

/** Fastify's own refusals before routing (undecodable URL, over-long parameter) as problem documents. */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return void sendProblem(reply, InputErrors.uriTooLong());
  if (err.code === 'FST_ERR_BAD_URL') return void sendProblem(reply, InputErrors.badUrl());
  void sendProblem(reply, Errors.malformed());
}
