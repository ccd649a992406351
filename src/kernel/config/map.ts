import type { Config } from './schema.ts';

/** One XYZ tile layer as Leaflet takes it. */
export interface TileLayer {
  url: string;
  subdomains: string;
  attribution: string;
  maxZoom: number;
}

/** The base layer the maps draw under the region's own layers: tiles, or none (the offline vector base). */
export interface MapTiles {
  provider: 'tianditu' | 'custom';
  /** The base tiles, then any label tiles drawn over them (天地图 serves its labels separately). */
  layers: TileLayer[];
}

/** 天地图's Web Mercator vector tiles (vec_w) and their Chinese labels (cva_w), on eight hosts t0…t7. */
function tianditu(key: string): MapTiles {
  const wmts = (layer: string) =>
    `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`;
  const base = { subdomains: '01234567', attribution: '天地图 GS(2024)0568号', maxZoom: 18 };
  return {
    provider: 'tianditu',
    layers: [
      { url: wmts('vec'), ...base },
      { url: wmts('cva'), ...base },
    ],
  };
}

/** The configured base layer: own tiles win over 天地图; null means the offline vector base. */
export function mapTiles(config: Pick<Config, 'map'>): MapTiles | null {
  const m = config.map;
  if (m?.tiles) return { provider: 'custom', layers: [{ url: m.tiles.url, subdomains: m.tiles.subdomains ?? '', attribution: m.tiles.attribution ?? '', maxZoom: m.tiles.maxZoom ?? 18 }] };
  if (m?.tiandituKey) return tianditu(m.tiandituKey);
  return null;
}

/**
 * The origins the CSP must allow images from for these tiles. A `{s}` in the host becomes one
 * origin per subdomain letter (CSP wildcards stand only for a whole leftmost label, so t{s}.x.cn
 * cannot be written as t*.x.cn).
 */
export function tileOrigins(tiles: MapTiles | null): string[] {
  const out = new Set<string>();
  for (const l of tiles?.layers ?? []) {
    const origin = /^(https?:\/\/[^/]+)/.exec(l.url)?.[1];
    if (!origin) continue;
    if (!origin.includes('{s}')) out.add(origin);
    else for (const s of l.subdomains || 'abc') out.add(origin.replace('{s}', s));
  }
  return [...out];
}
