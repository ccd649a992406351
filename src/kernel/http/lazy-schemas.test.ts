// yiwang-test: database-independent
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazySchemaCompilers, refuseUpperCaseHeaders } from './lazy-schemas.ts';

/** A bare Fastify server with the platform's Ajv options and the lazy compilers. */
async function serverWith() {
  const compilers = lazySchemaCompilers();
  const app = Fastify({
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true, allowUnionTypes: true } },
    schemaController: { compilersFactory: compilers.factory },
  });
  app.post('/numbers', { schema: { body: { type: 'array', items: { type: 'integer' }, maxItems: 3 } } }, async (req) => ({ got: req.body }));
  app.get(
    '/greeting',
    {
      schema: {
        querystring: { type: 'object', properties: { name: { type: 'string', maxLength: 5 } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { hello: { type: 'string' } } } },
      },
    },
    async (req) => ({
      hello: (req.query as { name?: string }).name ?? 'world',
      secret: 'not in the schema, so not sent',
    }),
  );
  await app.ready();
  return { app, compilers };
}

describe('route schemas built on first call', () => {
  it('builds nothing at start, then each route’s schemas on its first call, and all that is left on request', async () => {
    const fresh = await serverWith();
    const all = fresh.compilers.compileAll();
    // The greeting's validator and serializer, the numbers route's validator at least.
    expect(all).toBeGreaterThanOrEqual(3);
    await fresh.app.close();
    const { app, compilers } = await serverWith();
    expect((await app.inject({ url: '/greeting?name=Ann' })).json()).toEqual({ hello: 'Ann' });
    const left = compilers.compileAll();
    expect(left).toBeGreaterThanOrEqual(1);
    expect(left).toBeLessThan(all);
    expect(compilers.compileAll()).toBe(0);
    await app.close();
  });

  it('refuses bad input with Ajv’s errors, and shapes answers by the response schema', async () => {
    const { app } = await serverWith();
    const long = await app.inject({ url: '/greeting?name=Annabelle' });
    expect(long.statusCode).toBe(400);
    expect(long.json().message).toContain('must NOT have more than 5 characters');
    const many = await app.inject({ method: 'POST', url: '/numbers', payload: [1, 2, 3, 4] });
    expect(many.statusCode).toBe(400);
    expect(many.json().message).toContain('must NOT have more than 3 items');
    expect((await app.inject({ url: '/greeting' })).json()).toEqual({ hello: 'world' });
    await app.close();
  });

  it('writes a coerced top-level value back to the request, as Fastify’s own compiler does', async () => {
    const { app } = await serverWith();
    const one = await app.inject({ method: 'POST', url: '/numbers', payload: '7', headers: { 'content-type': 'application/json' } });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ got: [7] });
    await app.close();
  });

  it('refuses a route whose header schema names a header in upper case, which would never match', () => {
    const route = (name: string) => ({ method: 'GET', url: '/open', schema: { headers: { type: 'object', properties: { [name]: { type: 'string' } } } } });
    expect(() => refuseUpperCaseHeaders(route('X-Api-Key'))).toThrow('header X-Api-Key must be declared in lower case');
    expect(() => refuseUpperCaseHeaders(route('x-api-key'))).not.toThrow();
    expect(() => refuseUpperCaseHeaders({ method: 'GET', url: '/plain' })).not.toThrow();
  });
});
