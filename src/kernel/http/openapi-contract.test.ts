import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATE_COMMAND, SCHEMA_TYPES, typesOf } from '../../cli/openapi-types.ts';
import { startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { compileDeferredSchemas } from './lazy-schemas.ts';

// A JSON Schema node as the walk below reads it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;
interface Operation {
  name: string;
  method: string;
  op: Schema;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
/** Keywords that say what a value may be; a schema with none of them accepts anything. */
const CONSTRAINING = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'const', 'enum', 'not', 'properties', 'items', 'prefixItems'];
/** OpenAPI's additions to JSON Schema that Ajv's strict mode would otherwise refuse. */
const OPENAPI_KEYWORDS = ['example', 'xml', 'externalDocs', 'discriminator'];

function operationsOf(doc: Schema): Operation[] {
  return Object.entries(doc.paths as Schema).flatMap(([path, item]) =>
    Object.entries(item as Schema)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, method, op })),
  );
}

/** Every schema of an operation: parameters, request bodies and answers, with where it is. */
function schemasOf({ name, op }: Operation): [string, Schema][] {
  const out: [string, Schema][] = [];
  for (const p of op.parameters ?? []) out.push([`${name} parameter ${p.name}`, p.schema]);
  for (const [type, c] of Object.entries((op.requestBody?.content ?? {}) as Schema)) out.push([`${name} body (${type})`, c.schema]);
  for (const [status, r] of Object.entries((op.responses ?? {}) as Schema)) {
    for (const [type, c] of Object.entries((r.content ?? {}) as Schema)) out.push([`${name} ${status} (${type})`, c.schema]);
  }
  return out;
}

/** Places inside a schema that accept anything (`{}`, `Type.Unknown()`, `Type.Any()`). */
function unconstrained(schema: Schema, at: string, out: string[] = []): string[] {
  if (schema === undefined || schema === null) {
    out.push(`${at} (missing)`);
    return out;
  }
  if (typeof schema !== 'object') return out;
  if (!CONSTRAINING.some((k) => k in schema)) out.push(at || '/');
  for (const key of ['properties', 'patternProperties', '$defs']) {
    for (const [k, s] of Object.entries((schema[key] ?? {}) as Schema)) unconstrained(s, `${at}/${key}/${k}`, out);
  }
  for (const key of ['items', 'additionalProperties', 'not']) if (schema[key] && typeof schema[key] === 'object') unconstrained(schema[key], `${at}/${key}`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) (schema[key] ?? []).forEach((s: Schema, i: number) => unconstrained(s, `${at}/${key}/${i}`, out));
  return out;
}

describe('the OpenAPI document (/api/docs/json)', () => {
  let t: TestPlatform;
  let doc: Schema;
  let ops: Operation[];

  beforeAll(async () => {
    t = await startTestPlatform();
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
    ops = operationsOf(doc);
  });
  afterAll(() => t.close());

  it('names and describes every operation: a unique camelCase operationId and a summary', () => {
    expect(ops.length).toBeGreaterThan(100);
    const missing = ops.filter(({ op }) => !/^[a-z][A-Za-z0-9]*$/.test(op.operationId ?? '') || !op.summary?.trim()).map((o) => o.name);
    expect(missing, 'operations without a camelCase operationId or a summary').toEqual([]);
    const ids = ops.map((o) => o.op.operationId);
    expect(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      'operationIds used twice',
    ).toEqual([]);
  });

  it('declares what each operation answers on success and on failure, and who may call it', () => {
    const wrong: string[] = [];
    for (const o of ops) {
      const statuses = Object.keys(o.op.responses ?? {});
      if (!statuses.some((s) => /^[23]/.test(s))) wrong.push(`${o.name}: no success answer`);
      if (!statuses.some((s) => /^4/.test(s)) || !statuses.some((s) => /^5/.test(s))) wrong.push(`${o.name}: no 4xx or 5xx answer`);
      for (const [status, r] of Object.entries(o.op.responses as Schema)) {
        // 204 and redirects carry no body; everything else says what it carries.
        if (!/^(204|30\d)$/.test(status) && !Object.keys(r.content ?? {}).length) wrong.push(`${o.name}: ${status} without a content schema`);
      }
      if (!Array.isArray(o.op.security)) wrong.push(`${o.name}: no security requirement`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers API failures with the RFC 9457 problem document from components.schemas', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Problem', 'Id', 'Day', 'RegionCode', 'CodeLabel']));
    const other = ops
      // CKAN's Action API answers in CKAN's own envelope, as GeoReport does at /open311: its clients read that.
      .filter((o) => o.name.includes(' /api/') && !o.name.includes(' /api/3/action/'))
      .flatMap((o) =>
        Object.entries(o.op.responses as Schema)
          .filter(([s]) => /^[45]/.test(s))
          .filter(([, r]) => r.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem')
          .map(([s]) => `${o.name} ${s}`),
      );
    expect(other, 'API errors that are not problem documents').toEqual([]);
  });

  it('declares a request body for every POST, PUT and PATCH (uploads as multipart/form-data with a binary file)', () => {
    const bodyless = ops.filter((o) => ['post', 'put', 'patch'].includes(o.method) && !Object.keys(o.op.requestBody?.content ?? {}).length).map((o) => o.name);
    expect(bodyless).toEqual([]);
    const upload = ops.find((o) => o.name === 'POST /api/files')!;
    expect(upload.op.requestBody.content['multipart/form-data'].schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('leaves no schema open to anything ({}, unknown)', () => {
    const open = ops.flatMap((o) => schemasOf(o).flatMap(([at, s]) => unconstrained(s, '').map((p) => `${at} ${p}`)));
    for (const [name, s] of Object.entries(doc.components.schemas as Schema)) open.push(...unconstrained(s, `#/components/schemas/${name}`));
    expect(open).toEqual([]);
  });

  it('has only schemas a JSON Schema 2020-12 validator (Ajv, strict) compiles', () => {
    const ajv = new Ajv2020.default({ strict: true, allErrors: true, allowUnionTypes: true });
    addFormats.default(ajv);
    for (const k of OPENAPI_KEYWORDS) ajv.addKeyword(k);
    // The components live in one document that every `$ref` points into.
    const inDocument = (s: Schema) => JSON.parse(JSON.stringify(s).replaceAll('"#/components/schemas/', '"openapi.json#/components/schemas/'));
    ajv.addKeyword('components');
    ajv.addSchema({ $id: 'openapi.json', components: inDocument({ schemas: doc.components.schemas }) });
    const refused: string[] = [];
    const compile = (at: string, s: Schema) => {
      try {
        ajv.compile(inDocument(s));
      } catch (e) {
        refused.push(`${at}: ${(e as Error).message}`);
      }
    };
    for (const name of Object.keys(doc.components.schemas)) compile(`#/components/schemas/${name}`, { $ref: `#/components/schemas/${name}` });
    for (const o of ops) for (const [at, s] of schemasOf(o)) if (s) compile(at, s);
    expect(refused).toEqual([]);
  });

  it('builds every route’s validators and serializers: they are deferred to a route’s first call, so a broken one shows here', async () => {
    // A route called once has its schemas built; the rest are still waiting.
    expect((await t.app.inject({ url: '/api/org/regions?parent=15' })).statusCode).toBe(200);
    const waiting = compileDeferredSchemas(t.app);
    expect(waiting).toBeGreaterThan(ops.length);
    expect(compileDeferredSchemas(t.app)).toBe(0);
    // Built ahead of their first call, they still refuse bad input and shape answers as before.
    const bad = await t.app.inject({ url: '/api/org/regions?parent=' + 'x'.repeat(5000) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ status: 400 });
  });

  it('matches the committed web client types (web/src/api/schema.d.ts)', async () => {
    const committed = fs.existsSync(SCHEMA_TYPES) ? fs.readFileSync(SCHEMA_TYPES, 'utf8') : '';
    expect(committed === (await typesOf(doc)), `web/src/api/schema.d.ts is stale: run \`${GENERATE_COMMAND}\` and commit the result`).toBe(true);
  });
});
