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

/**
 * Where a line's name goes: every `everyKm` along it (the first half a step in), so a road keeps a
 * name in view however far in the map is zoomed; overlapping ones are hidden by `declutter`.
 */
export function linePoints(g: GeoJSON.Geometry, everyKm: number): L.LatLng[] {
  const parts = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  const out: L.LatLng[] = [];
  for (const line of parts) {
    let next = everyKm / 2;
    let walked = 0;
    for (let i = 1; i < line.length; i += 1) {
      const [x0, y0] = line[i - 1];
      const [x1, y1] = line[i];
      // Equirectangular distance: exact enough over a city.
      const km = Math.hypot((x1 - x0) * 111.32 * Math.cos((y0 * Math.PI) / 180), (y1 - y0) * 110.57);
      while (km > 0 && next <= walked + km) {
        const f = (next - walked) / km;
        out.push(L.latLng(y0 + f * (y1 - y0), x0 + f * (x1 - x0)));
        next += everyKm;
      }
      walked += km;
    }
  }
  return out;
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
