/** Thin fetch wrapper: JSON in and out, problem details turned into errors with both languages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    /** Per-field problems (path and message in both languages), when the server gave them. */
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(`${code}: ${en}`);
  }
}

/** The language the server should answer problems in first: the one the user chose. */
export const acceptLanguage = () => (localStorage.getItem('yw.lang') === 'en' ? 'en' : 'zh-CN');

/** The error a failed answer stands for, from its problem document (or a generic one without). */
export function problemError(status: number, body: { code?: string; zh?: string; en?: string; errors?: unknown } | null | undefined): ApiError {
  const b = body ?? {};
  return new ApiError(status, b.code ?? 'ERROR', b.zh ?? '请求失败', b.en ?? 'Request failed', Array.isArray(b.errors) ? (b.errors as { path: string; message: string }[]) : []);
}

/**
 * A call by path, for answers the generated client (`./api/client.ts`) does not type well yet
 * (streams, CSV). Prefer `client`: its paths, bodies and answers are checked against the server's
 * OpenAPI document.
 */
export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const res = await fetch(path, {
    credentials: 'same-origin',
    ...rest,
    headers: { ...(json !== undefined ? { 'content-type': 'application/json' } : {}), 'accept-language': acceptLanguage(), ...(rest.headers ?? {}) },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw problemError(res.status, body);
  return body as T;
}

export function errorText(err: unknown, lang: string): string {
  if (err instanceof ApiError) {
    const head = lang === 'en' ? err.en : err.zh;
    return err.errors.length ? `${head}：${err.errors.map((e) => e.message).join('；')}` : head;
  }
  return String((err as Error)?.message ?? err);
}
