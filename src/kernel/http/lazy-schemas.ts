import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type Factory = NonNullable<SchemaController['compilersFactory']>;
type Validate = ((data: unknown, parent?: object) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type Serialize = (data: unknown) => string;
/** The compilers' own signatures, loosely: Fastify types a validator as Ajv's, which a wrapper is not. */
type Build<F> = (externalSchemas: unknown, options: unknown) => (route: unknown) => F;

/**
 * Fastify's own compilers (Ajv for what comes in, fast-json-stringify for what goes out), each
 * route's schemas compiled when the route is first called instead of when the server starts.
 * Compiling the platform's few hundred routes was a quarter of a start's CPU (profiled: 14 %
 * fast-json-stringify, 12 % Ajv), paid again by every test file, browser-test server and app node,
 * for routes most of them never call. A route's first call pays for its own schemas once.
 *
 * `compileAll` compiles whatever is still deferred, so a test can prove at once that every schema
 * compiles (a broken one would otherwise fail only when its route is first called).
 */
const deferred = new WeakMap<object, () => number>();

/** Compiles every schema of `app` still waiting for its route's first call; returns how many there were. */
export function compileDeferredSchemas(app: object): number {
  return deferred.get(app)?.() ?? 0;
}

/** Remembers which compilers belong to `app`, for `compileDeferredSchemas`. */
export function trackDeferredSchemas(app: object, compilers: { compileAll(): number }): void {
  deferred.set(app, () => compilers.compileAll());
}

export function lazySchemaCompilers(): { factory: Factory; compileAll(): number } {
  const pending = new Set<() => void>();
  const validators = AjvCompiler();
  const serializers = SerializerSelector();
  /** `compile` run once, on the first call of what it returns; until then it waits in `pending`. */
  const later = <F>(compile: () => F): (() => F) => {
    let fn: F | undefined;
    const ensure = () => {
      if (fn === undefined) {
        fn = compile();
        pending.delete(ensure);
      }
      return fn;
    };
    pending.add(ensure);
    return ensure;
  };
  const buildValidator: Build<Validate> = (externalSchemas, options) => {
    const compile = validators(externalSchemas as never, options as never) as (route: unknown) => Validate;
    return (route) => {
      const ensure = later(() => compile(route));
      // Fastify reads `errors` off the function it called, as Ajv leaves them on the validator.
      const validate: Validate = (data, parent) => {
        const f = ensure();
        const ok = parent ? f(data, parent) : f(data);
        validate.errors = f.errors;
        return ok;
      };
      // Fastify hands Ajv the request as the value's parent (so a coerced top-level value is written
      // back) only for a validator with `schemaEnv`: asking for it builds the validator.
      Object.defineProperty(validate, 'schemaEnv', { get: () => ensure().schemaEnv });
      return validate;
    };
  };
  const buildSerializer: Build<Serialize> = (externalSchemas, options) => {
    const compile = serializers(externalSchemas as never, options as never) as (route: unknown) => Serialize;
    return (route) => {
      const ensure = later(() => compile(route));
      return (data: unknown) => ensure()(data);
    };
  };
  return {
    factory: { buildValidator, buildSerializer } as unknown as Factory,
    compileAll() {
      const n = pending.size;
      for (const ensure of [...pending]) ensure();
      return n;
    },
  };
}

/**
 * Fastify lower-cases the names of the headers it validates, and lower-cases a header schema's keys
 * only for its own compilers; with these it passes the schema through. So a route must declare its
 * headers in lower case, or its header would never match: refused when the route is added.
 */
export function refuseUpperCaseHeaders(route: { method: string | string[]; url: string; schema?: { headers?: unknown } }): void {
  const headers = (route.schema?.headers as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  for (const name of Object.keys(headers)) {
    if (name !== name.toLowerCase()) throw new Error(`route ${String(route.method)} ${route.url}: header ${name} must be declared in lower case`);
  }
}
