import { Type, type Static, type TSchema } from '@sinclair/typebox';

/*
 * The shapes every module repeats live here once. Each has an `$id`, is registered with the app
 * (`sharedSchemas`), and routes use it through a `$ref`: Fastify resolves the reference when it
 * validates and serializes, and @fastify/swagger lists the schema once under `components.schemas`.
 */

/** A `$ref` to a shared schema that TypeScript still sees as the schema's own type. */
const ref = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T>>(Type.Ref(schema.$id!));

/** RFC 9457 problem details as this platform sends them (zh and en both present). */
export const ProblemDefinition = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.String(),
    code: Type.String(),
    zh: Type.String(),
    en: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details, with the message in Chinese and English' },
);

/** A record's identifier (UUIDv7). */
export const IdDefinition = Type.String({ $id: 'Id', format: 'uuid' });

/**
 * A calendar date (YYYY-MM-DD) that exists: the format checks the day of the month (no 2026-02-30),
 * the pattern keeps the year to 1000–2999 (PostgreSQL has no year 0000 and services compute with
 * JavaScript dates).
 */
export const DayDefinition = Type.String({ $id: 'Day', format: 'date', pattern: '^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });

/** An administrative division code (GB/T 2260, down to village level: 2, 4, 6, 9 or 12 digits). */
export const RegionCodeDefinition = Type.String({ $id: 'RegionCode', pattern: '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$', description: 'GB/T 2260 code' });

/** One entry of a bilingual code list (e.g. kinds of request, item types) as the API serves it. */
export const CodeLabelDefinition = Type.Object({ code: Type.Union([Type.String(), Type.Integer()]), zh: Type.String(), en: Type.String() }, { $id: 'CodeLabel' });

/** A name in both languages. */
export const BilingualDefinition = Type.Object({ zh: Type.String(), en: Type.String() }, { $id: 'Bilingual' });

/** Free-form JSON fields (a form's answers, a JSON Schema an administrator wrote): any object. */
export const JsonObjectDefinition = Type.Unsafe<Record<string, unknown>>({ $id: 'JsonObject', type: 'object', additionalProperties: true, description: 'any JSON object' });

/** Any JSON value (an action's payload, a stored document). */
// anyOf rather than a list of types: Fastify's Ajv (strict) warns about type lists. The object and
// array branches leave their contents free, or the response serializer would drop them as undeclared.
export const JsonValueDefinition = Type.Unsafe<unknown>({
  $id: 'JsonValue',
  anyOf: [{ type: 'object', additionalProperties: true }, { type: 'array' }, ...['string', 'number', 'boolean', 'null'].map((type) => ({ type }))],
  description: 'any JSON value',
});

/** Registered with the app, in this order, before any route. */
export const sharedSchemas = [ProblemDefinition, IdDefinition, DayDefinition, RegionCodeDefinition, CodeLabelDefinition, BilingualDefinition, JsonObjectDefinition, JsonValueDefinition];

export const ProblemSchema = ref(ProblemDefinition);
export const IdSchema = ref(IdDefinition);
export const DaySchema = ref(DayDefinition);
export const RegionCodeSchema = ref(RegionCodeDefinition);
export const CodeLabel = ref(CodeLabelDefinition);
export const Bilingual = ref(BilingualDefinition);
export const JsonObject = ref(JsonObjectDefinition);
export const JsonValue = ref(JsonValueDefinition);

/** Path parameters of a route addressing one record by its identifier. */
export const IdParams = Type.Object({ id: IdSchema }, { additionalProperties: false });

/**
 * A fixed-length array of differently typed items, written as JSON Schema 2020-12 (`prefixItems`):
 * TypeBox's `Type.Tuple` writes the draft-07 form (`items: [..]`) that 2020-12 validators refuse.
 */
export function Tuple<T extends TSchema[]>(items: [...T], options: { description?: string } = {}) {
  return Type.Unsafe<{ [K in keyof T]: Static<T[K]> }>({ type: 'array', prefixItems: items, items: false, minItems: items.length, maxItems: items.length, ...options });
}

/** A code list kept in code as [code, zh, en] tuples, in the shape of `CodeLabel`. */
export const codeLabels = (xs: readonly (readonly [string | number, string, string])[]) => xs.map(([code, zh, en]) => ({ code, zh, en }));

/**
 * The body of an action that takes no input, for `config.documentedBody`: the document shows it,
 * and Fastify does not require it (a client may post nothing at all).
 */
export const NoInput = Type.Object({}, { additionalProperties: false, description: '无需请求体 / takes no input' });

/** The body of a file upload, for `config.documentedBody` (the handler reads the multipart stream). */
export const FileUpload = Type.Object({ file: Type.String({ format: 'binary', description: '文件 / the file' }) }, { required: ['file'] });

/** A file's bytes as an answer (downloads, sealed documents). */
export const Binary = Type.String({ format: 'binary', description: '文件内容 / the file itself' });

/** A download answer: the file's bytes in one of these media types (the route sets the actual one). */
export const download = (...types: string[]) =>
  ({ description: '文件 / the file', content: Object.fromEntries((types.length ? types : ['application/octet-stream']).map((t) => [t, { schema: Binary }])) }) as unknown as typeof Binary;
