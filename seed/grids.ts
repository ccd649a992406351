import { bbox as bboxOf, bboxPolygon, featureCollection, intersect, point, voronoi } from '@turf/turf';
import type { GridInput } from '../src/modules/cityops/index.ts';

/**
 * Street boundaries for 乌兰浩特市 and the grids inside them. The shapes are synthetic (Voronoi cells
 * of a plausible centre point per street, clipped to the city's extent, each cut into four grids):
 * real boundaries are loaded the same way from the bureau's GIS as GeoJSON.
 */
export const STREET_CENTRES: Record<string, [number, number]> = {
  '152201001': [122.075, 46.078], // 爱国街道
  '152201002': [122.09, 46.07], // 和平街道
  '152201003': [122.06, 46.086], // 兴安街道
  '152201004': [122.1, 46.085], // 胜利街道
  '152201005': [122.045, 46.07], // 铁西街道
  '152201006': [122.085, 46.095], // 都林街道
  '152201007': [122.07, 46.064], // 五一街道
  '152201008': [122.118, 46.062], // 城郊街道
  '152201009': [122.112, 46.102], // 新城街道
  '152201010': [122.062, 46.102], // 天骄街道
  '152201100': [121.95, 46.15], // 乌兰哈达镇
  '152201101': [122.2, 45.95], // 葛根庙镇
  '152201102': [122.25, 46.1], // 太本站镇
  '152201103': [121.9, 46.0], // 义勒力特镇
  '152201401': [122.0, 46.25], // 呼和马场
  '152201402': [122.15, 46.03], // 绿色产业园
  '152201403': [122.02, 46.04], // 经济技术开发区
};
/** The city's extent: every point outside it is outside the region. */
export const CITY_BBOX: [number, number, number, number] = [121.8, 45.88, 122.35, 46.32];

export function demoGrids(streets: { code: string; name: string }[], offices: Map<string, string>): GridInput[] {
  const known = streets.filter((s) => STREET_CENTRES[s.code]);
  const cells = voronoi(featureCollection(known.map((s) => point(STREET_CENTRES[s.code], { code: s.code }))), { bbox: CITY_BBOX });
  const out: GridInput[] = [];
  known.forEach((s, i) => {
    const cell = cells.features[i];
    if (!cell) return;
    const departmentId = offices.get(s.code) ?? null;
    out.push({ code: s.code, kind: 'street', name: s.name, regionCode: s.code, parentCode: null, departmentId, geometry: cell.geometry });
    // Four grids per street: the cell cut along the middle of its bounding box.
    const [x0, y0, x1, y1] = bboxOf(cell);
    const mx = (x0 + x1) / 2;
    const my = (y0 + y1) / 2;
    const quarters: [number, number, number, number][] = [
      [x0, my, mx, y1],
      [mx, my, x1, y1],
      [x0, y0, mx, my],
      [mx, y0, x1, my],
    ];
    let n = 0;
    for (const q of quarters) {
      const part = intersect(featureCollection([cell, bboxPolygon(q)]));
      if (!part) continue;
      n += 1;
      out.push({ code: `${s.code}-W${String(n).padStart(2, '0')}`, kind: 'grid', name: `${s.name}第${n}网格`, regionCode: s.code, parentCode: s.code, departmentId, geometry: part.geometry });
    }
  });
  return out;
}
