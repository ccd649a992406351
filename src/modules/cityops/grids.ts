import { bbox as bboxOf, booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import RBush from 'rbush';
import type { Executor } from '../../kernel/db/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { cityopsDb } from './tables.ts';

export type Area = Polygon | MultiPolygon;

export interface GridInput {
  code: string;
  kind: 'street' | 'grid';
  name: string;
  /** The street's GB/T 2260 code (for a grid: the street it lies in). */
  regionCode: string;
  parentCode: string | null;
  /** The office responsible (a street's office; grids inherit their street's). */
  departmentId: string | null;
  geometry: Area;
}

/** Where a point lies: its grid and street, with the street office responsible. */
export interface Placement {
  gridCode: string | null;
  gridName: string | null;
  streetCode: string;
  streetName: string;
  departmentId: string | null;
}

/** A street or grid in the R-tree: its bounding box and itself. */
interface Entry extends GridInput {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const CACHE_MS = 60_000;

/**
 * Point-in-polygon over the grids: an R-tree (rbush) of bounding boxes narrows the candidates, then
 * turf tests the few polygons left. Built from the table and rebuilt after a minute or an edit, so
 * several app nodes converge on the same grids.
 */
export class Grids {
  private tree: { index: RBush<Entry>; at: number } | null = null;
  constructor(private readonly k: Kernel) {}

  private async index(): Promise<RBush<Entry>> {
    if (this.tree && Date.now() - this.tree.at < CACHE_MS) return this.tree.index;
    const rows = await cityopsDb(this.k.db).selectFrom('cityops_grid').selectAll().execute();
    const index = new RBush<Entry>();
    index.load(
      rows.map((r) => ({
        minX: r.min_lon,
        minY: r.min_lat,
        maxX: r.max_lon,
        maxY: r.max_lat,
        code: r.code,
        kind: r.kind,
        name: r.name,
        regionCode: r.region_code,
        parentCode: r.parent_code,
        departmentId: r.department_id,
        geometry: (typeof r.geometry === 'string' ? JSON.parse(r.geometry) : r.geometry) as Area,
      })),
    );
    this.tree = { index, at: Date.now() };
    return index;
  }

  /** The grid and street containing a point (WGS 84 lon/lat), or null outside every street. */
  async locate(lon: number, lat: number): Promise<Placement | null> {
    const hits = (await this.index()).search({ minX: lon, minY: lat, maxX: lon, maxY: lat }).filter((e) => booleanPointInPolygon([lon, lat], e.geometry));
    const street = hits.find((e) => e.kind === 'street');
    if (!street) return null;
    const grid = hits.find((e) => e.kind === 'grid' && e.parentCode === street.code) ?? null;
    return { gridCode: grid?.code ?? null, gridName: grid?.name ?? null, streetCode: street.regionCode, streetName: street.name, departmentId: street.departmentId };
  }

  /** Every street or grid as a GeoJSON feature, for the map layers. */
  async features(kind: 'street' | 'grid'): Promise<Feature<Area, { code: string; name: string; regionCode: string; parentCode: string | null }>[]> {
    return (await this.index())
      .all()
      .filter((e) => e.kind === kind)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((e) => ({ type: 'Feature', geometry: e.geometry, properties: { code: e.code, name: e.name, regionCode: e.regionCode, parentCode: e.parentCode } }));
  }

  /** One grid or street by its code. */
  async find(code: string): Promise<{ code: string; kind: 'street' | 'grid'; regionCode: string; departmentId: string | null } | null> {
    const e = (await this.index()).all().find((x) => x.code === code);
    return e ? { code: e.code, kind: e.kind, regionCode: e.regionCode, departmentId: e.departmentId } : null;
  }

  /** Every street's and grid's name by its code (addresses and pages show names, never codes). */
  async names(): Promise<Map<string, string>> {
    return new Map((await this.index()).all().map((e) => [e.code, e.name]));
  }

  /** Streets' offices: the departments responsible for each street, keyed by the street's region code. */
  async streetOffices(): Promise<Map<string, { departmentId: string | null; name: string }>> {
    return new Map(
      (await this.index())
        .all()
        .filter((e) => e.kind === 'street')
        .map((e) => [e.regionCode, { departmentId: e.departmentId, name: e.name }]),
    );
  }

  /** Saves grids (insert or replace by code) with one audit entry; used by the seed and admin imports. */
  async save(trx: Executor, actor: Actor, regionCode: string, grids: GridInput[]): Promise<void> {
    if (grids.length === 0) return;
    const now = this.k.clock.now();
    const rows = grids.map((g) => {
      if (g.geometry.type !== 'Polygon' && g.geometry.type !== 'MultiPolygon') throw Errors.validation([{ path: `/${g.code}/geometry`, message: 'must be a Polygon or MultiPolygon / 须为多边形' }]);
      const [minLon, minLat, maxLon, maxLat] = bboxOf(g.geometry);
      return {
        code: g.code,
        region_code: g.regionCode,
        kind: g.kind,
        name: g.name,
        parent_code: g.parentCode,
        department_id: g.departmentId,
        geometry: JSON.stringify(g.geometry),
        min_lon: minLon,
        min_lat: minLat,
        max_lon: maxLon,
        max_lat: maxLat,
        updated_at: now,
      };
    });
    // Streets before grids, so a grid's parent exists when it is written.
    rows.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'street' ? -1 : 1));
    await cityopsDb(trx)
      .insertInto('cityops_grid')
      .values(rows)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          geometry: eb.ref('excluded.geometry'),
          department_id: eb.ref('excluded.department_id'),
          min_lon: eb.ref('excluded.min_lon'),
          min_lat: eb.ref('excluded.min_lat'),
          max_lon: eb.ref('excluded.max_lon'),
          max_lat: eb.ref('excluded.max_lat'),
          updated_at: eb.ref('excluded.updated_at'),
          version: eb('cityops_grid.version', '+', 1),
        })),
      )
      .execute();
    await this.k.recordChange(trx, {
      actor,
      action: 'grids-saved',
      objectType: 'cityops.grid',
      objectId: regionCode,
      regionCode,
      change: { codes: grids.map((g) => g.code) },
      summary: { count: grids.length },
    });
    this.tree = null;
  }
}
