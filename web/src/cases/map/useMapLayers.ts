import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { Features } from './useGridNames';

export interface TileLayer {
  url: string;
  subdomains: string;
  attribution: string;
  maxZoom: number;
}

/** The configured base tiles, or null: draw the offline vector base. */
export function useMapConfig() {
  return useQuery({
    queryKey: ['map-config'],
    staleTime: Infinity,
    queryFn: () => api<{ tiles: { provider: string; layers: TileLayer[] } | null }>('/api/cityops/map-config'),
  });
}

/** Roads, rivers or points of interest of the offline base map. */
export function useLayer(kind: 'road' | 'river' | 'poi', enabled = true) {
  return useQuery({ queryKey: ['map-layer', kind], staleTime: Infinity, enabled, queryFn: () => api<Features>(`/api/cityops/layers?kind=${kind}`) });
}
