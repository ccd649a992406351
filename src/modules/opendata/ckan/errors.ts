/**
 * CKAN's own error kinds. The Action API answers `{help, success: false, error: {__type, message, …}}`
 * with the status CKAN gives each kind (ckan/views/api.py), not RFC 9457 problems: that is what CKAN
 * clients and harvesters parse. Every error also carries the Chinese wording (`zh`).
 */
export type CkanErrorType = 'Not Found Error' | 'Validation Error' | 'Authorization Error' | 'Search Error' | 'Bad Request' | 'Internal Server Error';

export class CkanError extends Error {
  constructor(
    readonly status: number,
    readonly type: CkanErrorType,
    message: string,
    readonly zh: string,
    /** Per-field messages, as CKAN's ValidationError lists them: `{rows: ['Invalid integer']}`. */
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return { __type: this.type, message: this.message, zh: this.zh, ...this.fields };
  }
}

export const CkanErrors = {
  notFound: (what: string, zhWhat: string) => new CkanError(404, 'Not Found Error', `Not found: ${what}`, `未找到${zhWhat}`),
  /** A parameter CKAN's schema refuses (409, with the field's message). */
  invalid: (field: string, en: string, zh: string) => new CkanError(409, 'Validation Error', `${field}: ${en}`, `${field}：${zh}`, { [field]: [en] }),
  missing: (field: string) => new CkanError(409, 'Validation Error', `${field}: Missing value`, `缺少参数 ${field}`, { [field]: ['Missing value'] }),
  /** A query Solr would refuse (malformed fq, unknown sort field): CKAN's SearchError, 409. */
  search: (en: string, zh: string, field = 'fq') => new CkanError(409, 'Search Error', `Search error: ${en}`, `检索条件有误：${zh}`, { [field]: [en] }),
  unknownAction: (name: string) => new CkanError(400, 'Bad Request', `Bad request - Action name not known: ${name}`, `未知的接口动作：${name}`),
  badJson: (detail: string) => new CkanError(400, 'Bad Request', `Bad request - JSON Error: ${detail}`, `请求内容不是有效的 JSON：${detail}`),
  notDict: () => new CkanError(400, 'Bad Request', 'Bad request data: Request data JSON decoded but it needs to be a dictionary.', '请求数据必须是 JSON 对象'),
  tooLarge: () => new CkanError(413, 'Bad Request', 'Bad request - Request body too large', '请求内容过大'),
  badMedia: () => new CkanError(415, 'Bad Request', 'Bad request - Unsupported content type; post JSON', '不支持的内容类型，请提交 JSON'),
  forbidden: () => new CkanError(403, 'Authorization Error', 'Access denied', '无权访问'),
  rateLimited: () => new CkanError(429, 'Bad Request', 'Too many requests; please try again later', '请求过于频繁，请稍后再试'),
  internal: () => new CkanError(500, 'Internal Server Error', 'Internal server error', '系统内部错误，请稍后再试'),
  unavailable: () => new CkanError(503, 'Internal Server Error', 'The open catalogue is not available', '开放目录暂不可用'),
};
