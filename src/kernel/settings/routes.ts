import { Type } from '@sinclair/typebox';
import type { App } from '../http/app.ts';
import { JsonObject, JsonValue, ProblemSchema } from '../http/schemas.ts';
import type { Kernel } from '../index.ts';
import { actorOf, assertAllowed, type Policy } from '../policy/index.ts';

const tags = ['settings'];
const errs = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema };
const Params = Type.Object({ key: Type.String({ pattern: '^[a-z][a-z0-9_.]{1,80}$' }), regionCode: Type.String({ pattern: '^[0-9]{2,12}$' }) }, { additionalProperties: false });
// A setting's value is described by its own schema, served by GET /api/settings.
// A value is checked against its setting's own schema by the store, which names the field at fault.
const AnyValue = JsonValue;
const Version = Type.Object({ regionCode: Type.String(), version: Type.Integer(), value: AnyValue, reason: Type.String(), savedBy: Type.String(), savedAt: Type.String() });
const Resolved = Type.Object({
  key: Type.String(),
  regionCode: Type.String(),
  value: AnyValue,
  default: AnyValue,
  inherited: AnyValue,
  own: Type.Union([Version, Type.Null()]),
  sources: Type.Record(Type.String(), Type.String()),
  levels: Type.Array(Version),
  history: Type.Array(Version),
});

/** Admin API of per-region settings: what is declared, what a region reads and from where, save an override. */
export function settingsRoutes(k: Kernel, policy: Policy) {
  return async function (app: App) {
    app.get(
      '/api/settings',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '可配置项 / Settings the caller may manage',
          response: { 200: Type.Array(Type.Object({ key: Type.String(), zh: Type.String(), en: Type.String(), permission: Type.String(), schema: JsonObject })), 401: ProblemSchema },
        },
      },
      async (req) =>
        k.settings
          .definitions()
          .filter((d) => policy.can(req.principal!, d.permission))
          .map((d) => ({ key: d.key, zh: d.zh, en: d.en, permission: d.permission, schema: d.schema })),
    );
    app.get(
      '/api/settings/:key/regions/:regionCode',
      { config: { authenticated: true }, schema: { tags, summary: '某地区的配置及其来源 / A region’s setting and where each value comes from', params: Params, response: { 200: Resolved, ...errs } } },
      async (req) => {
        const def = k.settings.definition(req.params.key);
        assertAllowed(policy, req.principal, def.permission, { regionCode: req.params.regionCode });
        const resolved = await k.settings.resolve(def.key, req.params.regionCode);
        return { ...resolved, history: await k.settings.history(def.key, req.params.regionCode) };
      },
    );
    app.put(
      '/api/settings/:key/regions/:regionCode',
      {
        config: { authenticated: true },
        schema: {
          tags,
          summary: '保存本地区配置（新版本）/ Save the region’s override as a new version',
          params: Params,
          body: Type.Object({ value: AnyValue, reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false }),
          response: { 200: Resolved, ...errs },
        },
      },
      async (req) => {
        const def = k.settings.definition(req.params.key);
        // Deny by default: the key's own permission, within the caller's jurisdiction.
        assertAllowed(policy, req.principal, def.permission, { regionCode: req.params.regionCode });
        await k.settings.save(actorOf(req.principal), def.key, req.params.regionCode, req.body.value, req.body.reason.trim(), String(req.id));
        const resolved = await k.settings.resolve(def.key, req.params.regionCode);
        return { ...resolved, history: await k.settings.history(def.key, req.params.regionCode) };
      },
    );
  };
}
