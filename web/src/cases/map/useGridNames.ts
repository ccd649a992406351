import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export type Features = { type: 'FeatureCollection'; features: GeoJSON.Feature[] };

/** The street or grid boundaries (the same queries the map draws from, so fetched once per page). */
export function useGrids(kind: 'street' | 'grid') {
  return useQuery({ queryKey: ['grids', kind], staleTime: Infinity, queryFn: () => api<Features>(`/api/cityops/grids?kind=${kind}`) });
}

/**
 * Names for street and grid codes (152201001 → 爱国街道, 152201001-W03 → 爱国街道第3网格), from the
 * cityops boundaries: pages show these names, never the codes. An unknown code stays as given.
 */
export function useGridNames(): (code: string | null | undefined) => string {
  const streets = useGrids('street');
  const grids = useGrids('grid');
  const names = new Map<string, string>();
  for (const f of [...(streets.data?.features ?? []), ...(grids.data?.features ?? [])]) {
    const p = f.properties as { code: string; name: string };
    names.set(p.code, p.name);
  }
  return (code) => (code ? (names.get(code) ?? code) : '');
}
