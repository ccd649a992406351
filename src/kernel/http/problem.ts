import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, Errors } from './errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  code: string;
  zh: string;
  en: string;
  requestId: string;
  errors?: { path: string; message: string }[];
}

/** English first only when the client asks for it; Chinese is the default. */
export function prefersEnglish(req: FastifyRequest): boolean {
  const lang = String(req.headers['accept-language'] ?? '').toLowerCase();
  const en = lang.indexOf('en');
  const zh = lang.indexOf('zh');
  return en >= 0 && (zh < 0 || en < zh);
}

export function toProblem(err: DomainError, req: FastifyRequest): Problem {
  const en = prefersEnglish(req);
  return {
    type: `urn:yiwang:problem:${err.code.toLowerCase().replace(/_/g, '-')}`,
    title: en ? err.en : err.zh,
    status: err.status,
    detail: en ? `${err.en} / ${err.zh}` : `${err.zh} / ${err.en}`,
    instance: req.url.split('?')[0] ?? req.url,
    code: err.code,
    zh: err.zh,
    en: err.en,
    requestId: String(req.id),
    ...(err.errors ? { errors: err.errors } : {}),
  };
}

/** Maps Fastify's own errors (validation, body parsing, limits) onto our catalogue. */
export function classify(err: FastifyError & { validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[] }): DomainError {
  if (err instanceof DomainError) return err;
  if (err.validation) {
    return Errors.validation(
      err.validation.map((v) => ({
        path: `${(err as { validationContext?: string }).validationContext ?? ''}${v.instancePath ?? ''}${v.params?.missingProperty ? `/${v.params.missingProperty}` : ''}${v.params?.additionalProperty ? `/${v.params.additionalProperty}` : ''}`,
        message: v.message ?? 'invalid',
      })),
    );
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return Errors.tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return Errors.unsupportedType();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return Errors.malformed();
  }
  if (err.statusCode === 429) return Errors.rateLimited();
  if (err instanceof SyntaxError || err.statusCode === 400) return Errors.malformed();
  if (err.statusCode === 413) return Errors.tooLarge();
  if (err.statusCode === 415) return Errors.unsupportedType();
  return Errors.internal();
}

export function sendProblem(reply: FastifyReply, err: DomainError): FastifyReply {
  return reply.status(err.status).type('application/problem+json; charset=utf-8').send(toProblem(err, reply.request));
}
