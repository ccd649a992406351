import type { Feature, LineString, MultiLineString, Point } from 'geojson';
import type { Actor } from '../../kernel/audit/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { cityopsDb } from './tables.ts';

export type LayerKind = 'road' | 'river' | 'poi';
export const LAYER_KINDS: LayerKind[] = ['road', 'river', 'poi'];

/** A road or river (a line) or a point of interest; `category` sorts POIs (government, hospital, school…). */
export interface LayerInput {
  id: string;
  kind: LayerKind;
  name: string;
  category?: string | null;
  geometry: LineString | MultiLineString | Point;
}

export type LayerFeature = Feature<LineString | MultiLineString | Point, { id: string; name: string; category: string | null }>;

const CACHE_MS = 60_000;
const GEOMETRY_OF: Record<LayerKind, string[]> = { road: ['LineString', 'MultiLineString'], river: ['LineString', 'MultiLineString'], poi: ['Point'] };

/**
 * The offline base map's layers. They change rarely and every map page asks for them, so each kind
 * is kept in memory for a minute (and dropped on an edit), as the grids are.
 */
export class Layers {
  private cache = new Map<LayerKind, { at: number; features: LayerFeature[] }>();
  constructor(private readonly k: Kernel) {}

  async features(kind: LayerKind): Promise<LayerFeature[]> {
    const hit = this.cache.get(kind);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.features;
    const rows = await cityopsDb(this.k.db).selectFrom('cityops_layer').selectAll().where('kind', '=', kind).orderBy('id').execute();
    const features: LayerFeature[] = rows.map((r) => ({
      type: 'Feature',
      geometry: typeof r.geometry === 'string' ? JSON.parse(r.geometry) : r.geometry,
      properties: { id: r.id, name: r.name, category: r.category },
    }));
    this.cache.set(kind, { at: Date.now(), features });
    return features;
  }

  /** Saves layer features (insert or replace by id) with one audit entry; used by the seed and GIS imports. */
  async save(trx: Executor, actor: Actor, regionCode: string, items: LayerInput[]): Promise<void> {
    if (items.length === 0) return;
    const now = this.k.clock.now();
    const rows = items.map((l) => {
      if (!GEOMETRY_OF[l.kind].includes(l.geometry.type)) throw Errors.validation([{ path: `/${l.id}/geometry`, message: `must be ${GEOMETRY_OF[l.kind].join(' or ')} / 几何类型不符` }]);
      return { id: l.id, region_code: regionCode, kind: l.kind, name: l.name, category: l.category ?? null, geometry: JSON.stringify(l.geometry), updated_at: now };
    });
    await cityopsDb(trx)
      .insertInto('cityops_layer')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          name: eb.ref('excluded.name'),
          category: eb.ref('excluded.category'),
          geometry: eb.ref('excluded.geometry'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    await this.k.recordChange(trx, {
      actor,
      action: 'map-layers-saved',
      objectType: 'cityops.layer',
      objectId: regionCode,
      regionCode,
      change: { ids: items.map((l) => l.id) },
      summary: { count: items.length },
    });
    this.cache.clear();
  }
}
