import { DataFactory, Writer } from 'n3';
import type { Dataset } from '../ports.ts';
import { THEMES } from '../themes.ts';
import { FORMAT_INFO, distributionUrl, formatsOf, landingPage, licenceOf, resourceId, themeOf } from './package.ts';

/*
 * The open catalogue as DCAT-AP 3 (dcat:Catalog → dcat:Dataset → dcat:Distribution, with
 * dct:publisher foaf:Agent, dcat:theme on the EU data-theme table, dct:accessRights on the EU
 * access-right table …), made once as triples and written as Turtle (n3) or JSON-LD (with an
 * inline @context, so no client fetches a remote one). Every object typed with the class DCAT-AP's
 * range shapes expect, so the output validates against the SEMIC shapes with range.ttl.
 */

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  dcatap: 'http://data.europa.eu/r5r/',
} as const;
type Prefix = keyof typeof NS;

const EU = 'http://publications.europa.eu/resource/authority';
export const EU_THEME = `${EU}/data-theme`;
const EU_THEME_LABELS: Record<string, string> = {
  AGRI: 'Agriculture, fisheries, forestry and food',
  ECON: 'Economy and finance',
  EDUC: 'Education, culture and sport',
  ENER: 'Energy',
  ENVI: 'Environment',
  GOVE: 'Government and public sector',
  HEAL: 'Health',
  INTR: 'International issues',
  JUST: 'Justice, legal system and public safety',
  REGI: 'Regions and cities',
  SOCI: 'Population and society',
  TECH: 'Science and technology',
  TRAN: 'Transport',
};
/** The data catalogue's update frequencies on the EU frequency table. */
const FREQUENCY: Record<string, string> = { realtime: 'CONT', daily: 'DAILY', weekly: 'WEEKLY', monthly: 'MONTHLY', quarterly: 'QUARTERLY', yearly: 'ANNUAL' };
const FREQUENCY_LABEL: Record<string, string> = { CONT: 'continuous', DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly', QUARTERLY: 'quarterly', ANNUAL: 'annual', UNKNOWN: 'unknown' };

/* ---------------------------------------------------------------- a small graph */

export type Obj = { iri: string } | { lit: string; lang?: string; type?: string };
export interface Triple {
  s: string;
  p: string;
  o: Obj;
}

const expand = (curie: string) => {
  const i = curie.indexOf(':');
  const pre = curie.slice(0, i) as Prefix;
  return NS[pre] ? NS[pre] + curie.slice(i + 1) : curie;
};

export class Graph {
  readonly triples: Triple[] = [];
  private bnodes = 0;
  private seen = new Set<string>();
  private subjects = new Set<string>();
  bnode(): string {
    return `_:b${this.bnodes++}`;
  }
  /** `p` as a CURIE (`dct:title`); `o` an IRI, a CURIE, or a literal. Identical triples are kept once. */
  add(s: string, p: string, o: Obj | null | undefined): this {
    if (!o) return this;
    const obj = 'iri' in o ? { iri: expand(o.iri) } : o.type ? { ...o, type: expand(o.type) } : o;
    const key = JSON.stringify([s, p, obj]);
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.subjects.add(s);
      this.triples.push({ s, p: expand(p), o: obj });
    }
    return this;
  }
  type(s: string, ...classes: string[]): this {
    for (const c of classes) this.add(s, 'rdf:type', { iri: c });
    return this;
  }
  /** True when the subject was already described (shared nodes: publishers, themes). */
  has(s: string): boolean {
    return this.subjects.has(s);
  }
}

const iri = (v: string): Obj => ({ iri: v });
const zh = (v: string): Obj => ({ lit: v, lang: 'zh' });
const en = (v: string): Obj => ({ lit: v, lang: 'en' });
const plain = (v: string): Obj => ({ lit: v });
const dateTime = (v: string): Obj => ({ lit: new Date(v).toISOString().replace(/\.\d{3}Z$/, 'Z'), type: 'xsd:dateTime' });
const date = (v: string): Obj => ({ lit: v.slice(0, 10), type: 'xsd:date' });
const integer = (n: number): Obj => ({ lit: String(n), type: 'xsd:integer' });

/* ---------------------------------------------------------------- the catalogue */

export interface Site {
  base: string;
  title: string;
  /** Names of GB/T 2260 regions (zh, en), for dct:spatial labels. */
  regionName(code: string): Promise<{ zh: string; en: string } | null>;
  /** Who publishes the catalogue (the data bureau of the platform's region). */
  publisher: { zh: string; en: string };
  /** The platform's region (GB/T 2260), the catalogue's dct:spatial. */
  regionCode: string;
}

/** The catalogue's own metadata is open under CC BY 4.0. */
const CATALOG_LICENCE = 'https://creativecommons.org/licenses/by/4.0/';

export const datasetIri = (base: string, d: Dataset) => `${base}/dataset/${d.id}`;
const publisherIri = (base: string, departmentId: string) => `${base}/organization/${departmentId}`;
const catalogIri = (base: string) => `${base}/catalog`;
const localThemeIri = (base: string, code: string) => `${base}/opendata/themes/${code}`;

function addTheme(g: Graph, base: string, code: string): string[] {
  const t = themeOf(code);
  if (!t) return [];
  const euIri = `${EU_THEME}/${t.eu}`;
  if (!g.has(euIri)) {
    g.type(euIri, 'skos:Concept')
      .add(euIri, 'skos:prefLabel', en(EU_THEME_LABELS[t.eu] ?? t.eu))
      .add(euIri, 'skos:inScheme', iri(EU_THEME));
  }
  const local = localThemeIri(base, code);
  if (!g.has(local)) {
    g.type(local, 'skos:Concept')
      .add(local, 'skos:prefLabel', zh(t.zh))
      .add(local, 'skos:prefLabel', en(t.en))
      .add(local, 'skos:inScheme', iri(`${base}/opendata/themes`))
      .add(local, 'skos:exactMatch', iri(euIri));
  }
  return [euIri, local];
}

/** ADMS publisher type of the departments and the bureau: local authorities. */
function addPublisherType(g: Graph): string {
  const t = 'http://purl.org/adms/publishertype/LocalAuthority';
  if (!g.has(t)) g.type(t, 'skos:Concept').add(t, 'skos:prefLabel', en('Local Authority'));
  return t;
}

/** Distributions stay available while the dataset is published (EU planned-availability STABLE). */
function addAvailability(g: Graph): string {
  const t = `${EU}/planned-availability/STABLE`;
  if (!g.has(t)) g.type(t, 'skos:Concept').add(t, 'skos:prefLabel', en('stable'));
  return t;
}

async function addDataset(g: Graph, site: Site, d: Dataset): Promise<string> {
  const { base } = site;
  const s = datasetIri(base, d);
  g.type(s, 'dcat:Dataset')
    .add(s, 'dct:title', zh(d.title))
    .add(s, 'dct:title', d.titleEn ? en(d.titleEn) : null)
    .add(s, 'dct:description', zh(d.notes || d.title))
    .add(s, 'dct:description', d.notesEn ? en(d.notesEn) : null)
    .add(s, 'dct:identifier', plain(d.resourceCode))
    .add(s, 'dct:issued', d.publishedAt ? dateTime(d.publishedAt) : dateTime(d.createdAt))
    .add(s, 'dct:modified', dateTime(d.modifiedAt));
  for (const tag of new Set(d.tags)) g.add(s, 'dcat:keyword', zh(tag));
  for (const t of addTheme(g, base, d.theme)) g.add(s, 'dcat:theme', iri(t));

  const lang = `${EU}/language/ZHO`;
  g.add(s, 'dct:language', iri(lang)).type(lang, 'dct:LinguisticSystem');

  const pub = publisherIri(base, d.departmentId);
  g.add(s, 'dct:publisher', iri(pub));
  if (!g.has(pub)) {
    g.type(pub, 'foaf:Agent', 'foaf:Organization')
      .add(pub, 'foaf:name', zh(d.departmentName))
      .add(pub, 'foaf:name', d.departmentNameEn ? en(d.departmentNameEn) : null)
      .add(pub, 'dct:type', iri(addPublisherType(g)));
  }
  const contact = g.bnode();
  g.add(s, 'dcat:contactPoint', iri(contact))
    .type(contact, 'vcard:Kind', 'vcard:Organization')
    .add(contact, 'vcard:fn', zh(d.departmentName))
    .add(contact, 'vcard:hasURL', iri(landingPage(base, d)));

  const access = `${EU}/access-right/${d.openType === 'open' ? 'PUBLIC' : 'RESTRICTED'}`;
  g.add(s, 'dct:accessRights', iri(access)).type(access, 'dct:RightsStatement');
  const freq = `${EU}/frequency/${FREQUENCY[d.frequency] ?? 'UNKNOWN'}`;
  g.add(s, 'dct:accrualPeriodicity', iri(freq))
    .type(freq, 'dct:Frequency')
    .add(freq, 'rdfs:label', en(FREQUENCY_LABEL[FREQUENCY[d.frequency] ?? 'UNKNOWN']));

  if (d.spatial) {
    const place = g.bnode();
    const name = await site.regionName(d.spatial);
    g.add(s, 'dct:spatial', iri(place))
      .type(place, 'dct:Location')
      .add(place, 'dct:identifier', plain(d.spatial))
      .add(place, 'skos:prefLabel', name ? zh(name.zh) : null)
      .add(place, 'skos:prefLabel', name ? en(name.en) : null);
  }
  if (d.temporalFrom || d.temporalTo) {
    const period = g.bnode();
    g.add(s, 'dct:temporal', iri(period))
      .type(period, 'dct:PeriodOfTime')
      .add(period, 'dcat:startDate', d.temporalFrom ? date(d.temporalFrom) : null)
      .add(period, 'dcat:endDate', d.temporalTo ? date(d.temporalTo) : null);
  }
  const page = landingPage(base, d);
  g.add(s, 'dcat:landingPage', iri(page)).type(page, 'foaf:Document');

  const licence = licenceOf(d.licence, base);
  g.type(licence.url, 'dct:LicenseDocument').add(licence.url, 'rdfs:label', zh(licence.title)).add(licence.url, 'rdfs:label', en(licence.titleEn));
  for (const f of formatsOf(d)) {
    const dist = `${s}/resource/${resourceId(d.id, f)}`;
    const url = distributionUrl(base, d, f);
    const info = FORMAT_INFO[f];
    const fileType = `${EU}/file-type/${info.euFileType}`;
    const media = `https://www.iana.org/assignments/media-types/${info.iana}`;
    g.add(s, 'dcat:distribution', iri(dist))
      .type(dist, 'dcat:Distribution')
      .add(dist, 'dct:title', zh(`${d.title}（${f}）`))
      .add(dist, 'dct:description', zh(info.zh))
      .add(dist, 'dcat:accessURL', iri(f === 'API' ? url : page))
      .add(dist, 'dcat:downloadURL', f === 'API' ? null : iri(url))
      .add(dist, 'dct:format', iri(fileType))
      .add(dist, 'dcat:mediaType', iri(media))
      .add(dist, 'dct:license', iri(licence.url))
      .add(dist, 'dcatap:availability', iri(addAvailability(g)))
      .add(dist, 'dct:issued', dateTime(d.publishedAt ?? d.createdAt))
      .add(dist, 'dct:modified', dateTime(d.modifiedAt));
    g.type(fileType, 'dct:MediaTypeOrExtent').type(media, 'dct:MediaType');
    if (f === 'API') {
      const service = `${base}/api/opendata/v1`;
      g.add(dist, 'dcat:accessService', iri(service));
      if (!g.has(service)) {
        g.type(service, 'dcat:DataService')
          .add(service, 'dct:title', zh('公共数据开放接口'))
          .add(service, 'dct:title', en('Open data API'))
          .add(service, 'dcat:endpointURL', iri(service))
          .add(service, 'dcat:endpointDescription', iri(`${base}/api/docs`))
          .add(service, 'dct:publisher', iri(`${base}/opendata#publisher`));
      }
      g.add(service, 'dcat:servesDataset', iri(s));
    }
  }
  return s;
}

async function addCatalog(g: Graph, site: Site, modified: string | null, issued: string | null): Promise<string> {
  const { base } = site;
  const c = catalogIri(base);
  const pub = `${base}/opendata#publisher`;
  g.type(c, 'dcat:Catalog')
    .add(c, 'dct:title', zh(site.title))
    .add(c, 'dct:title', en('Public Data Open Portal'))
    .add(c, 'dct:description', zh('政务部门依开放目录向社会开放的公共数据：无条件开放数据可直接下载或调用接口，有条件开放数据经申请批准后通过接口使用。'))
    .add(
      c,
      'dct:description',
      en(
        'Public data the government departments open under the open catalogue: unconditionally open data may be downloaded or called through the API; conditionally open data is used through the API after an approved application.',
      ),
    )
    .add(c, 'dct:publisher', iri(pub))
    .add(c, 'foaf:homepage', iri(`${base}/opendata`))
    .add(c, 'dct:language', iri(`${EU}/language/ZHO`))
    .add(c, 'dcat:themeTaxonomy', iri(EU_THEME))
    .add(c, 'dcat:themeTaxonomy', iri(`${base}/opendata/themes`))
    .add(c, 'dct:modified', modified ? dateTime(modified) : null)
    .add(c, 'dct:issued', issued ? dateTime(issued) : null)
    .add(c, 'dct:license', iri(CATALOG_LICENCE));
  g.type(CATALOG_LICENCE, 'dct:LicenseDocument');
  g.type(pub, 'foaf:Agent', 'foaf:Organization')
    .add(pub, 'foaf:name', zh(site.publisher.zh))
    .add(pub, 'foaf:name', en(site.publisher.en))
    .add(pub, 'dct:type', iri(addPublisherType(g)));
  const home = await site.regionName(site.regionCode);
  const place = g.bnode();
  g.add(c, 'dct:spatial', iri(place))
    .type(place, 'dct:Location')
    .add(place, 'dct:identifier', plain(site.regionCode))
    .add(place, 'skos:prefLabel', home ? zh(home.zh) : null)
    .add(place, 'skos:prefLabel', home ? en(home.en) : null);
  g.type(`${base}/opendata`, 'foaf:Document').type(`${EU}/language/ZHO`, 'dct:LinguisticSystem');
  g.type(EU_THEME, 'skos:ConceptScheme').add(EU_THEME, 'dct:title', en('Data theme'));
  g.type(`${base}/opendata/themes`, 'skos:ConceptScheme').add(`${base}/opendata/themes`, 'dct:title', zh('主题分类')).add(`${base}/opendata/themes`, 'dct:title', en('Themes'));
  return c;
}

/** One dataset as DCAT-AP (with the catalogue it belongs to, as ckanext-dcat writes it). */
export async function datasetGraph(site: Site, d: Dataset): Promise<Graph> {
  const g = new Graph();
  const s = await addDataset(g, site, d);
  const c = await addCatalog(g, site, null, null);
  g.add(c, 'dcat:dataset', iri(s));
  return g;
}

export interface CatalogPage {
  page: number;
  perPage: number;
  total: number;
  /** The URL of page N (keeping the other parameters). */
  pageUrl(n: number): string;
}

/** A page of the catalogue (ckanext-dcat's paging: hydra:PagedCollection with first/next/previous/last). */
export async function catalogGraph(site: Site, datasets: Dataset[], paging: CatalogPage, dates: { modified: string | null; issued: string | null }): Promise<Graph> {
  const g = new Graph();
  const c = await addCatalog(g, site, dates.modified, dates.issued);
  for (const d of datasets) g.add(c, 'dcat:dataset', iri(await addDataset(g, site, d)));
  const last = Math.max(1, Math.ceil(paging.total / paging.perPage));
  const here = paging.pageUrl(paging.page);
  g.type(here, 'hydra:PagedCollection')
    .add(here, 'hydra:totalItems', integer(paging.total))
    .add(here, 'hydra:itemsPerPage', integer(paging.perPage))
    .add(here, 'hydra:firstPage', plain(paging.pageUrl(1)))
    .add(here, 'hydra:lastPage', plain(paging.pageUrl(last)))
    .add(here, 'hydra:nextPage', paging.page < last ? plain(paging.pageUrl(paging.page + 1)) : null)
    .add(here, 'hydra:previousPage', paging.page > 1 ? plain(paging.pageUrl(Math.min(paging.page - 1, last))) : null);
  return g;
}

/** All theme concepts (for clients that want the taxonomy). */
export const THEME_CODES = THEMES.map((t) => t[0]);

/* ---------------------------------------------------------------- writers */

const term = (v: string) => (v.startsWith('_:') ? DataFactory.blankNode(v.slice(2)) : DataFactory.namedNode(v));

export function toTurtle(g: Graph): Promise<string> {
  const w = new Writer({ prefixes: { ...NS } });
  // Grouped by subject, so the writer abbreviates each node's properties with `;`.
  for (const t of bySubject(g)) {
    const o = 'iri' in t.o ? term(t.o.iri) : DataFactory.literal(t.o.lit, t.o.lang ?? (t.o.type ? DataFactory.namedNode(t.o.type) : undefined));
    w.addQuad(DataFactory.quad(term(t.s), DataFactory.namedNode(t.p), o));
  }
  return new Promise((resolve, reject) => w.end((err, out: string) => (err ? reject(err) : resolve(out))));
}

function bySubject(g: Graph): Triple[] {
  const order = new Map<string, Triple[]>();
  for (const t of g.triples) {
    const list = order.get(t.s);
    if (list) list.push(t);
    else order.set(t.s, [t]);
  }
  return [...order.values()].flat();
}

const compact = (full: string) => {
  for (const [pre, ns] of Object.entries(NS)) if (full.startsWith(ns) && /^[\w-]+$/.test(full.slice(ns.length))) return `${pre}:${full.slice(ns.length)}`;
  return full;
};

/** JSON-LD with an inline @context (prefixes only), one node object per subject in @graph. */
export function toJsonLd(g: Graph): Record<string, unknown> {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const t of g.triples) {
    let n = nodes.get(t.s);
    if (!n) nodes.set(t.s, (n = { '@id': t.s }));
    if (t.p === `${NS.rdf}type` && 'iri' in t.o) {
      ((n['@type'] ??= []) as string[]).push(compact(t.o.iri));
      continue;
    }
    const value = 'iri' in t.o ? { '@id': t.o.iri } : t.o.lang ? { '@value': t.o.lit, '@language': t.o.lang } : t.o.type ? { '@value': t.o.lit, '@type': compact(t.o.type) } : { '@value': t.o.lit };
    ((n[compact(t.p)] ??= []) as unknown[]).push(value);
  }
  return { '@context': { ...NS }, '@graph': [...nodes.values()] };
}
