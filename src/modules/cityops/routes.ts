import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { JsonValue, ProblemSchema } from '../../kernel/http/schemas.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { MapTiles } from '../../kernel/config/map.ts';
import { ADDRESS_LIMIT_MAX, ADDRESS_QUERY_MAX, type Addresses } from './addresses.ts';
import type { Grids } from './grids.ts';
import { LAYER_KINDS, type Layers } from './layers.ts';
import { DeviceInput, RuleInput, TelemetryBatch, type Telemetry } from './telemetry.ts';

const tags = ['cityops'];

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 413: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema };

/** A street or grid as a GeoJSON feature: its boundary and who it is. */
const GridFeature = Type.Object({
  type: Type.Literal('Feature'),
  geometry: Type.Object({ type: Type.String({ description: 'Polygon or MultiPolygon' }), coordinates: Type.Array(JsonValue) }, { additionalProperties: true }),
  properties: Type.Object({ code: Type.String(), name: Type.String(), regionCode: Type.String(), parentCode: Type.Union([Type.String(), Type.Null()]) }),
});

/** A road, river or point of interest as a GeoJSON feature. */
const LayerFeature = Type.Object({
  type: Type.Literal('Feature'),
  geometry: Type.Object({ type: Type.String({ description: 'LineString, MultiLineString or Point' }), coordinates: Type.Array(JsonValue) }, { additionalProperties: true }),
  properties: Type.Object({ id: Type.String(), name: Type.String(), category: Type.Union([Type.String(), Type.Null()]) }),
});

const TileLayer = Type.Object({ url: Type.String(), subdomains: Type.String(), attribution: Type.String(), maxZoom: Type.Integer() });

const AddressHit = Type.Object({
  id: Type.String(),
  fullText: Type.String(),
  road: Type.String(),
  houseNumber: Type.String(),
  building: Type.Union([Type.String(), Type.Null()]),
  community: Type.Union([Type.String(), Type.Null()]),
  lon: Type.Number(),
  lat: Type.Number(),
  streetCode: Type.String(),
  streetName: Type.String(),
  gridCode: Type.Union([Type.String(), Type.Null()]),
  gridName: Type.Union([Type.String(), Type.Null()]),
});

export interface MapParts {
  layers: Layers;
  addresses: Addresses;
  tiles: MapTiles | null;
}

export function cityopsRoutes(grids: Grids, telemetry: Telemetry, map: MapParts) {
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
    // What the map pages draw under the region's layers: configured tiles, or none (the offline vector base).
    app.get(
      '/api/cityops/map-config',
      {
        config: { public: true },
        schema: {
          tags,
          summary: "地图底图配置 / The maps' base layer settings",
          response: { 200: Type.Object({ tiles: Type.Union([Type.Object({ provider: Type.String(), layers: Type.Array(TileLayer) }), Type.Null()]) }) },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return { tiles: map.tiles };
      },
    );
    // Roads, rivers and points of interest: public map information, the offline base map.
    app.get(
      '/api/cityops/layers',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '道路、河流与兴趣点（GeoJSON）/ Roads, rivers and points of interest as GeoJSON',
          querystring: Type.Object({ kind: Type.Union(LAYER_KINDS.map((k) => Type.Literal(k))) }, { additionalProperties: false }),
          response: { 200: Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(LayerFeature) }), 400: ProblemSchema },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return { type: 'FeatureCollection' as const, features: await map.layers.features(req.query.kind) };
      },
    );
    // 标准地址库 search: public like the map (a resident pins a report by address before signing in).
    app.get(
      '/api/cityops/addresses',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '标准地址查询 / Search the standard addresses',
          querystring: Type.Object(
            {
              q: Type.String({ minLength: 1, maxLength: ADDRESS_QUERY_MAX, description: '地址、道路、楼宇或小区名 / address, road, building or estate' }),
              limit: Type.Integer({ minimum: 1, maximum: ADDRESS_LIMIT_MAX, default: 10 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Array(AddressHit), 400: ProblemSchema },
        },
      },
      async (req) => map.addresses.search(req.query.q, req.query.limit),
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
