import { DomainError } from '../../../kernel/http/errors.ts';

/** Open311's refusals; the routes render them in GeoReport's error format, not as problem details. */
export const Open311Errors = {
  badRequest: (zh: string, en: string) => new DomainError('OPEN311_BAD_REQUEST', 400, zh, en),
  badKey: () => new DomainError('OPEN311_API_KEY', 403, 'api_key 无效或已停用', 'The api_key is missing, invalid or revoked'),
  notFound: (what: 'service' | 'request') => new DomainError('NOT_FOUND', 404, `未找到${what === 'service' ? '该服务' : '该请求'}`, `The ${what} was not found`),
  noSuchPath: () => new DomainError('NOT_FOUND', 404, '没有这个 Open311 接口', 'There is no such Open311 resource'),
  unknownFormat: (ext: string) => new DomainError('OPEN311_FORMAT', 404, `不支持格式 ${ext.slice(0, 10)}，请使用 .xml 或 .json`, `The format ${ext.slice(0, 10)} is not offered; use .xml or .json`),
  wrongMethod: (method: string, allowed: string[]) =>
    new DomainError('OPEN311_METHOD', 405, `此接口不接受 ${method} 请求（可用：${allowed.join('、')}）`, `${method} is not allowed here (allowed: ${allowed.join(', ')})`),
  notImage: () => new DomainError('OPEN311_MEDIA', 400, 'media 须为 JPEG 或 PNG 图片', 'media must be a JPEG or PNG image'),
  notKept: () => new DomainError('NOT_FOUND', 404, '测试环境不保存请求，无法查询', 'The test endpoint keeps no requests, so none can be looked up'),
};
