import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.ts';
import { ProblemSchema } from '../../kernel/http/schemas.ts';
import type { Grids } from './grids.ts';

const tags = ['cityops'];

export function cityopsRoutes(grids: Grids) {
  return async function (app: App) {
    // Street and grid boundaries are public map information (the portal pins reports on them).
    app.get(
      '/api/cityops/grids',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '街道与网格边界（GeoJSON）/ Street and grid boundaries as GeoJSON',
          querystring: Type.Object({ kind: Type.Union([Type.Literal('street'), Type.Literal('grid')], { default: 'grid' }) }, { additionalProperties: false }),
          response: { 200: Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Any()) }), 400: ProblemSchema },
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
          response: { 200: Type.Object({ inside: Type.Boolean(), streetCode: Type.Union([Type.String(), Type.Null()]), streetName: Type.Union([Type.String(), Type.Null()]), gridCode: Type.Union([Type.String(), Type.Null()]), gridName: Type.Union([Type.String(), Type.Null()]) }), 400: ProblemSchema },
        },
      },
      async (req) => {
        const p = await grids.locate(req.query.lon, req.query.lat);
        return { inside: !!p, streetCode: p?.streetCode ?? null, streetName: p?.streetName ?? null, gridCode: p?.gridCode ?? null, gridName: p?.gridName ?? null };
      },
    );
  };
}
