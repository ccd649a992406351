import type { AccessPort, CataloguePort, Dataset } from '../ports.ts';
import { THEMES } from '../themes.ts';
import { CkanErrors } from './errors.ts';
import { isFieldedQuery, matches, parseFq, type Clause, type Facts } from './fq.ts';
import { factsOf, formatsOf, groupDict, ms, orgDict, packageDict, resourceId, resourcesOf, tagDict } from './package.ts';

/*
 * The CKAN Action API v3 actions this portal answers (read-only: the catalogue is kept by the
 * bureau in the workbench, not through CKAN). Parameters arrive as CKAN takes them: a GET's query
 * string (all strings; lists JSON-encoded or repeated) or a POST's JSON object (typed).
 */

export type Params = Record<string, unknown>;

export interface ActionContext {
  catalogue: CataloguePort;
  access: AccessPort | null;
  /** Absolute base URL of the portal (no trailing slash). */
  base: string;
  now: Date;
  siteTitle: string;
}

type Handler = (p: Params, c: ActionContext) => Promise<unknown>;

/** CKAN's `ckan.search.rows_max`: larger `rows` are lowered to it, as CKAN does (limit_to_configured_maximum). */
export const ROWS_MAX = 1000;
export const ROWS_DEFAULT = 10;
const Q_MAX = 1000;
const LIST_MAX = 1000;

/* ---------------------------------------------------------------- parameters */

/** Parameters that may repeat in a query string (`fq=a&fq=b`); of any other, the last value counts. */
export const LIST_PARAMS = new Set(['fq', 'fq_list', 'facet.field', 'organizations', 'groups']);

const first = (p: Params, name: string): unknown => p[name];

export function str(p: Params, name: string, max = Q_MAX): string | undefined {
  const v = first(p, name);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw CkanErrors.invalid(name, 'Must be a string', '应为字符串');
  if (v.length > max) throw CkanErrors.invalid(name, `Longer than ${max} characters`, `超过 ${max} 个字符`);
  return v;
}

function required(p: Params, name: string, max?: number): string {
  const v = str(p, name, max);
  if (v === undefined || v === '') throw CkanErrors.missing(name);
  return v;
}

/** An integer parameter: a JSON integer, or a string of digits (a GET). */
export function int(p: Params, name: string, dflt: number, min = 0): number {
  const v = first(p, name);
  if (v === undefined || v === null || v === '') return dflt;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*-?\d{1,15}\s*$/.test(v)) n = Number(v);
  else throw CkanErrors.invalid(name, 'Invalid integer', '应为整数');
  if (!Number.isSafeInteger(n)) throw CkanErrors.invalid(name, 'Invalid integer', '应为整数');
  if (n < min) throw CkanErrors.invalid(name, min === 0 ? 'Must be a natural number' : `Must be at least ${min}`, min === 0 ? '应为非负整数' : `应不小于 ${min}`);
  return n;
}

export function bool(p: Params, name: string, dflt: boolean): boolean {
  const v = first(p, name);
  if (v === undefined || v === null || v === '') return dflt;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|1|yes|on)$/i.test(v)) return true;
  if (typeof v === 'string' && /^(false|0|no|off)$/i.test(v)) return false;
  throw CkanErrors.invalid(name, 'Must be a boolean (true or false)', '应为 true 或 false');
}

/** A list parameter: a JSON array, a JSON-encoded array in a string (CKAN's GET form), a repeated or a single string. */
export function list(p: Params, name: string): string[] | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  let items: unknown = v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('[')) {
      try {
        items = JSON.parse(t);
      } catch {
        throw CkanErrors.invalid(name, 'Not a valid JSON list', '不是有效的 JSON 列表');
      }
    } else items = [v];
  }
  if (!Array.isArray(items) || !items.every((x) => typeof x === 'string')) throw CkanErrors.invalid(name, 'Must be a list of strings', '应为字符串列表');
  if (items.length > 100) throw CkanErrors.invalid(name, 'More than 100 values', '超过 100 个值');
  if ((items as string[]).some((x) => x.length > Q_MAX)) throw CkanErrors.invalid(name, `A value is longer than ${Q_MAX} characters`, `有值超过 ${Q_MAX} 个字符`);
  return items as string[];
}

/* ---------------------------------------------------------------- search */

const SORT_FIELDS = ['score', 'metadata_modified', 'metadata_created', 'name', 'title_string', 'id', 'num_resources', 'num_tags'] as const;
type SortField = (typeof SORT_FIELDS)[number];
export const DEFAULT_SORT = 'score desc, metadata_modified desc';

export function parseSort(s: string): [SortField, 1 | -1][] {
  const keys = s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (!keys.length || keys.length > 5) throw CkanErrors.search('sort needs 1 to 5 keys like "name asc"', 'sort 应为 1–5 个形如“name asc”的排序项', 'sort');
  return keys.map((k) => {
    const m = /^(\S+)\s+(asc|desc)$/i.exec(k);
    if (!m) throw CkanErrors.search(`can't determine sort order '${k.slice(0, 60)}'; write "field asc" or "field desc"`, `无法识别排序“${k.slice(0, 60)}”，应写成“字段 asc”或“字段 desc”`, 'sort');
    if (!(SORT_FIELDS as readonly string[]).includes(m[1])) {
      throw CkanErrors.search(`sort field '${m[1].slice(0, 40)}' is not known; use ${SORT_FIELDS.join(', ')}`, `未知的排序字段“${m[1].slice(0, 40)}”，可用：${SORT_FIELDS.join(', ')}`, 'sort');
    }
    return [m[1] as SortField, m[2].toLowerCase() === 'asc' ? 1 : -1];
  });
}

const FACET_FIELDS = ['organization', 'groups', 'tags', 'res_format', 'license_id', 'open_type', 'extras_open_type', 'update_frequency'] as const;
type FacetField = (typeof FACET_FIELDS)[number];

const factCache = new WeakMap<Dataset, Facts>();
const facts = (d: Dataset) => {
  let f = factCache.get(d);
  if (!f) factCache.set(d, (f = factsOf(d)));
  return f;
};

export interface SearchResult {
  count: number;
  results: unknown[];
  sort: string;
  facets: Record<string, Record<string, number>>;
  search_facets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }>;
}

async function packageSearch(p: Params, c: ActionContext): Promise<SearchResult> {
  const qRaw = (str(p, 'q') ?? '').trim();
  const now = c.now.getTime();
  const clauses: Clause[] = [];
  // A repeated fq (fq=a&fq=b) is taken as fq_list: every clause must hold.
  const fqs = Array.isArray(p.fq) ? (list(p, 'fq') ?? []) : [str(p, 'fq', 4000)];
  for (const fq of [...fqs, ...(list(p, 'fq_list') ?? [])]) if (fq) clauses.push(...parseFq(fq, now, 'fq'));
  const rows = Math.min(int(p, 'rows', ROWS_DEFAULT), ROWS_MAX);
  const start = int(p, 'start', 0);
  const sortText = str(p, 'sort', 200)?.trim() || DEFAULT_SORT;
  const sort = parseSort(sortText);
  const facetOn = bool(p, 'facet', true);
  const facetFields = facetOn ? (list(p, 'facet.field') ?? []) : [];
  for (const f of facetFields) {
    if (!(FACET_FIELDS as readonly string[]).includes(f))
      throw CkanErrors.search(`facet field '${f.slice(0, 40)}' is not known; use ${FACET_FIELDS.join(', ')}`, `未知的分面字段“${f.slice(0, 40)}”`, 'facet.field');
  }
  const facetLimit = int(p, 'facet.limit', 50, -1);
  const facetMin = int(p, 'facet.mincount', 1);
  // include_private, include_drafts, use_default_schema: nothing private or draft is ever listed here.

  let datasets = await c.catalogue.published();
  let scores: Map<string, number> | null = null;
  if (qRaw && qRaw !== '*:*' && qRaw !== '*') {
    if (isFieldedQuery(qRaw)) clauses.push(...parseFq(qRaw, now, 'q'));
    else {
      scores = await c.catalogue.rank(qRaw);
      datasets = datasets.filter((d) => scores!.has(d.id));
    }
  }
  const hits = clauses.length ? datasets.filter((d) => matches(clauses, facts(d))) : datasets.slice();
  const score = (d: Dataset) => scores?.get(d.id) ?? 1;
  const key = (d: Dataset, f: SortField): number | string => {
    switch (f) {
      case 'score':
        return score(d);
      case 'metadata_modified':
        return ms(d.modifiedAt);
      case 'metadata_created':
        return ms(d.createdAt);
      case 'name':
        return d.name;
      case 'title_string':
        return d.title;
      case 'id':
        return d.id;
      case 'num_resources':
        return formatsOf(d).length;
      case 'num_tags':
        return new Set(d.tags).size;
    }
  };
  hits.sort((a, b) => {
    for (const [f, dir] of sort) {
      const x = key(a, f);
      const y = key(b, f);
      if (x !== y) return (x < y ? -1 : 1) * dir;
    }
    // Always a total order, so pages never overlap or skip.
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });

  const facetsOut: SearchResult['facets'] = {};
  const searchFacets: SearchResult['search_facets'] = {};
  for (const f of facetFields as FacetField[]) {
    const field = f === 'extras_open_type' ? 'open_type' : f;
    const counts = new Map<string, number>();
    const labels = new Map<string, string>();
    for (const d of hits) {
      for (const v of new Set(facts(d)[field])) {
        counts.set(v, (counts.get(v) ?? 0) + 1);
        if (field === 'organization') labels.set(v, d.departmentName);
        if (field === 'groups') labels.set(v, groupDict(v).display_name);
      }
    }
    const items = [...counts]
      .filter(([, n]) => n >= facetMin)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, facetLimit < 0 ? undefined : facetLimit);
    facetsOut[f] = Object.fromEntries(items);
    searchFacets[f] = { title: f, items: items.map(([name, count]) => ({ name, display_name: labels.get(name) ?? name, count })) };
  }

  // No download counts here (package_show has them): a search stays off the database, as CKAN's Solr search does.
  const page = hits.slice(start, start + rows);
  return {
    count: hits.length,
    results: page.map((d) => packageDict(c.base, d)),
    sort: sortText,
    facets: facetsOut,
    search_facets: searchFacets,
  };
}

/* ---------------------------------------------------------------- lookups */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A published dataset by id or name (CKAN takes either), or 404. */
async function datasetOf(c: ActionContext, idOrName: string): Promise<Dataset> {
  const d = UUID.test(idOrName) ? ((await c.catalogue.byId(idOrName.toLowerCase())) ?? (await c.catalogue.byName(idOrName))) : await c.catalogue.byName(idOrName);
  if (!d || d.state !== 'published') throw CkanErrors.notFound(`dataset ${idOrName.slice(0, 100)}`, `数据集 ${idOrName.slice(0, 100)}`);
  return d;
}

/** Resource id → its dataset and format, over the published catalogue (rebuilt when the catalogue's list changes). */
const resourceIndex = new WeakMap<Dataset[], Map<string, Dataset>>();
async function resourceOwner(c: ActionContext, id: string): Promise<Dataset | null> {
  const all = await c.catalogue.published();
  let idx = resourceIndex.get(all);
  if (!idx) {
    idx = new Map();
    for (const d of all) for (const f of formatsOf(d)) idx.set(resourceId(d.id, f), d);
    resourceIndex.set(all, idx);
  }
  return idx.get(id.toLowerCase()) ?? null;
}

function page<T>(items: T[], p: Params): T[] {
  const limit = Math.min(int(p, 'limit', LIST_MAX), LIST_MAX);
  const offset = int(p, 'offset', 0);
  return items.slice(offset, offset + limit);
}

async function publishersWithCounts(c: ActionContext) {
  const all = await c.catalogue.published();
  const counts = new Map<string, number>();
  const seen = new Map<string, { id: string; name: string; nameEn: string; created: string }>();
  for (const d of all) {
    counts.set(d.departmentId, (counts.get(d.departmentId) ?? 0) + 1);
    const s = seen.get(d.departmentId);
    if (!s || d.createdAt < s.created) seen.set(d.departmentId, { id: d.departmentId, name: d.departmentName, nameEn: d.departmentNameEn, created: d.createdAt });
  }
  // Departments that publish nothing yet are organizations too (the 开放责任清单 names them).
  for (const p of await c.catalogue.publishers()) if (!seen.has(p.id)) seen.set(p.id, { ...p, created: '' });
  return [...seen.values()].map((o) => ({ ...o, count: counts.get(o.id) ?? 0 }));
}

function sortOrgs<T extends { name: string; title: string; count: number }>(items: T[], sort: string | undefined): T[] {
  const s = (sort ?? 'name asc').trim().toLowerCase();
  const m = /^(name|title|package_count)(?:\s+(asc|desc))?$/.exec(s);
  if (!m) throw CkanErrors.invalid('sort', 'Use "name asc", "title asc" or "package_count desc"', '应为 name asc、title asc 或 package_count desc');
  const dir = m[2] === 'desc' ? -1 : 1;
  const key = (x: T) => (m[1] === 'package_count' ? x.count : m[1] === 'title' ? x.title : x.name);
  return items.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name)) * dir;
  });
}

/* ---------------------------------------------------------------- the actions */

interface Action {
  help: string;
  run: Handler;
}

export const ACTIONS: Record<string, Action> = {
  status_show: {
    help: 'Return the site status: CKAN version, site title and URL, extensions. Used by clients and harvesters to detect a CKAN site.',
    run: async (_p, c) => ({
      site_title: c.siteTitle,
      site_description: '公共数据开放平台：开放目录、数据下载与接口、有条件开放、数据沙箱 / Public data open portal',
      site_url: c.base,
      ckan_version: '2.10.4',
      error_emails_to: null,
      locale_default: 'zh_Hans_CN',
      extensions: ['dcat', 'yiwang_opendata'],
    }),
  },
  site_read: {
    help: 'Return true if the site may be read (it always may).',
    run: async () => true,
  },
  package_list: {
    help: 'Return the names of the published datasets, by name. Parameters: limit (≤ 1000), offset.',
    run: async (p, c) => page((await c.catalogue.published()).map((d) => d.name).sort(), p),
  },
  package_search: {
    help: 'Search the published datasets. Parameters: q (Chinese full text, or fielded clauses), fq and fq_list (field:value, field:"quoted", field:(a OR b), -field:value, metadata_modified:[2025-01-01T00:00:00Z TO *]; fields organization, groups, tags, res_format, license_id, name, id, open_type, update_frequency, metadata_modified, metadata_created), rows (default 10, at most 1000), start, sort (default "score desc, metadata_modified desc"; fields score, metadata_modified, metadata_created, name, title_string, id, num_resources, num_tags), facet.field (organization, groups, tags, res_format, license_id, open_type), facet.limit (default 50, -1 for all), facet.mincount. include_private and include_drafts are ignored: nothing private or draft is listed.',
    run: packageSearch,
  },
  package_show: {
    help: 'Return a published dataset (package dict with resources, organization, groups, tags, extras). Parameter: id (id or name).',
    run: async (p, c) => {
      const d = await datasetOf(c, required(p, 'id', 200));
      const counts = c.access ? ((await c.access.counts([d.id])).get(d.id) ?? { downloads: 0, calls: 0 }) : null;
      return packageDict(c.base, d, counts);
    },
  },
  resource_show: {
    help: 'Return one distribution of a published dataset. Parameter: id (resource id).',
    run: async (p, c) => {
      const id = required(p, 'id', 200);
      const d = UUID.test(id) ? await resourceOwner(c, id) : null;
      const r = d && resourcesOf(c.base, d).find((x) => x.id === id.toLowerCase());
      if (!r) throw CkanErrors.notFound(`resource ${id.slice(0, 100)}`, `资源 ${id.slice(0, 100)}`);
      return r;
    },
  },
  organization_list: {
    help: 'Return the publishing departments (names, or dicts with all_fields=true). Parameters: all_fields, sort (name asc, title asc, package_count desc), limit, offset, organizations (only these names).',
    run: async (p, c) => {
      const only = list(p, 'organizations');
      const orgs = (await publishersWithCounts(c)).filter((o) => !only || only.includes(o.id)).map((o) => ({ ...o, title: o.name, name: o.id }));
      const sorted = page(sortOrgs(orgs, str(p, 'sort', 100)), p);
      if (!bool(p, 'all_fields', false)) return sorted.map((o) => o.name);
      return sorted.map((o) => orgDict({ id: o.id, name: o.title, nameEn: o.nameEn }, o.created || null, o.count));
    },
  },
  organization_show: {
    help: 'Return one publishing department. Parameters: id (id or name), include_datasets (default false; at most 1000 datasets).',
    run: async (p, c) => {
      const id = required(p, 'id', 200).toLowerCase();
      const o = (await publishersWithCounts(c)).find((x) => x.id === id);
      if (!o) throw CkanErrors.notFound(`organization ${id.slice(0, 100)}`, `组织 ${id.slice(0, 100)}`);
      const out: Record<string, unknown> = { ...orgDict(o, o.created || null, o.count), users: [], extras: [], tags: [], groups: [] };
      if (bool(p, 'include_datasets', false)) {
        const all = (await c.catalogue.published()).filter((d) => d.departmentId === o.id).slice(0, ROWS_MAX);
        out.packages = all.map((d) => packageDict(c.base, d));
      }
      return out;
    },
  },
  group_list: {
    help: 'Return the themes (主题分类) as groups (names, or dicts with all_fields=true). Parameters: all_fields, sort, limit, offset, groups (only these names).',
    run: async (p, c) => {
      const only = list(p, 'groups');
      const counts = new Map<string, number>();
      for (const d of await c.catalogue.published()) counts.set(d.theme, (counts.get(d.theme) ?? 0) + 1);
      const groups = THEMES.map((t) => ({ name: t[0] as string, title: t[1] as string, count: counts.get(t[0]) ?? 0 })).filter((g) => !only || only.includes(g.name));
      const sorted = page(sortOrgs(groups, str(p, 'sort', 100)), p);
      if (!bool(p, 'all_fields', false)) return sorted.map((g) => g.name);
      return sorted.map((g) => groupDict(g.name, g.count));
    },
  },
  group_show: {
    help: 'Return one theme as a group. Parameters: id (name or id), include_datasets (default false).',
    run: async (p, c) => {
      const id = required(p, 'id', 200);
      const t = THEMES.find((x) => x[0] === id || groupDict(x[0]).id === id.toLowerCase());
      if (!t) throw CkanErrors.notFound(`group ${id.slice(0, 100)}`, `分组 ${id.slice(0, 100)}`);
      const mine = (await c.catalogue.published()).filter((d) => d.theme === t[0]);
      const out: Record<string, unknown> = { ...groupDict(t[0], mine.length), users: [], extras: [], tags: [], groups: [] };
      if (bool(p, 'include_datasets', false)) out.packages = mine.slice(0, ROWS_MAX).map((d) => packageDict(c.base, d));
      return out;
    },
  },
  tag_list: {
    help: 'Return the tags of the published datasets, by name. Parameters: query (only tags containing it), all_fields.',
    run: async (p, c) => {
      const query = str(p, 'query', 100)?.toLowerCase();
      const tags = new Set<string>();
      for (const d of await c.catalogue.published()) for (const t of d.tags) tags.add(t);
      const names = [...tags].filter((t) => !query || t.toLowerCase().includes(query)).sort();
      return bool(p, 'all_fields', false) ? names.map(tagDict) : names;
    },
  },
  help_show: {
    help: 'Return the help text of an action. Parameter: name.',
    run: async (p) => {
      const name = required(p, 'name', 100);
      const a = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
      if (!a) throw CkanErrors.notFound(`action ${name}`, `接口动作 ${name}`);
      return a.help;
    },
  },
};

export function actionOf(name: string): Action {
  if (!/^[a-z_]{1,60}$/.test(name) || !Object.hasOwn(ACTIONS, name)) throw CkanErrors.unknownAction(name.slice(0, 100));
  return ACTIONS[name];
}
