/**
 * Malformed variants of the operations an OpenAPI 3.1 document lists, for the fuzz test. A small
 * seeded generator instead of a property-based library (none is installed): the same seed always
 * yields the same requests, so a failure found once is found again.
 */

// A JSON Schema or OpenAPI object, walked by whatever keys it has.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;

export interface Operation {
  method: string;
  /** The path template, e.g. `/api/cases/{id}`. */
  path: string;
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; schema: Schema }[];
  /** The JSON body schema, when the operation declares one. */
  body: Schema | null;
}

export interface FuzzRequest {
  /** What was mutated, to name a failure. */
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** mulberry32: a tiny, well-spread 32-bit PRNG; enough to pick and shuffle deterministically. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The schema with its `$ref`s to shared components replaced by the components themselves. */
function inline(schema: Schema | undefined, components: Record<string, Schema>, depth = 0): Schema | undefined {
  if (!schema || typeof schema !== 'object' || depth > 20) return schema;
  if (Array.isArray(schema)) return schema.map((s) => inline(s, components, depth + 1));
  const ref = typeof schema.$ref === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1] : undefined;
  if (ref && components[ref]) return inline({ ...components[ref], ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) }, components, depth + 1);
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, typeof v === 'object' && v !== null ? inline(v, components, depth + 1) : v]));
}

export function operationsOf(doc: { paths: Record<string, Record<string, Schema>>; components?: { schemas?: Record<string, Schema> } }): Operation[] {
  // Shared schemas (Id, Day, RegionCode, …) are referenced; the fuzzer needs their patterns and formats.
  doc = inline(doc, doc.components?.schemas ?? {}) as typeof doc;
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = (op.parameters ?? []) as { in: string; name: string; schema?: Schema }[];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

const SAMPLE_UUID = '01900000-0000-7000-8000-000000000000';
/** Placeholder replaced by raw JSON text (JSON.stringify itself would overflow on deep values). */
const DEEP = '\u0001deep\u0001';
const deepJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** Strings that satisfy the patterns route schemas use (codes, dates, phones, ID numbers), tried in order. */
const PATTERN_EXAMPLES = [
  'fuzz_code',
  'x',
  '152201',
  '15220100',
  '152201001',
  '2026-03-02',
  'FUZZ-0001',
  'abcdefghij0123',
  '13900001111',
  'https://example.cn/',
  '15220119850615003X',
  '91152201MA0000000X',
  '91152201MA0000000X001',
  'fuzz.user',
  'A1',
];

function sampleString(schema: Schema, ids: string[]): string {
  if (schema.format === 'uuid') return ids[0] ?? SAMPLE_UUID;
  if (schema.format === 'date-time') return '2026-03-02T09:00:00+08:00';
  if (schema.format === 'date') return '2026-03-02';
  if (schema.format === 'email') return 'a@example.cn';
  if (schema.format === 'uri') return 'https://example.cn/';
  const min = schema.minLength ?? 1;
  const max = schema.maxLength ?? Infinity;
  const fits = (s: string) => s.length >= min && s.length <= max && (!schema.pattern || new RegExp(schema.pattern, 'u').test(s));
  return PATTERN_EXAMPLES.find(fits) ?? 'x'.repeat(min);
}

/**
 * A value that looks valid for `schema`, so that the one mutated property is what the server sees
 * wrong. `ids` are real identifiers, used for UUID fields so that services find records.
 */
export function sample(schema: Schema, ids: string[] = [], depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sample(alt.find((s: Schema) => s.type !== 'null') ?? alt[0], ids, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return sampleString(schema, ids);
    case 'integer':
    case 'number':
      return schema.minimum ?? schema.exclusiveMinimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.minItems ? Array.from({ length: schema.minItems }, () => sample(schema.items ?? {}, ids, depth + 1)) : [];
    case 'object':
    default: {
      if (type !== 'object' && !schema.properties) return null;
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) out[k] = sample(s, ids, depth + 1);
      return out;
    }
  }
}

/** Long text that does not compress (PostgreSQL compresses repeated characters below index limits). */
const NOISE = (() => {
  const random = seededRandom(311);
  return Array.from({ length: 20_000 }, () => String.fromCodePoint(random() < 0.5 ? 0x4e00 + Math.floor(random() * 0x5000) : 0x21 + Math.floor(random() * 0x5e))).join('');
})();

/** Wrong values for a property: wrong types, NUL, broken Unicode, huge, deep, out of range. */
function badValues(schema: Schema): unknown[] {
  const common: unknown[] = ['a\u0000b', '\ud800x', 'x\udc00', 'x'.repeat(200_000), NOISE, DEEP, null, { '\u0000': 1 }];
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  switch (type) {
    case 'string':
      return [...common, 12345, true, {}, [], ['a'], 'not-a-uuid', '9999-99-99T99:99:99Z', '2026-02-30', '0000-01-01', '2026-13-01', '1522019', '../../etc/passwd', "' OR 1=1 --"];
    case 'integer':
    case 'number':
      return [...common, 'abc', '1', 1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, 2 ** 40, Number.MAX_SAFE_INTEGER, 2 ** 64, -1, 0, 1.5, {}, []];
    case 'boolean':
      return [...common, 'true', 0, 'yes', []];
    case 'array':
      return [...common, 'x', {}, [null, 1, 'a\u0000'], Array.from({ length: 5000 }, () => 'x')];
    default:
      return [...common, 'x', 1, [], [{}], { x: 'a\u0000', y: '\ud800', z: [[[[[[[[[[1]]]]]]]]]] }];
  }
}

/** Paths to mutate inside a body: each property, and one level into objects and array items. */
function propertyPaths(schema: Schema, prefix: string[] = [], depth = 0): { path: string[]; schema: Schema }[] {
  const out: { path: string[]; schema: Schema }[] = [];
  if (!schema || depth > 2) return out;
  for (const [k, s] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
    out.push({ path: [...prefix, k], schema: s });
    if (s.properties) out.push(...propertyPaths(s, [...prefix, k], depth + 1));
    if (s.type === 'object' && s.additionalProperties !== false && !s.properties) out.push({ path: [...prefix, k, 'field'], schema: {} });
  }
  return out;
}

function setAt(obj: unknown, path: string[], value: unknown): Schema {
  const copy: Schema = structuredClone(obj ?? {});
  let cur = copy;
  for (const k of path.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null || Array.isArray(cur[k])) cur[k] = {};
    cur = cur[k];
  }
  cur[path[path.length - 1]] = value;
  return copy;
}

const toJson = (value: unknown) => JSON.stringify(value).replaceAll(JSON.stringify(DEEP), deepJson(20_000));

const PATH_VALUES = [
  'not-a-uuid',
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%E0%A4%A',
  'x'.repeat(3000),
  '-1',
  '0',
  '99999999999999999999',
  '2147483648',
  '2026-02-30',
  '0000-00-00',
  '..%2F..%2Fetc%2Fpasswd',
  "'%20OR%201=1--",
  '%F0%9F%98%80',
];
const QUERY_VALUES = [
  encodeURIComponent(NOISE.slice(0, 3000)),
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%E0%A4%A',
  '',
  'abc',
  '-1',
  '1e400',
  '99999999999999999999',
  '2147483648',
  '9007199254740991',
  '1.5',
  '2026-02-30',
  '0000-01-01',
  'x'.repeat(10_000),
  '%5B%5D',
  "'%20OR%201=1--",
];

/**
 * Every malformed variant of one operation: bad path parameters, bad query parameters, wrong values
 * for each body property, broken and oddly typed bodies. `ids` are real identifiers the server
 * knows, used for the well-formed path parameters so that body checks run against real records.
 */
export function variants(op: Operation, random: () => number, ids: string[]): FuzzRequest[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const good: Record<string, string> = {};
  for (const p of op.pathParams) {
    const s = sample(p.schema, ids);
    good[p.name] = p.schema.format === 'uuid' || /id$/i.test(p.name) ? (ids.length ? pick(ids) : SAMPLE_UUID) : encodeURIComponent(String(s ?? 'x'));
  }
  const urlWith = (params: Record<string, string>, query = '') => op.path.replace(/\{(\w+)\}/g, (_, n: string) => params[n] ?? 'x') + query;
  const baseQuery = op.queryParams.filter((p) => p.schema.minimum !== undefined || p.name === 'limit').map((p) => `${p.name}=${sample(p.schema, ids)}`);
  const hasBody = op.body !== null || ['POST', 'PUT', 'PATCH'].includes(op.method);
  const baseBody = op.body ? sample(op.body, [pick(ids)].filter(Boolean)) : {};
  const json = { 'content-type': 'application/json' };
  const out: FuzzRequest[] = [];
  const add = (label: string, r: Partial<FuzzRequest>) => out.push({ label, method: op.method, url: urlWith(good), headers: {}, ...r });

  add('well-formed', hasBody ? { headers: json, payload: toJson(baseBody) } : {});
  for (const p of op.pathParams)
    for (const v of PATH_VALUES) add(`path ${p.name}=${v.slice(0, 20)}`, { url: urlWith({ ...good, [p.name]: v }), ...(hasBody ? { headers: json, payload: toJson(baseBody) } : {}) });
  for (const p of op.queryParams) {
    for (const v of QUERY_VALUES) add(`query ${p.name}=${v.slice(0, 20)}`, { url: urlWith(good, `?${[...baseQuery.filter((q) => !q.startsWith(`${p.name}=`)), `${p.name}=${v}`].join('&')}`) });
    add(`query ${p.name} repeated`, { url: urlWith(good, `?${p.name}=1&${p.name}=a%00&${p.name}=`) });
  }
  add('query unknown with NUL', { url: urlWith(good, '?zz%00=%00&__proto__=1&constructor[prototype]=1') });

  if (hasBody) {
    for (const { path, schema } of propertyPaths(op.body ?? {})) {
      for (const v of badValues(schema)) add(`body /${path.join('/')}=${String(JSON.stringify(v) ?? v).slice(0, 20)}`, { headers: json, payload: toJson(setAt(baseBody, path, v)) });
    }
    const wholeBodies: [string, string, string][] = [
      ['broken JSON', 'application/json', '{"a":'],
      ['empty JSON body', 'application/json', ''],
      ['JSON null', 'application/json', 'null'],
      ['JSON array', 'application/json', '[]'],
      ['JSON string', 'application/json', '"\\u0000"'],
      ['JSON number', 'application/json', '1e999'],
      ['deep JSON body', 'application/json', deepJson(20_000)],
      ['deep object body', 'application/json', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)],
      ['NUL key', 'application/json', toJson({ ...(baseBody as object), 'k\u0000': 1 })],
      ['lone surrogate key', 'application/json', toJson({ ...(baseBody as object), '\udfff': 1 })],
      ['prototype keys', 'application/json', '{"__proto__":{"x":1},"constructor":{"prototype":{"y":1}}}'],
      ['JSON with latin1 charset', 'application/json; charset=latin1', toJson(baseBody)],
      ['text/plain', 'text/plain', 'hello'],
      ['XML', 'application/xml', '<a>\u0000</a>'],
      ['form with NUL', 'application/x-www-form-urlencoded', 'a=%00&b=%ED%A0%80&description=x%00y&api_key=%00'],
      ['multipart without boundary', 'multipart/form-data', '--x\r\n\r\n'],
      ['multipart with garbage', 'multipart/form-data; boundary=zz', 'garbage\u0000'],
      [
        'multipart with NUL file name',
        'multipart/form-data; boundary=zz',
        '--zz\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n\r\n--zz--\r\n',
      ],
      ['multipart with NUL field', 'multipart/form-data; boundary=zz', '--zz\r\nContent-Disposition: form-data; name="description"\r\n\r\nx\u0000y\r\n--zz--\r\n'],
      ['no content type', '', toJson(baseBody)],
    ];
    for (const [label, type, payload] of wholeBodies) add(label, { headers: type ? { 'content-type': type } : {}, payload });
  }
  add('odd headers', { headers: { 'accept-language': 'x'.repeat(5000), 'idempotency-key': 'key%00with-nul', 'x-request-id': '\u00ff\u00fe' } });
  add('broken session cookie', { headers: { cookie: 'yw_session=a%00b%ED%A0%80' } });
  add('broken bearer token', { headers: { authorization: 'Bearer \u00ff\u00fe%00' } });
  return out;
}
