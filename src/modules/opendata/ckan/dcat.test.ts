import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ParserJsonld from '@rdfjs/parser-jsonld';
import ParserN3 from '@rdfjs/parser-n3';
import rdf from 'rdf-ext';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import { department, startTestPlatform, type TestPlatform } from '../../../testing/platform.ts';
import type { Dataset, OpenDataSource, SourceResource } from '../ports.ts';

/*
 * A DCAT-AP client's view: the catalogue and a dataset in JSON-LD and Turtle, parsed by RDF/JS
 * parsers (no remote context fetched) and validated with rdf-validate-shacl against the published
 * DCAT-AP 3.0.1 shapes and class ranges.
 */

const SHAPES_DIR = path.resolve(import.meta.dirname, '../../../../../../shared/standards/dcat-ap-3.0.1');
const shapesDir = fs.existsSync(SHAPES_DIR) ? SHAPES_DIR : '/work/shared/standards/dcat-ap-3.0.1';

let t: TestPlatform;
let all: Dataset[];
let validator: SHACLValidator;

type Parser = { import(s: Readable): NodeJS.ReadableStream };
const load = async (parser: Parser, text: string) => rdf.dataset().import(parser.import(Readable.from([text])) as never);
const turtle = (text: string) => load(new ParserN3() as never, text);
const jsonld = (text: string) => load(new ParserJsonld() as never, text);

async function validate(data: Awaited<ReturnType<typeof turtle>>) {
  const report = await validator.validate(data);
  return {
    conforms: report.conforms,
    problems: report.results.map((r) => `${r.focusNode?.value} ${r.path?.value ?? ''}: ${r.message.map((m) => m.value).join('; ')}`),
  };
}

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

const resourceFor = (i: number, dept: string): SourceResource => ({
  code: `DCAT-${String(i).padStart(3, '0')}`,
  name: `市场主体登记信息${i}`,
  description: '全市市场主体的登记信息，按日更新。',
  providerDepartmentId: dept,
  regionCode: '152201',
  openType: i % 4 === 0 ? 'conditional' : 'open',
  openBasis: i % 4 === 0 ? '含企业经营信息，依申请开放' : null,
  updateFrequency: ['daily', 'monthly', 'realtime', 'yearly'][i % 4],
  lastUpdatedAt: null,
  items: [{ code: 'name', name: '名称', description: '名称', dataType: 'string', grade: 'L1' }],
  readable: true,
  version: 1,
});

/** 105 published datasets (two catalogue pages) and a draft, made through the catalogue area; some described in English with a coverage period. */
async function makeCatalogue(): Promise<Dataset[]> {
  const dept = (await department(t, '152201', '市场监督管理局')).id;
  resources = Array.from({ length: 105 }, (_, i) => resourceFor(i + 1, dept));
  resources.push({ ...resourceFor(999, dept), code: 'DCAT-DRAFT' });
  t.p.opendata.useSource(source);
  const who = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };
  const cat = t.p.opendata.catalogue.catalogue;
  await cat.sync(who, '152201');
  for (let i = 1; i <= 105; i++) {
    const name = `dcat-${String(i).padStart(3, '0')}`;
    t.clock.advance(60_000);
    if (i % 10 === 1) {
      await cat.describe(who, name, {
        titleEn: `Market entity registrations ${i}`,
        notesEn: 'Registrations of market entities, updated daily.',
        tags: ['市场主体', '登记'],
        temporalFrom: '2024-01-01',
        temporalTo: '2025-12-31',
      });
    }
    await cat.publish(who, name);
  }
  return t.p.opendata.catalogue.port!.published();
}

beforeAll(async () => {
  t = await startTestPlatform({}, { listen: true });
  all = await makeCatalogue();
  const shapes = rdf.dataset();
  for (const f of ['shapes.ttl', 'range.ttl']) shapes.addAll(await turtle(fs.readFileSync(path.join(shapesDir, f), 'utf8')));
  validator = new SHACLValidator(shapes);
}, 300_000);
afterAll(async () => t?.close());

/**
 * A GET, sent again once if its kept-alive connection was reset. The SHACL validation runs in this
 * process and holds the event loop for seconds, so the server's keep-alive timer and the next request
 * fire in the same turn and the server closes the socket under it; an HTTP client may repeat an
 * idempotent request on a reused connection (RFC 9110, 9.2.2), as harvesters do.
 */
const get = async (p: string) => {
  try {
    return await fetch(`${t.url}${p}`);
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw err;
    return fetch(`${t.url}${p}`);
  }
};
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';

type Ds = Awaited<ReturnType<typeof turtle>>;
const objects = (g: Ds, s: string | null, p: string) => [...g.match(s ? rdf.namedNode(s) : null, rdf.namedNode(p))].map((q) => q.object);
const subjectsOfType = (g: Ds, cls: string) => [...g.match(null, rdf.namedNode(RDF_TYPE), rdf.namedNode(cls))].map((q) => q.subject.value);

describe('DCAT-AP 3 catalogue', () => {
  it('validates against the DCAT-AP 3.0.1 shapes in JSON-LD and Turtle, with the same triples in both', async () => {
    const j = await get('/catalog.jsonld');
    expect(j.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const jText = await j.text();
    expect(JSON.parse(jText)['@context']).toMatchObject({ dcat: DCAT, dct: DCT });
    const fromJson = await jsonld(jText);
    const tt = await get('/catalog.ttl');
    expect(tt.headers.get('content-type')).toMatch(/^text\/turtle/);
    const fromTtl = await turtle(await tt.text());
    for (const g of [fromJson, fromTtl]) expect(await validate(g)).toEqual({ conforms: true, problems: [] });
    expect(fromJson.size).toBe(fromTtl.size);
    expect(subjectsOfType(fromTtl, `${DCAT}Catalog`)).toEqual([`${t.url}/catalog`]);
    // The first page holds 100 datasets, each with its distributions.
    expect(subjectsOfType(fromTtl, `${DCAT}Dataset`)).toHaveLength(100);
    expect(objects(fromTtl, `${t.url}/catalog`, `${DCAT}dataset`)).toHaveLength(100);
    expect(subjectsOfType(fromTtl, `${DCAT}Distribution`).length).toBeGreaterThan(100);
  });

  it('pages as ckanext-dcat does: hydra first, next and last pages; the last page holds the rest', async () => {
    const first = await turtle(await (await get('/catalog.ttl')).text());
    const here = `${t.url}/catalog.ttl?page=1`;
    expect(objects(first, here, `${HYDRA}totalItems`)[0].value).toBe(String(all.length));
    expect(objects(first, here, `${HYDRA}nextPage`)[0].value).toBe(`${t.url}/catalog.ttl?page=2`);
    expect(objects(first, here, `${HYDRA}lastPage`)[0].value).toBe(`${t.url}/catalog.ttl?page=2`);
    expect(objects(first, here, `${HYDRA}previousPage`)).toEqual([]);
    const second = await turtle(await (await get('/catalog.ttl?page=2')).text());
    const got = [...subjectsOfType(first, `${DCAT}Dataset`), ...subjectsOfType(second, `${DCAT}Dataset`)];
    expect(got.sort()).toEqual(all.map((d) => `${t.url}/dataset/${d.id}`).sort());
    expect(objects(second, `${t.url}/catalog.ttl?page=2`, `${HYDRA}nextPage`)).toEqual([]);
    expect(await validate(second)).toMatchObject({ conforms: true });
  });

  it('lists only datasets modified since a date with modified_since, keeping it in the page links', async () => {
    const since = [...all].sort((a, b) => Date.parse(a.modifiedAt) - Date.parse(b.modifiedAt))[90].modifiedAt;
    const g = await turtle(await (await get(`/catalog.ttl?modified_since=${encodeURIComponent(since)}`)).text());
    const want = all.filter((d) => Date.parse(d.modifiedAt) >= Date.parse(since)).map((d) => `${t.url}/dataset/${d.id}`);
    expect(want.length).toBeGreaterThan(0);
    expect(subjectsOfType(g, `${DCAT}Dataset`).sort()).toEqual(want.sort());
    const first = objects(g, null, `${HYDRA}firstPage`)[0].value;
    expect(new URL(first).searchParams.get('modified_since')).toBe(since);
  });

  it('refuses a bad page or date with a problem document, and never lists a draft', async () => {
    for (const q of ['page=0', 'page=abc', 'page=-1', 'modified_since=yesterday', `modified_since=${'9'.repeat(50)}`]) {
      const res = await get(`/catalog.jsonld?${q}`);
      expect(res.status, q).toBe(400);
      const p = await res.json();
      expect(p).toMatchObject({ status: 400, zh: expect.any(String), en: expect.any(String) });
    }
    const text = await (await get('/catalog.ttl?page=2')).text();
    expect(text).not.toContain('dcat-draft');
  });
});

describe('DCAT-AP 3 dataset', () => {
  it('describes a dataset in JSON-LD and Turtle that validate, with the properties DCAT-AP clients read', async () => {
    const d = all.find((x) => x.openType === 'open' && x.temporalTo && x.titleEn)!;
    const s = `${t.url}/dataset/${d.id}`;
    for (const [fmt, parse] of [
      ['ttl', turtle],
      ['jsonld', jsonld],
    ] as const) {
      const g = await parse(await (await get(`/dataset/${d.name}.${fmt}`)).text());
      expect(await validate(g), fmt).toEqual({ conforms: true, problems: [] });
      const titles = objects(g, s, `${DCT}title`).map((o) => `${o.value}@${(o as { language: string }).language}`);
      expect(titles.sort()).toEqual([`${d.title}@zh`, `${d.titleEn}@en`].sort());
      expect(objects(g, s, `${DCT}accessRights`).map((o) => o.value)).toEqual(['http://publications.europa.eu/resource/authority/access-right/PUBLIC']);
      expect(objects(g, s, `${DCT}accrualPeriodicity`).map((o) => o.value)).toEqual([
        `http://publications.europa.eu/resource/authority/frequency/${{ daily: 'DAILY', monthly: 'MONTHLY', realtime: 'CONT', yearly: 'ANNUAL' }[d.frequency]}`,
      ]);
      expect(objects(g, s, `${DCAT}theme`).map((o) => o.value)).toContain('http://publications.europa.eu/resource/authority/data-theme/GOVE');
      expect(objects(g, s, `${DCAT}landingPage`).map((o) => o.value)).toEqual([`${t.url}/opendata/datasets/${d.name}`]);
      const modified = objects(g, s, `${DCT}modified`)[0] as { value: string; datatype: { value: string } };
      expect(modified.datatype.value).toBe('http://www.w3.org/2001/XMLSchema#dateTime');
      const publisher = objects(g, s, `${DCT}publisher`)[0].value;
      expect(objects(g, publisher, 'http://xmlns.com/foaf/0.1/name').map((o) => o.value)).toEqual([d.departmentName, ...(d.departmentNameEn ? [d.departmentNameEn] : [])]);
      const period = objects(g, s, `${DCT}temporal`)[0];
      expect(objects(g, null, `${DCAT}endDate`).map((o) => o.value)).toContain(d.temporalTo);
      expect(period).toBeDefined();
      const dists = objects(g, s, `${DCAT}distribution`).map((o) => o.value);
      expect(dists).toHaveLength(4);
      const downloads = dists.flatMap((x) => objects(g, x, `${DCAT}downloadURL`).map((o) => o.value));
      expect(downloads.sort()).toEqual(['csv', 'json', 'xlsx'].map((e) => `${t.url}/api/opendata/datasets/${d.name}/download.${e}`));
    }
  });

  it('marks a 有条件开放 dataset RESTRICTED with its API as the only distribution', async () => {
    const d = all.find((x) => x.openType === 'conditional')!;
    const g = await jsonld(await (await get(`/dataset/${d.id}.jsonld`)).text());
    const s = `${t.url}/dataset/${d.id}`;
    expect(objects(g, s, `${DCT}accessRights`).map((o) => o.value)).toEqual(['http://publications.europa.eu/resource/authority/access-right/RESTRICTED']);
    const dists = objects(g, s, `${DCAT}distribution`).map((o) => o.value);
    expect(dists).toHaveLength(1);
    expect(objects(g, dists[0], `${DCAT}accessURL`).map((o) => o.value)).toEqual([`${t.url}/api/opendata/v1/datasets/${d.name}/rows`]);
    expect(objects(g, dists[0], `${DCAT}downloadURL`)).toEqual([]);
    expect(await validate(g)).toMatchObject({ conforms: true });
  });

  it('reports a broken document: a dataset without a title fails validation', async () => {
    const d = all[0];
    const text = await (await get(`/dataset/${d.name}.ttl`)).text();
    const g = await turtle(text);
    for (const q of [...g.match(rdf.namedNode(`${t.url}/dataset/${d.id}`), rdf.namedNode(`${DCT}title`))]) g.delete(q);
    const r = await validate(g);
    expect(r.conforms).toBe(false);
    expect(r.problems.some((p) => p.includes(`${t.url}/dataset/${d.id}`) && p.includes(`${DCT}title`))).toBe(true);
    // And a distribution without an access URL.
    const h = await turtle(text);
    for (const q of [...h.match(null, rdf.namedNode(`${DCAT}accessURL`))]) h.delete(q);
    expect((await validate(h)).conforms).toBe(false);
  });

  it('answers 404 for a draft, an unknown dataset or an unknown format', async () => {
    for (const p of ['/dataset/dcat-draft.ttl', '/dataset/no-such.jsonld', `/dataset/${all[0].name}.rdf`, `/dataset/${all[0].name}`]) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      expect((await res.json()).zh).toEqual(expect.any(String));
    }
  });
});
