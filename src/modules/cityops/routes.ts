import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { JsonValue, ProblemSchema } from '../../kernel/http/schemas.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { Grids } from './grids.ts';
import { DeviceInput, RuleInput, TelemetryBatch, type Telemetry } from './telemetry.ts';

const tags = ['cityops'];

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };

/** A street or grid as a GeoJSON feature: its boundary and who it is. */
const GridFeature = Type.Object({
  type: Type.Literal('Feature'),
  geometry: Type.Object({ type: Type.String({ description: 'Polygon or MultiPolygon' }), coordinates: Type.Array(JsonValue) }, { additionalProperties: true }),
  properties: Type.Object({ code: Type.String(), name: Type.String(), regionCode: Type.String(), parentCode: Type.Union([Type.String(), Type.Null()]) }),
});

export function cityopsRoutes(grids: Grids, telemetry: Telemetry) {
  return async function (app: App) {
    const me = (req: { principal?: Principal | null }) => req.principal!;
    const rid = (req: { id: unknown }) => String(req.id);
    app.post(
      '/api/cityops/devices',
      {
        config: { permission: 'cityops.manage' },
        schema: {
          tags,
          summary: '登记感知设备（密钥仅显示一次）/ Register a device (key shown once)',
          body: DeviceInput,
          response: { 201: Type.Object({ id: Type.String(), key: Type.String() }), ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await telemetry.register(me(req), req.body, rid(req))),
    );
    app.get(
      '/api/cityops/devices',
      {
        config: { permission: 'cityops.view' },
        schema: {
          tags,
          summary: '感知设备 / Devices',
          response: {
            200: Type.Array(
              Type.Object({
                id: Type.String(),
                kind: Type.String(),
                name: Type.String(),
                lon: Type.Number(),
                lat: Type.Number(),
                streetCode: Type.Union([Type.String(), Type.Null()]),
                gridCode: Type.Union([Type.String(), Type.Null()]),
                active: Type.Boolean(),
                lastSeenAt: Type.Union([Type.String(), Type.Null()]),
                openAlarms: Type.Integer(),
              }),
            ),
            ...errors,
          },
        },
      },
      async (req) => telemetry.devices(me(req)),
    );
    app.put(
      '/api/cityops/rules',
      {
        config: { permission: 'cityops.manage' },
        schema: { tags, summary: '保存阈值规则 / Save a threshold rule', body: RuleInput, response: { 200: Type.Object({ id: Type.String() }), ...errors } },
      },
      async (req) => telemetry.saveRule(me(req), req.body, rid(req)),
    );
    // Devices authenticate with their own key (not a session), so the route is public and the key is checked inside.
    app.post(
      '/api/cityops/devices/:id/telemetry',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '设备上报读数（x-device-key）/ A device reports readings (x-device-key)',
          params: Type.Object({ id: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
          headers: Type.Object({ 'x-device-key': Type.String({ minLength: 1, maxLength: 200 }) }),
          body: TelemetryBatch,
          response: { 202: Type.Object({ accepted: Type.Integer(), opened: Type.Integer(), cleared: Type.Integer() }), ...errors },
        },
      },
      async (req, reply) => reply.status(202).send(await telemetry.ingest(req.params.id, req.headers['x-device-key'], req.body, 'http')),
    );
    // Street and grid boundaries are public map information (the portal pins reports on them).
    app.get(
      '/api/cityops/grids',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '街道与网格边界（GeoJSON）/ Street and grid boundaries as GeoJSON',
          querystring: Type.Object({ kind: Type.Union([Type.Literal('street'), Type.Literal('grid')], { default: 'grid' }) }, { additionalProperties: false }),
          response: { 200: Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(GridFeature) }), 400: ProblemSchema },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return { type: 'FeatureCollection' as const, features: await grids.features(req.query.kind) };
      },
    );
    app.get(
      '/api/cityops/locate',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '坐标所在街道与网格 / The street and grid of a point',
          querystring: Type.Object({ lon: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              inside: Type.Boolean(),
              streetCode: Type.Union([Type.String(), Type.Null()]),
              streetName: Type.Union([Type.String(), Type.Null()]),
              gridCode: Type.Union([Type.String(), Type.Null()]),
              gridName: Type.Union([Type.String(), Type.Null()]),
            }),
            400: ProblemSchema,
          },
        },
      },
      async (req) => {
        const p = await grids.locate(req.query.lon, req.query.lat);
        return { inside: !!p, streetCode: p?.streetCode ?? null, streetName: p?.streetName ?? null, gridCode: p?.gridCode ?? null, gridName: p?.gridName ?? null };
      },
    );
  };
}
