import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { department, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import type { Dataset, OpenDataSource, SourceResource } from '../ports.ts';
import { parseFq, matches } from './fq.ts';
import { factsOf, resourceId } from './package.ts';

/*
 * A CKAN client's and a harvester's view of the portal: real HTTP against the listening server,
 * with the npm `ckan` client (okfn ckan.js: POSTs JSON to /api/3/action/{name}) and a hand-written
 * ckanext-harvest paging loop.
 */

const CKAN = createRequire(import.meta.url)('ckan') as {
  Client: new (endpoint: string) => { action(name: string, data: unknown, cb: (err: unknown, body: { success: boolean; result: unknown }) => void): void };
};

let t: TestPlatform;
let all: Dataset[];
let SCJG: string;
let WJW: string;
const BUREAU = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };
const DRAFT = 'ds-draft';

/** Resources the data catalogue offers the open catalogue (the data module's port, fed here). */
let resources: SourceResource[] = [];
const source: OpenDataSource = {
  resources: async () => resources,
  resource: async (code) => resources.find((r) => r.code === code) ?? null,
  rows: async () => ({ rows: [], next: null }),
  count: async () => 10,
  aggregate: async () => [],
  issueGrant: async () => {
    throw new Error('not in this test');
  },
  revokeGrant: async () => {},
  grantUsage: async () => new Map(),
};

/** A dataset as the port gives it, for the fq matcher's unit tests. */
function fakeDataset(i: number, o: Partial<Dataset> = {}): Dataset {
  const n = String(i).padStart(3, '0');
  const day = new Date(Date.UTC(2026, 0, 1 + (i % 28), 8, 0, i % 60));
  return {
    id: `0190f000-0000-7000-8000-${String(100000000000 + i)}`,
    name: `ds-${n}`,
    resourceCode: `DS-${n}`,
    regionCode: '152201',
    title: i % 10 === 0 ? `企业信用信息${n}` : `统计数据${n}`,
    titleEn: `Dataset ${n}`,
    notes: i % 7 === 0 ? '包含道路交通事故的统计' : '按月更新的统计数据',
    notesEn: 'Monthly statistics',
    departmentId: i % 3 === 0 ? WJW : SCJG,
    departmentName: i % 3 === 0 ? '卫生健康委员会' : '市场监督管理局',
    departmentNameEn: i % 3 === 0 ? 'Health Commission' : 'Market Regulation Administration',
    openType: i % 5 === 0 ? 'conditional' : 'open',
    openBasis: i % 5 === 0 ? '含个人信息，依申请开放' : null,
    theme: i % 3 === 0 ? 'health' : 'market',
    tags: i % 2 === 0 ? ['统计', '月度'] : ['统计'],
    licence: i % 4 === 0 ? 'yiwang-open-1.0' : 'CC-BY-4.0',
    frequency: 'monthly',
    temporalFrom: '2024-01-01',
    temporalTo: null,
    spatial: '152201',
    items: [],
    formats: ['CSV', 'JSON', 'XLSX', 'API'],
    state: 'published',
    publishedAt: day.toISOString(),
    modifiedAt: day.toISOString(),
    createdAt: new Date(day.getTime() - 86400_000).toISOString(),
    rowCount: 10,
    ...o,
  };
}

function resourceFor(i: number): SourceResource {
  const n = String(i).padStart(3, '0');
  const conditional = i % 5 === 0;
  return {
    code: `DS-${n}`,
    name: i % 10 === 0 ? `企业信用信息${n}` : `统计数据${n}`,
    description: i % 7 === 0 ? '包含道路交通事故的统计' : '按月更新的统计数据',
    providerDepartmentId: i % 3 === 0 ? WJW : SCJG,
    regionCode: '152201',
    openType: conditional ? 'conditional' : 'open',
    openBasis: conditional ? '含个人信息，依申请开放' : null,
    updateFrequency: 'monthly',
    lastUpdatedAt: null,
    items: [{ code: 'name', name: '名称', description: '名称', dataType: 'string', grade: 'L1' }],
    readable: true,
    version: 1,
  };
}

/**
 * The open catalogue with more than one harvest page of published datasets (and a draft that must
 * never show), made as the bureau makes it: synced from the data catalogue, described, published —
 * a minute apart, so their modification times differ.
 */
async function makeCatalogue(): Promise<Dataset[]> {
  SCJG = (await department(t, '152201', '市场监督管理局')).id;
  WJW = (await department(t, '152201', '卫生健康委员会')).id;
  resources = Array.from({ length: 123 }, (_, i) => resourceFor(i + 1));
  resources.push({ ...resourceFor(900), code: 'DS-DRAFT' });
  t.p.opendata.useSource(source);
  const cat = t.p.opendata.catalogue.catalogue;
  await cat.sync(BUREAU, '152201');
  for (let i = 1; i <= 123; i++) {
    const name = `ds-${String(i).padStart(3, '0')}`;
    t.clock.advance(60_000);
    // Half are described (tags, theme, licence, coverage); the rest keep what the sync gave them.
    if (i % 2 === 0) {
      await cat.describe(BUREAU, name, {
        titleEn: `Dataset ${i}`,
        theme: i % 3 === 0 ? 'health' : 'market',
        tags: ['统计', '月度'],
        licence: i % 4 === 0 ? 'yiwang-open-1.0' : 'CC-BY-4.0',
        temporalFrom: '2024-01-01',
      });
    }
    await cat.publish(BUREAU, name);
  }
  return t.p.opendata.catalogue.port!.published();
}

beforeAll(async () => {
  t = await startTestPlatform({}, { listen: true });
  all = await makeCatalogue();
}, 300_000);
afterAll(async () => t?.close());

const api = (name: string, query = '') => fetch(`${t.url}/api/3/action/${name}${query ? `?${query}` : ''}`);
const post = (name: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${t.url}/api/3/action/${name}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const client = () => new CKAN.Client(t.url);
const call = (name: string, data: unknown) =>
  new Promise<{ success: boolean; result: never }>((resolve, reject) => client().action(name, data, (err, body) => (err ? reject(new Error(String(err))) : resolve(body as never))));

/** The published catalogue as a reader sees it: its names, in order. */
const names = async () => ((await (await api('package_list')).json()).result as string[]).join(',');

describe('fq parser', () => {
  const now = Date.parse('2026-03-01T00:00:00Z');
  it('reads field:value, quoted values, groups, negation, ranges and several clauses', () => {
    const c = parseFq('organization:abc tags:"月度 统计" -res_format:XLSX groups:(health OR market) metadata_modified:[2026-01-05T00:00:00Z TO *]', now);
    expect(c.map((x) => [x.field, x.negate, x.kind])).toEqual([
      ['organization', false, 'values'],
      ['tags', false, 'values'],
      ['res_format', true, 'values'],
      ['groups', false, 'values'],
      ['metadata_modified', false, 'range'],
    ]);
    expect(c[1]).toMatchObject({ values: ['月度 统计'] });
    expect(c[3]).toMatchObject({ values: ['health', 'market'] });
    expect(c[4]).toMatchObject({ from: Date.parse('2026-01-05T00:00:00Z'), to: null });
    expect(parseFq('+dataset_type:dataset AND extras_open_type:conditional', now).map((x) => x.field)).toEqual(['type', 'open_type']);
  });

  it('matches a dataset only when every clause holds', () => {
    const d = fakeDataset(10);
    expect(matches(parseFq(`organization:${WJW} -tags:月度`, now), factsOf(d))).toBe(false);
    expect(matches(parseFq(`open_type:conditional res_format:API -res_format:CSV`, now), factsOf(d))).toBe(true);
    expect(matches(parseFq('metadata_modified:{2026-01-11T08:00:10Z TO NOW]', now), factsOf(d))).toBe(false);
    expect(matches(parseFq('metadata_modified:[2026-01-11T08:00:10Z TO NOW]', now), factsOf(d))).toBe(true);
  });

  it.each([
    ['organization:', /missing value/],
    ['organization:"abc', /unterminated quoted/],
    ['colour:red', /unknown field 'colour'/],
    ['metadata_modified:[2026-01-01 TO', /unterminated range/],
    ['metadata_modified:[yesterday TO *]', /invalid date 'yesterday'/],
    ['metadata_modified:[2026-02-30T00:00:00Z TO *]', /invalid date/],
    ['tags:[a TO b]', /does not take a range/],
    ['tags:a OR tags:b', /OR between clauses/],
    ['just words', /expected field:value/],
    ['tags:(a', /unterminated group/],
    ['tags:a)b', /unexpected '\)'/],
  ])('refuses %s', (fq, msg) => {
    expect(() => parseFq(fq, now)).toThrow(msg);
  });
});

describe('CKAN Action API with the npm ckan client', () => {
  it('detects the site with status_show', async () => {
    const body = await call('status_show', {});
    expect(body.success).toBe(true);
    expect(body.result).toMatchObject({ ckan_version: expect.stringMatching(/^2\.\d+/), site_url: t.url, locale_default: 'zh_Hans_CN' });
  });

  it('reads a dataset with package_show: the fields CKAN clients rely on', async () => {
    const d = all.find((x) => x.openType === 'open' && x.temporalFrom)!;
    const { success, result: p } = await call('package_show', { id: d.name });
    expect(success).toBe(true);
    const pkg = p as Record<string, unknown> & {
      resources: Record<string, unknown>[];
      organization: Record<string, unknown>;
      tags: Record<string, unknown>[];
      extras: { key: string; value: string }[];
      groups: Record<string, unknown>[];
    };
    expect(pkg).toMatchObject({ id: d.id, name: d.name, title: d.title, notes: d.notes, owner_org: d.departmentId, state: 'active', type: 'dataset', private: false, license_id: d.licence });
    expect(pkg.organization).toMatchObject({ id: d.departmentId, title: d.departmentName, is_organization: true, type: 'organization' });
    expect(pkg.groups.map((g) => g.name)).toEqual([d.theme]);
    expect(pkg.tags.map((x) => x.name)).toEqual(d.tags);
    expect(pkg.tags[0]).toMatchObject({ name: d.tags[0], display_name: d.tags[0] });
    expect(pkg.num_tags).toBe(d.tags.length);
    // UTC, without offset, as CKAN writes its timestamps.
    for (const k of ['metadata_created', 'metadata_modified']) expect(pkg[k]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(new Date(`${pkg.metadata_modified as string}Z`).toISOString()).toBe(new Date(d.modifiedAt).toISOString());
    expect(typeof pkg.license_title).toBe('string');
    expect(pkg.license_url).toMatch(/^https?:\/\//);
    expect(Object.fromEntries(pkg.extras.map((e) => [e.key, e.value]))).toMatchObject({
      open_type: 'open',
      update_frequency: d.frequency,
      spatial: d.spatial,
      theme: d.theme,
      temporal: '2024-01-01/..',
      // Downloads and API calls from the access area (package_show only; a search stays off the database).
      downloads: '0',
      api_calls: '0',
    });
    expect(pkg.num_resources).toBe(pkg.resources.length);
    expect(pkg.resources.map((r) => r.format)).toEqual(['CSV', 'JSON', 'XLSX', 'API']);
    const csv = pkg.resources[0];
    expect(csv).toMatchObject({ id: resourceId(d.id, 'CSV'), package_id: d.id, url: `${t.url}/api/opendata/datasets/${d.name}/download.csv`, mimetype: 'text/csv', position: 0, state: 'active' });
    for (const k of ['created', 'last_modified']) expect(csv[k]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(pkg.resources[3]).toMatchObject({ url: `${t.url}/api/opendata/v1/datasets/${d.name}/rows`, url_type: 'api', position: 3 });
  });

  it('searches with package_search: Chinese full text, title hits first', async () => {
    const { result } = await call('package_search', { q: '企业信用', rows: 5 });
    const r = result as { count: number; results: { title: string }[] };
    const titled = all.filter((d) => d.title.includes('企业信用')).length;
    expect(titled).toBeGreaterThan(5);
    expect(r.count).toBeGreaterThanOrEqual(titled);
    expect(r.results).toHaveLength(5);
    expect(r.results.every((p) => p.title.includes('企业信用'))).toBe(true);
  });

  it('answers at /api/action too, and its API version at /api/3', async () => {
    expect((await (await fetch(`${t.url}/api/action/package_list`)).json()).result).toHaveLength(all.length);
    expect(await (await fetch(`${t.url}/api/3`)).json()).toEqual({ version: 3 });
  });
});

describe('harvesting as ckanext-harvest does', () => {
  it('collects every published dataset exactly once with rows=100&start=N&sort=id asc until an empty page', async () => {
    const seen: string[] = [];
    let pages = 0;
    for (let start = 0; ; start += 100) {
      const body = await (await api('package_search', `rows=100&start=${start}&sort=${encodeURIComponent('id asc')}`)).json();
      expect(body.success).toBe(true);
      expect(body.result.count).toBe(all.length);
      const ids = body.result.results.map((p: { id: string }) => p.id);
      if (!ids.length) break;
      pages++;
      seen.push(...ids);
    }
    expect(pages).toBe(Math.ceil(all.length / 100));
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen).size).toBe(all.length);
    expect([...seen].sort()).toEqual(all.map((d) => d.id).sort());
    expect(seen).toEqual([...seen].sort());
    expect(seen).not.toContain((await t.p.opendata.catalogue.port!.byName(DRAFT))!.id);
  });

  it('harvests only what changed since the last run with fq=metadata_modified:[ISO TO *]', async () => {
    const since = [...all].sort((a, b) => Date.parse(a.modifiedAt) - Date.parse(b.modifiedAt))[60].modifiedAt;
    const body = await (await api('package_search', `rows=1000&fq=${encodeURIComponent(`metadata_modified:[${since} TO *]`)}`)).json();
    const want = all.filter((d) => Date.parse(d.modifiedAt) >= Date.parse(since));
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(all.length);
    expect(body.result.count).toBe(want.length);
    expect(body.result.results.map((p: { id: string }) => p.id).sort()).toEqual(want.map((d) => d.id).sort());
  });
});

describe('package_search', () => {
  const search = async (q: Record<string, string>) => (await (await api('package_search', new URLSearchParams(q).toString())).json()).result;

  it('filters by organization, theme, tag, format and open type, and negated clauses', async () => {
    expect((await search({ fq: `organization:${WJW}` })).count).toBe(all.filter((d) => d.departmentId === WJW).length);
    expect((await search({ fq: 'groups:health tags:月度' })).count).toBe(all.filter((d) => d.theme === 'health' && d.tags.includes('月度')).length);
    // A 有条件开放 dataset offers only its API: no CSV to filter on.
    expect((await search({ fq: 'res_format:CSV' })).count).toBe(all.filter((d) => d.openType === 'open').length);
    expect((await search({ fq: 'extras_open_type:conditional' })).count).toBe(all.filter((d) => d.openType === 'conditional').length);
    expect((await search({ fq: '-license_id:CC-BY-4.0' })).count).toBe(all.filter((d) => d.licence !== 'CC-BY-4.0').length);
    expect((await search({ fq: `name:${all[3].name}` })).results.map((p: { id: string }) => p.id)).toEqual([all[3].id]);
    // fq_list: each entry must hold.
    const both = await (await post('package_search', { fq_list: [`organization:${SCJG}`, 'tags:月度'], rows: 0 })).json();
    expect(both.result.count).toBe(all.filter((d) => d.departmentId === SCJG && d.tags.includes('月度')).length);
    // A fielded q is a filter, as Solr reads it.
    expect((await search({ q: 'tags:月度' })).count).toBe(all.filter((d) => d.tags.includes('月度')).length);
  });

  it('sorts by default newest first when there is no query, and by name when asked', async () => {
    const byDefault = await search({ rows: '20' });
    const newest = [...all].sort((a, b) => Date.parse(b.modifiedAt) - Date.parse(a.modifiedAt) || a.id.localeCompare(b.id)).slice(0, 20);
    expect(byDefault.sort).toBe('score desc, metadata_modified desc');
    expect(byDefault.results.map((p: { id: string }) => p.id)).toEqual(newest.map((d) => d.id));
    const byName = await search({ rows: '5', sort: 'name desc' });
    expect(byName.results.map((p: { name: string }) => p.name)).toEqual(
      all
        .map((d) => d.name)
        .sort()
        .reverse()
        .slice(0, 5),
    );
  });

  it('answers facets with counts over the whole result', async () => {
    const r = await search({ q: '统计', 'facet.field': '["organization","groups","res_format","open_type"]', rows: '0', 'facet.limit': '-1' });
    expect(r.results).toEqual([]);
    const ids = new Set((await search({ q: '统计', rows: '1000' })).results.map((p: { id: string }) => p.id));
    const hits = all.filter((d) => ids.has(d.id));
    expect(hits.length).toBeGreaterThan(100);
    expect(r.count).toBe(hits.length);
    expect(r.facets.organization).toEqual({ [SCJG]: hits.filter((d) => d.departmentId === SCJG).length, [WJW]: hits.filter((d) => d.departmentId === WJW).length });
    expect(r.search_facets.organization.items.find((i: { name: string }) => i.name === WJW).display_name).toBe('卫生健康委员会');
    expect(r.facets.res_format.API).toBe(hits.length);
    expect(r.facets.res_format.CSV).toBe(hits.filter((d) => d.openType === 'open').length);
    expect(r.facets.open_type.conditional).toBe(hits.filter((d) => d.openType === 'conditional').length);
    expect(r.search_facets.groups.items.find((i: { name: string }) => i.name === 'health').display_name).toBe('卫生健康');
  });

  it('lowers rows above 1000 to 1000 as CKAN does, and answers an empty page past the end', async () => {
    const big = await (await api('package_search', 'rows=100000')).json();
    expect(big.success).toBe(true);
    expect(big.result.results).toHaveLength(Math.min(all.length, 1000));
    const past = await search({ start: String(all.length + 5) });
    expect(past).toMatchObject({ count: all.length, results: [] });
  });
});

describe('organizations, groups, tags and resources', () => {
  it('lists publishers and themes with their dataset counts', async () => {
    const orgs = (await (await api('organization_list')).json()).result;
    expect(orgs).toEqual([SCJG, WJW].sort());
    const full = (await (await api('organization_list', 'all_fields=true&sort=package_count%20desc')).json()).result;
    expect(full[0]).toMatchObject({ id: SCJG, name: SCJG, title: '市场监督管理局', package_count: all.filter((d) => d.departmentId === SCJG).length, is_organization: true });
    const one = (await (await post('organization_show', { id: WJW, include_datasets: true })).json()).result;
    expect(one.package_count).toBe(all.filter((d) => d.departmentId === WJW).length);
    expect(one.packages).toHaveLength(one.package_count);
    const groups = (await (await api('group_list', 'all_fields=true')).json()).result;
    expect(groups.find((g: { name: string }) => g.name === 'market')).toMatchObject({ title: '市场监管', package_count: all.filter((d) => d.theme === 'market').length });
    expect((await (await api('tag_list')).json()).result).toEqual(['月度', '统计'].sort());
  });

  it('lists only the API of a 有条件开放 dataset, and resource_show finds every resource by its stable id', async () => {
    const d = all.find((x) => x.openType === 'conditional')!;
    const p = (await (await api('package_show', `id=${d.id}`)).json()).result;
    expect(p.resources).toEqual([expect.objectContaining({ id: resourceId(d.id, 'API'), format: 'API', url_type: 'api', url: `${t.url}/api/opendata/v1/datasets/${d.name}/rows` })]);
    const r = await (await api('resource_show', `id=${p.resources[0].id}`)).json();
    expect(r.result).toEqual(p.resources[0]);
    // Stable: the same id on every read.
    expect(resourceId(d.id, 'API')).toBe(resourceId(d.id, 'API'));
    expect(resourceId(d.id, 'API')).not.toBe(resourceId(d.id, 'CSV'));
  });
});

describe('bad input: CKAN-style errors, nothing changes', () => {
  let before: string;
  beforeAll(async () => void (before = await names()));

  const expectCkanError = async (res: Response, status: number, type: string, message?: RegExp) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body).toMatchObject({ success: false, help: expect.stringContaining('/api/3/action/help_show'), error: { __type: type } });
    expect(body.error.message).toEqual(expect.any(String));
    expect(body.error.zh).toEqual(expect.any(String));
    if (message) expect(body.error.message).toMatch(message);
    return body.error;
  };

  it('refuses a malformed fq with 409 and says what is wrong', async () => {
    const e = await expectCkanError(await api('package_search', `fq=${encodeURIComponent('organization:"unclosed')}`), 409, 'Search Error', /unterminated quoted value/);
    expect(e.fq).toEqual([expect.stringContaining('unterminated')]);
    await expectCkanError(await api('package_search', `fq=${encodeURIComponent('colour:red')}`), 409, 'Search Error', /unknown field 'colour'/);
    await expectCkanError(await api('package_search', `fq=${encodeURIComponent('metadata_modified:[last week TO *]')}`), 409, 'Search Error');
    await expectCkanError(await post('package_search', { fq_list: ['tags:ok', 'tags:(x'] }), 409, 'Search Error', /unterminated group/);
  });

  it('refuses a negative start, a non-integer rows and an unknown sort field with 409', async () => {
    const e = await expectCkanError(await api('package_search', 'start=-1'), 409, 'Validation Error', /start/);
    expect(e.start).toEqual(['Must be a natural number']);
    await expectCkanError(await api('package_search', 'rows=-5'), 409, 'Validation Error', /rows/);
    await expectCkanError(await api('package_search', 'rows=ten'), 409, 'Validation Error', /Invalid integer/);
    await expectCkanError(await api('package_search', `sort=${encodeURIComponent('popularity desc')}`), 409, 'Search Error', /sort field 'popularity'/);
    await expectCkanError(await api('package_search', 'sort=name'), 409, 'Search Error', /sort order/);
    await expectCkanError(await api('package_search', 'facet.field=%5B%22secret%22%5D'), 409, 'Search Error', /facet field/);
  });

  it('answers an unknown action with 400 "Bad request - Action name not known"', async () => {
    await expectCkanError(await api('package_delete'), 400, 'Bad Request', /^Bad request - Action name not known: package_delete$/);
    await expectCkanError(await post('user_create', { name: 'x' }), 400, 'Bad Request', /Action name not known/);
    await expectCkanError(await api('__proto__'), 400, 'Bad Request', /Action name not known/);
  });

  it('refuses wrong JSON types, bad JSON, a non-object body and a huge body', async () => {
    await expectCkanError(await post('package_show', { id: { $ne: null } }), 409, 'Validation Error', /id: Must be a string/);
    await expectCkanError(await post('package_search', { rows: '10; drop' }), 409, 'Validation Error', /Invalid integer/);
    await expectCkanError(await post('package_search', { rows: 1.5 }), 409, 'Validation Error', /Invalid integer/);
    await expectCkanError(await post('package_search', { fq_list: 'tags:(' }), 409, 'Search Error');
    await expectCkanError(await post('package_search', { 'facet.field': [1, 2] }), 409, 'Validation Error', /list of strings/);
    await expectCkanError(await post('organization_list', { all_fields: 'maybe' }), 409, 'Validation Error', /boolean/);
    await expectCkanError(await post('package_show', '{"id": '), 400, 'Bad Request', /JSON/);
    await expectCkanError(await post('package_show', '["ds-001"]'), 400, 'Bad Request', /dictionary/);
    await expectCkanError(await post('package_search', { q: 'x'.repeat(2 * 1024 * 1024) }), 413, 'Bad Request');
    await expectCkanError(await post('package_show', {}), 409, 'Validation Error', /id: Missing value/);
  });

  it('refuses NUL bytes and broken Unicode in CKAN shape, not as a problem document', async () => {
    await expectCkanError(await api('package_search', 'q=%00'), 400, 'Bad Request');
    await expectCkanError(await post('package_show', '{"id": "\\ud800"}'), 400, 'Bad Request');
  });

  it('answers 404 "Not Found Error" for an unknown or unpublished dataset, organization or resource', async () => {
    await expectCkanError(await api('package_show', 'id=no-such-dataset'), 404, 'Not Found Error', /no-such-dataset/);
    await expectCkanError(await api('package_show', `id=${DRAFT}`), 404, 'Not Found Error');
    await expectCkanError(await api('organization_show', 'id=nobody'), 404, 'Not Found Error');
    await expectCkanError(await api('resource_show', `id=${resourceId(all[0].id, 'PDF' as never)}`), 404, 'Not Found Error');
    await expectCkanError(await api('group_show', 'id=nothing'), 404, 'Not Found Error');
  });

  it('leaves the catalogue as it was', async () => {
    expect(await names()).toBe(before);
    expect(before.split(',')).toHaveLength(all.length);
  });
});
