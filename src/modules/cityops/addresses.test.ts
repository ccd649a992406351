import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POIS, ROADS, seedMapLayers } from '../../../seed/map-layers.ts';
import { setupCases } from '../../testing/cases.ts';
import { startTestPlatform, type TestPlatform } from '../../testing/platform.ts';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform();
  await setupCases(t);
  await seedMapLayers(t.p);
}, 120_000);
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const search = async (q: string, extra = '') => {
  const r = await get(`/api/cityops/addresses?q=${encodeURIComponent(q)}${extra}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { fullText: string; streetName: string; gridName: string | null; gridCode: string | null; lon: number; lat: number; building: string | null }[];
};

describe('base map layers', () => {
  it('serves roads, rivers and points of interest as named GeoJSON, cached by the browser', async () => {
    const roads = await get('/api/cityops/layers?kind=road');
    expect(roads.statusCode).toBe(200);
    expect(roads.headers['cache-control']).toContain('max-age');
    const names = roads.json().features.map((f: { properties: { name: string } }) => f.properties.name);
    expect(names).toEqual(expect.arrayContaining(['兴安北大路', '乌兰大街', '五一北路', '和平路']));
    expect(roads.json().features[0].geometry.type).toBe('LineString');
    const rivers = (await get('/api/cityops/layers?kind=river')).json().features.map((f: { properties: { name: string } }) => f.properties.name);
    expect(rivers).toEqual(['洮儿河', '归流河']);
    const pois = (await get('/api/cityops/layers?kind=poi')).json().features;
    expect(pois.length).toBeGreaterThanOrEqual(30);
    expect(pois.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(expect.arrayContaining(['兴安盟行政公署', '乌兰浩特市政务服务中心', '乌兰浩特站']));
  });

  it('keeps every point of interest and every road inside the streets the gazetteer names', async () => {
    for (const [name, , lon, lat] of POIS) expect(await t.p.cityops.grids.locate(lon, lat), name).not.toBeNull();
    for (const road of ROADS) for (const [lon, lat] of road.line) expect(road.streets, `${road.name} ${lon},${lat}`).toContain((await t.p.cityops.grids.locate(lon, lat))?.streetCode);
  });

  it('refuses an unknown layer kind in both languages', async () => {
    for (const kind of ['', 'building', 'road&kind=river']) {
      const r = await get(`/api/cityops/layers?kind=${kind}`);
      expect(r.statusCode, kind).toBe(400);
      expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED', zh: '请求内容不符合要求', en: 'The request is not valid' });
    }
    expect((await get('/api/cityops/layers')).statusCode).toBe(400);
  });

  it('tells the maps to draw the offline base when no tile server is configured', async () => {
    const r = await get('/api/cityops/map-config');
    expect(r.json()).toEqual({ tiles: null });
    expect((await get('/api/cityops/grids')).headers['content-security-policy']).toContain("img-src 'self' data: blob:;");
  });
});

describe('标准地址库', () => {
  it('holds a few thousand addresses, each inside its street and grid', async () => {
    const rows = await t.p.kernel.db.selectFrom('cityops_address').select(['street_code', 'grid_code', 'lon', 'lat']).execute();
    expect(rows.length).toBeGreaterThan(2000);
    const sample = rows.filter((_, i) => i % 97 === 0);
    for (const a of sample) expect((await t.p.cityops.grids.locate(a.lon, a.lat))?.gridCode).toBe(a.grid_code);
  });

  it('finds a door number by road and number, with street and grid by name', async () => {
    const [hit] = await search('兴安北大路12号');
    expect(hit.fullText).toBe('乌兰浩特市爱国街道兴安北大路12号');
    expect(hit.streetName).toBe('爱国街道');
    expect(hit.gridName).toMatch(/^爱国街道第\d网格$/);
    expect(hit.gridCode).toMatch(/^152201001-W0\d$/);
    expect(await t.p.cityops.grids.locate(hit.lon, hit.lat)).toMatchObject({ streetName: '爱国街道', gridName: hit.gridName });
  });

  it('finds by a prefix, by words in any order, and by building or community', async () => {
    const prefix = await search('乌兰大街', '&limit=5');
    expect(prefix).toHaveLength(5);
    for (const h of prefix) expect(h.fullText).toContain('胜利街道乌兰大街');
    const words = await search('红城社区 和平路');
    expect(words.length).toBeGreaterThan(0);
    for (const h of words) expect(h.fullText).toContain('和平路');
    const building = await search('万佳小区2号楼');
    expect(building[0].building).toBe('万佳小区2号楼');
    expect(building[0].streetName).toBe('爱国街道');
    expect(await search('没有这条路')).toEqual([]);
  });

  it('refuses empty, too long, broken and mistyped queries in both languages', async () => {
    const bad = [
      ['', 400, 'VALIDATION_FAILED'],
      ['?q=', 400, 'VALIDATION_FAILED'],
      ['?q=%20%20%E3%80%80', 400, 'VALIDATION_FAILED'],
      // Punctuation alone (LIKE's wildcards among it) is nothing to search for, not "anything".
      ['?q=%25_%25', 400, 'VALIDATION_FAILED'],
      [`?q=${encodeURIComponent('路'.repeat(51))}`, 400, 'VALIDATION_FAILED'],
      ['?q=%00', 400, 'INVALID_CHARACTERS'],
      ['?q=%E5%92%8C%00%E5%B9%B3', 400, 'INVALID_CHARACTERS'],
      ['?q=和平&limit=abc', 400, 'VALIDATION_FAILED'],
      ['?q=和平&limit=0', 400, 'VALIDATION_FAILED'],
      ['?q=和平&limit=21', 400, 'VALIDATION_FAILED'],
      ['?q=和平&limit=1.5', 400, 'VALIDATION_FAILED'],
      ['?q=和平&q=红城', 400, 'VALIDATION_FAILED'],
      ['?q=和平&street=152201001', 400, 'VALIDATION_FAILED'],
    ] as const;
    for (const [query, status, code] of bad) {
      const r = await get(`/api/cityops/addresses${query}`, { 'accept-language': 'en' });
      expect(r.statusCode, query).toBe(status);
      const p = r.json();
      expect(p.code, query).toBe(code);
      expect(p.title, query).toBe(p.en);
      expect(p.zh, query).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
