import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';

interface Props {
  /** The marked place, drawn as a ring. */
  pin?: [number, number] | null;
  /** Called with lon/lat when the user clicks the map. */
  onPick?: (lon: number, lat: number) => void;
  /** Heat points: [lat, lon, count]. */
  heat?: [number, number, number][];
  height?: number;
}

type Features = { type: 'FeatureCollection'; features: GeoJSON.Feature[] };

/**
 * The region's streets and grids drawn from our own GeoJSON (no tile server: the platform runs
 * offline and its CSP allows no outside images), with a pin to mark a place or circles for a heat map.
 */
export function CaseMap({ pin, onPick, heat, height = 320 }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const overlay = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPick);
  // The map's click handler is bound once; it reads the latest callback through this ref.
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);
  const streets = useQuery({ queryKey: ['grids', 'street'], staleTime: Infinity, queryFn: () => api<Features>('/api/cityops/grids?kind=street') });
  const grids = useQuery({ queryKey: ['grids', 'grid'], staleTime: Infinity, queryFn: () => api<Features>('/api/cityops/grids?kind=grid') });

  useEffect(() => {
    if (!ref.current || map.current) return;
    const m = L.map(ref.current, { center: [46.08, 122.08], zoom: 12, attributionControl: false });
    map.current = m;
    overlay.current = L.layerGroup().addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => pick.current?.(Math.round(e.latlng.lng * 1e6) / 1e6, Math.round(e.latlng.lat * 1e6) / 1e6));
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !streets.data || !grids.data) return;
    const g = L.geoJSON(grids.data as never, { style: { color: '#7a8a99', weight: 1, fillOpacity: 0.03, dashArray: '3' } }).addTo(m);
    const s = L.geoJSON(streets.data as never, {
      style: { color: '#9f1d20', weight: 2, fillOpacity: 0.02 },
      onEachFeature: (f, layer) => layer.bindTooltip(String((f.properties as { name: string }).name), { sticky: true }),
    }).addTo(m);
    // Start on the urban streets, where most cases are.
    m.fitBounds([
      [46.055, 122.03],
      [46.11, 122.13],
    ]);
    return () => {
      g.remove();
      s.remove();
    };
  }, [streets.data, grids.data]);

  useEffect(() => {
    const o = overlay.current;
    if (!o) return;
    o.clearLayers();
    if (pin) L.circleMarker([pin[1], pin[0]], { radius: 9, color: '#0b4fa8', weight: 3, fillOpacity: 0.4 }).addTo(o);
    const max = Math.max(1, ...(heat ?? []).map((h) => h[2]));
    for (const [lat, lon, n] of heat ?? [])
      L.circleMarker([lat, lon], { radius: 4 + 10 * Math.sqrt(n / max), stroke: false, fillColor: '#d4380d', fillOpacity: 0.25 + 0.5 * (n / max) })
        .bindTooltip(String(n))
        .addTo(o);
  }, [pin, heat]);

  return <div ref={ref} role="region" aria-label={t('cases.mapLabel')} style={{ height, width: '100%', background: '#f4f6f8', borderRadius: 6 }} />;
}
