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

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const res = await fetch(path, {
    credentials: 'same-origin',
    ...rest,
    headers: { ...(json !== undefined ? { 'content-type': 'application/json' } : {}), 'accept-language': localStorage.getItem('yw.lang') === 'en' ? 'en' : 'zh-CN', ...(rest.headers ?? {}) },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body.code ?? 'ERROR', body.zh ?? '请求失败', body.en ?? 'Request failed', Array.isArray(body.errors) ? body.errors : []);
  return body as T;
}

export function errorText(err: unknown, lang: string): string {
  if (err instanceof ApiError) {
    const head = lang === 'en' ? err.en : err.zh;
    return err.errors.length ? `${head}：${err.errors.map((e) => e.message).join('；')}` : head;
  }
  return String((err as Error)?.message ?? err);
}
