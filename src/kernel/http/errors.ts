/**
 * Domain errors are values with a stable code, an HTTP status and messages in both languages.
 * The HTTP layer turns them into RFC 9457 problem details; services throw them without knowing HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly zh: string,
    readonly en: string,
    /** Per-field problems, e.g. from validation. */
    readonly errors?: { path: string; message: string }[],
  ) {
    super(`${code}: ${en}`);
  }
}

/** The catalogue of errors shared by every module; modules add their own beside their code. */
export const Errors = {
  validation: (errors: { path: string; message: string }[]) => new DomainError('VALIDATION_FAILED', 400, '请求内容不符合要求', 'The request is not valid', errors),
  malformed: () => new DomainError('MALFORMED_BODY', 400, '请求内容无法解析', 'The request body could not be parsed'),
  unauthenticated: () => new DomainError('UNAUTHENTICATED', 401, '请先登录', 'Sign-in required'),
  forbidden: () => new DomainError('FORBIDDEN', 403, '您无权执行此操作', 'You are not allowed to do this'),
  notFound: (what = 'resource') => new DomainError('NOT_FOUND', 404, '未找到所请求的内容', `The ${what} was not found`),
  conflict: (zh: string, en: string) => new DomainError('CONFLICT', 409, zh, en),
  tooLarge: () => new DomainError('PAYLOAD_TOO_LARGE', 413, '提交的内容过大', 'The request is too large'),
  unsupportedType: () => new DomainError('UNSUPPORTED_MEDIA_TYPE', 415, '不支持的内容类型', 'This content type is not supported'),
  rateLimited: () => new DomainError('RATE_LIMITED', 429, '请求过于频繁，请稍后再试', 'Too many requests; please try again later'),
  internal: () => new DomainError('INTERNAL', 500, '系统内部错误，请稍后再试', 'Internal error; please try again later'),
  unavailable: () => new DomainError('UNAVAILABLE', 503, '服务暂不可用', 'Service unavailable'),
};
