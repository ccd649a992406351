import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map/map.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { declutter, label, linePoints, POI_COLOURS, type Label } from './map/baseLayers';
import { useGrids } from './map/useGridNames';
import { useLayer, useMapConfig } from './map/useMapLayers';

interface Props {
  /** The marked place, drawn as a ring. */
  pin?: [number, number] | null;
  /** Called with lon/lat when the user clicks the map, or presses Enter on it (the cross-hair). */
  onPick?: (lon: number, lat: number) => void;
  /** Heat points: [lat, lon, count]. */
  heat?: [number, number, number][];
  height?: number;
  /** Flies here (lon, lat, zoom) whenever the object changes: a found address, the user's location. */
  focus?: { lon: number; lat: number; zoom: number } | null;
  /** Hands out the Leaflet map (for "mark the map centre"). */
  onMap?: (m: L.Map | null) => void;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The region's map: configured tiles (天地图 or an own tile server) when set, otherwise an offline
 * vector base drawn from the region's own layers (rivers, roads, points of interest), always with
 * the streets and grids over it and their names shown (decluttered by zoom). A pin marks a place,
 * or circles make a heat map. With `onPick` the map takes a click, or the keyboard: arrow keys move
 * the map under a cross-hair and Enter marks the place beneath it.
 */
export function CaseMap({ pin, onPick, heat, height = 320, focus, onMap }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const overlay = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPick);
  // The map's handlers are bound once; they read the latest callback through this ref.
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);
  const config = useMapConfig();
  const offline = config.isSuccess && !config.data.tiles;
  const streets = useGrids('street');
  const grids = useGrids('grid');
  const roads = useLayer('road', offline);
  const rivers = useLayer('river', offline);
  const pois = useLayer('poi', offline);

  useEffect(() => {
    if (!ref.current || map.current) return;
    const m = L.map(ref.current, { center: [46.08, 122.08], zoom: 12, attributionControl: false, keyboardPanDelta: 40 });
    map.current = m;
    overlay.current = L.layerGroup().addTo(m);
    const at = (ll: L.LatLng) => pick.current?.(round6(ll.lng), round6(ll.lat));
    m.on('click', (e: L.LeafletMouseEvent) => at(e.latlng));
    m.getContainer().addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && pick.current && e.target === m.getContainer()) {
        e.preventDefault();
        at(m.getCenter());
      }
    });
    // Start on the urban streets, where most cases are.
    m.fitBounds([
      [46.055, 122.03],
      [46.11, 122.13],
    ]);
    onMap?.(m);
    return () => {
      onMap?.(null);
      m.remove();
      map.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Configured tiles, under everything else.
  useEffect(() => {
    const m = map.current;
    const tiles = config.data?.tiles;
    if (!m || !tiles) return;
    const attribution = L.control.attribution({ prefix: false }).addTo(m);
    const layers = tiles.layers.map((l) => L.tileLayer(l.url, { subdomains: l.subdomains || 'abc', maxZoom: l.maxZoom, attribution: l.attribution }).addTo(m));
    return () => {
      layers.forEach((l) => l.remove());
      attribution.remove();
    };
  }, [config.data]);

  useEffect(() => {
    const m = map.current;
    if (!m || !streets.data || !grids.data) return;
    const labels: Label[] = [];
    const drawn: L.Layer[] = [];
    const streetLabels: Label[] = [];
    const gridLabels: Label[] = [];
    const riverLabels: Label[] = [];
    const roadLabels: Label[] = [];
    const poiLabels: Label[] = [];
    if (rivers.data)
      drawn.push(
        L.geoJSON(rivers.data as never, {
          interactive: false,
          style: { color: '#7fb2e5', weight: 5, opacity: 0.9 },
          onEachFeature: (f) => {
            for (const at of linePoints(f.geometry, 4)) riverLabels.push(label(at, String(f.properties?.name), 'river'));
          },
        }),
      );
    if (roads.data) {
      drawn.push(L.geoJSON(roads.data as never, { interactive: false, style: { color: '#c9bfae', weight: 7, opacity: 1 } }));
      drawn.push(
        L.geoJSON(roads.data as never, {
          interactive: false,
          style: { color: '#ffffff', weight: 4, opacity: 1 },
          onEachFeature: (f) => {
            for (const at of linePoints(f.geometry, 0.3)) roadLabels.push(label(at, String(f.properties?.name), 'road'));
          },
        }),
      );
    }
    drawn.push(
      L.geoJSON(grids.data as never, {
        style: { color: '#7a8a99', weight: 1, fillOpacity: 0.03, dashArray: '3' },
        onEachFeature: (f, layer) => gridLabels.push(label((layer as L.Polygon).getBounds().getCenter(), String(f.properties?.name), 'grid')),
      }),
    );
    drawn.push(
      L.geoJSON(streets.data as never, {
        style: { color: '#9f1d20', weight: 2, fillOpacity: 0.02 },
        onEachFeature: (f, layer) => streetLabels.push(label((layer as L.Polygon).getBounds().getCenter(), String(f.properties?.name), 'street')),
      }),
    );
    if (pois.data)
      for (const f of pois.data.features) {
        if (f.geometry.type !== 'Point') continue;
        const [lon, lat] = f.geometry.coordinates;
        const colour = POI_COLOURS[String(f.properties?.category)] ?? '#595959';
        drawn.push(L.circleMarker([lat, lon], { radius: 5, color: '#fff', weight: 1.5, fillColor: colour, fillOpacity: 1, interactive: false }));
        poiLabels.push(label([lat, lon], String(f.properties?.name), 'poi'));
      }
    // Priority when labels collide: streets, rivers, roads, points of interest, grids.
    labels.push(...streetLabels, ...riverLabels, ...roadLabels, ...poiLabels, ...gridLabels);
    for (const d of drawn) d.addTo(m);
    for (const l of labels) l.marker.addTo(m);
    const tidy = () => declutter(m, labels);
    tidy();
    m.on('zoomend moveend resize', tidy);
    return () => {
      m.off('zoomend moveend resize', tidy);
      for (const d of drawn) d.remove();
      for (const l of labels) l.marker.remove();
    };
  }, [streets.data, grids.data, roads.data, rivers.data, pois.data]);

  useEffect(() => {
    if (focus) map.current?.flyTo([focus.lat, focus.lon], focus.zoom, { duration: 0.6 });
  }, [focus]);

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

  return (
    <div className={`yw-map-wrap${onPick ? ' yw-map-pickable' : ''}`}>
      <div ref={ref} role="region" aria-label={onPick ? t('map.label') : t('map.labelView')} style={{ height, width: '100%', background: offline ? '#f5f3ee' : '#f4f6f8', borderRadius: 6 }} />
      {onPick && <div className="yw-map-crosshair" aria-hidden="true" />}
    </div>
  );
}
