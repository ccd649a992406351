// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders } from '../http/security-headers.ts';
import { ConfigError, loadConfig } from './index.ts';
import { mapTiles, tileOrigins } from './map.ts';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'yw-map-'));
const KEY = '0123456789abcdef0123456789abcdef';

describe('map base layer settings', () => {
  it('draws offline by default and allows no outside images', () => {
    expect(mapTiles(loadConfig({}, {}, dir()))).toBeNull();
    expect(tileOrigins(null)).toEqual([]);
  });

  it('takes 天地图 by its key (file or environment) and allows its eight tile hosts', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'yiwang.config.json'), JSON.stringify({ map: { tiandituKey: KEY } }));
    const tiles = mapTiles(loadConfig({}, {}, d))!;
    expect(tiles.provider).toBe('tianditu');
    expect(tiles.layers.map((l) => l.url)).toEqual([expect.stringContaining('LAYER=vec'), expect.stringContaining('LAYER=cva')]);
    expect(tiles.layers[0].url).toContain(`tk=${KEY}`);
    expect(tileOrigins(tiles)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((n) => `https://t${n}.tianditu.gov.cn`));
    expect(mapTiles(loadConfig({ YIWANG_TIANDITU_KEY: KEY }, {}, dir()))?.provider).toBe('tianditu');
  });

  it('prefers a self-hosted tile server, with its defaults filled in', () => {
    const c = loadConfig({ YIWANG_MAP_TILES_URL: 'https://{s}.tiles.example.gov.cn/osm/{z}/{x}/{y}.png' }, {}, dir());
    const tiles = mapTiles({ map: { ...c.map, tiles: { ...c.map!.tiles!, subdomains: 'ab' }, tiandituKey: KEY } })!;
    expect(tiles.provider).toBe('custom');
    expect(tiles.layers[0]).toMatchObject({ maxZoom: 18, attribution: '' });
    expect(tileOrigins(tiles)).toEqual(['https://a.tiles.example.gov.cn', 'https://b.tiles.example.gov.cn']);
  });

  it('refuses a tile URL without {z}, a script URL, a bad key and unknown map settings', () => {
    for (const map of [
      { tiles: { url: 'https://tiles.example.cn/a.png' } },
      { tiles: { url: 'javascript:alert(1)/{z}' } },
      { tiandituKey: 'short' },
      { style: 'dark' },
      { tiles: { url: 'https://x.cn/{z}/{x}/{y}', maxZoom: 30 } },
    ]) {
      const d = dir();
      fs.writeFileSync(path.join(d, 'yiwang.config.json'), JSON.stringify({ map }));
      expect(() => loadConfig({}, {}, d), JSON.stringify(map)).toThrow(ConfigError);
    }
  });

  it('adds the tile hosts to the CSP img-src, and only them', async () => {
    const app = Fastify();
    registerSecurityHeaders(app, { imgOrigins: tileOrigins(mapTiles({ map: { tiandituKey: KEY } })) });
    app.get('/', async () => 'ok');
    const csp = String((await app.inject({ url: '/' })).headers['content-security-policy']);
    expect(csp).toContain("img-src 'self' data: blob: https://t0.tianditu.gov.cn");
    expect(csp).toContain('https://t7.tianditu.gov.cn;');
    expect(csp).toContain("default-src 'self'");
    await app.close();
  });
});
