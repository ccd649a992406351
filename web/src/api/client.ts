import createClient from 'openapi-fetch';
import { acceptLanguage, problemError } from '../api';
import type { components, paths } from './schema';

/**
 * The API client generated from the server's OpenAPI document (`npm run api:generate` writes
 * `schema.d.ts`): paths, parameters, bodies and answers are checked by TypeScript. Calls go
 * through `call`, which turns a failed answer into an `ApiError` as `api()` does.
 */
export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

client.use({
  onRequest({ request }) {
    if (!request.headers.has('accept-language')) request.headers.set('accept-language', acceptLanguage());
    return request;
  },
});

/** A shared schema of the document (`Problem`, `CodeLabel`, …). */
export type Schema<K extends keyof components['schemas']> = components['schemas'][K];

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
/** The JSON an operation answers with `status` (200 unless said): `Answer<'/api/cases/{id}', 'get'>`. */
export type Answer<P extends keyof paths, M extends Method = 'get', S extends number = 200> = paths[P][M] extends { responses: infer R } ? (S extends keyof R ? JsonOf<R[S]> : never) : never;
/** The JSON body an operation takes. */
export type Body<P extends keyof paths, M extends Method = 'post'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** The answer's data, or an `ApiError` from its problem document: `await call(client.GET('/api/cases/{id}', { params: { path: { id } } }))`. */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw problemError(response.status, error as Parameters<typeof problemError>[1]);
  return data as T;
}
