import L from 'leaflet';

/** A label drawn on the map: shown from `minZoom` on, unless a label of higher priority covers it. */
export interface Label {
  marker: L.Marker;
  minZoom: number;
}

type Kind = 'street' | 'grid' | 'road' | 'river' | 'poi';

/** From which zoom each kind's names are shown (the whole city fits at 12; a street at 14). */
const MIN_ZOOM: Record<Kind, number> = { street: 11, river: 11, road: 13, poi: 14, grid: 15 };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A text label at a point: a non-interactive, non-focusable marker (the text is its only content). */
export function label(at: L.LatLngExpression, text: string, kind: Kind, extra = ''): Label {
  const marker = L.marker(at, {
    icon: L.divIcon({ className: `yw-map-label yw-map-label-${kind}`, html: `<span>${extra}${escapeHtml(text)}</span>`, iconSize: undefined }),
    interactive: false,
    keyboard: false,
  });
  return { marker, minZoom: MIN_ZOOM[kind] };
}

/** Where a line's name goes: its middle vertex (lines here are drawn through a few vertices). */
export function lineMiddle(g: GeoJSON.Geometry): L.LatLng | null {
  const coords = g.type === 'LineString' ? g.coordinates : g.type === 'MultiLineString' ? g.coordinates.flat() : null;
  if (!coords?.length) return null;
  const [lon, lat] = coords[Math.floor(coords.length / 2)];
  return L.latLng(lat, lon);
}

/** Where an area's name goes: the centre of its bounds, or its first vertex if that falls outside a concave shape. */
export function areaCentre(layer: L.Polygon): L.LatLng {
  return layer.getBounds().getCenter();
}

/**
 * Shows each label whose zoom has come and that overlaps no label shown before it (labels are
 * given in priority order: streets, rivers, roads, points of interest, grids). Hidden labels keep
 * their place (visibility, not display), so their size can still be measured.
 */
export function declutter(map: L.Map, labels: Label[]): void {
  const zoom = map.getZoom();
  const placed: DOMRect[] = [];
  const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right + 4 && b.left < a.right + 4 && a.top < b.bottom + 2 && b.top < a.bottom + 2;
  for (const l of labels) {
    const el = l.marker.getElement();
    if (!el) continue;
    const box = (el.firstElementChild ?? el).getBoundingClientRect();
    const show = zoom >= l.minZoom && !placed.some((p) => overlaps(p, box));
    el.style.visibility = show ? 'visible' : 'hidden';
    if (show) placed.push(box);
  }
}

/** Colours of points of interest by category. */
export const POI_COLOURS: Record<string, string> = {
  government: '#9f1d20',
  service: '#0b4fa8',
  hospital: '#c41d7f',
  school: '#d46b08',
  transport: '#531dab',
  park: '#389e0d',
  culture: '#876800',
  market: '#08979c',
};
