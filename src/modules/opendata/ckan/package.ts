import { v5 as uuidv5 } from 'uuid';
import { LICENCES, THEMES } from '../themes.ts';
import type { Dataset, FormatCode, ThemeCode } from '../ports.ts';
import type { Facts } from './fq.ts';

/*
 * The open catalogue's datasets as CKAN dicts: packages, resources, organizations (the publishing
 * departments), groups (the 主题分类) and tags, with the fields CKAN clients and harvesters read.
 */

/** Namespace of the UUIDv5 ids this area makes (resources, groups, tags): fixed, so ids never change. */
const NS = uuidv5('https://yiwang.example/opendata/ckan', uuidv5.URL);

export interface FormatInfo {
  mimetype: string;
  /** EU file-type authority code (DCAT-AP dct:format). */
  euFileType: string;
  /** IANA media type (DCAT-AP dcat:mediaType). */
  iana: string;
  zh: string;
}

export const FORMAT_INFO: Record<FormatCode, FormatInfo> = {
  CSV: { mimetype: 'text/csv', euFileType: 'CSV', iana: 'text/csv', zh: 'CSV 文件下载' },
  JSON: { mimetype: 'application/json', euFileType: 'JSON', iana: 'application/json', zh: 'JSON 文件下载' },
  XLSX: {
    mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    euFileType: 'XLSX',
    iana: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    zh: 'Excel（XLSX）文件下载',
  },
  API: { mimetype: 'application/json', euFileType: 'JSON', iana: 'application/json', zh: '数据接口（需 API 密钥；有条件开放数据须经批准）' },
};
const FORMAT_ORDER: FormatCode[] = ['CSV', 'JSON', 'XLSX', 'API'];

/** The stable id of a dataset's distribution in one format (UUIDv5 of dataset id + format). */
export const resourceId = (datasetId: string, format: FormatCode) => uuidv5(`${datasetId}:${format}`, NS);
export const groupId = (theme: string) => uuidv5(`group:${theme}`, NS);
export const tagId = (tag: string) => uuidv5(`tag:${tag}`, NS);

/** CKAN's timestamp: UTC without offset, microseconds (`2026-03-02T01:00:00.000000`). */
export function ckanTime(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${d.toISOString().slice(0, 23)}000`;
}

export const ms = (iso: string) => new Date(iso).getTime();

/** Distributions a dataset offers: its download formats and API when 无条件开放; only API when 有条件开放 (access on approval). */
export function formatsOf(d: Dataset): FormatCode[] {
  if (d.openType === 'conditional') return ['API'];
  const have = new Set<FormatCode>(d.formats);
  return FORMAT_ORDER.filter((f) => have.has(f));
}

/** Where a distribution is served (by the access area). */
export function distributionUrl(base: string, d: Dataset, f: FormatCode): string {
  const name = encodeURIComponent(d.name);
  return f === 'API' ? `${base}/api/opendata/v1/datasets/${name}/rows` : `${base}/api/opendata/datasets/${name}/download.${f.toLowerCase()}`;
}

export const landingPage = (base: string, d: Dataset) => `${base}/opendata/datasets/${encodeURIComponent(d.name)}`;

export function licenceOf(code: string, base: string) {
  const l = LICENCES.find((x) => x[0] === code) ?? LICENCES[0];
  return { id: l[0], title: l[1], titleEn: l[2], url: l[3].startsWith('/') ? `${base}${l[3]}` : l[3] };
}

export function themeOf(code: ThemeCode | string) {
  const t = THEMES.find((x) => x[0] === code);
  return t ? { code: t[0], zh: t[1], en: t[2], eu: t[3] } : null;
}

export interface CkanResource {
  id: string;
  package_id: string;
  name: string;
  description: string;
  url: string;
  format: string;
  mimetype: string;
  mimetype_inner: null;
  url_type: string | null;
  resource_type: string | null;
  position: number;
  created: string;
  last_modified: string;
  metadata_modified: string;
  state: 'active';
  size: null;
  hash: string;
  cache_url: null;
  datastore_active: false;
}

export function resourcesOf(base: string, d: Dataset): CkanResource[] {
  const created = ckanTime(d.publishedAt ?? d.createdAt);
  const modified = ckanTime(d.modifiedAt);
  return formatsOf(d).map((f, position) => ({
    id: resourceId(d.id, f),
    package_id: d.id,
    name: `${d.title}（${f}）`,
    description: FORMAT_INFO[f].zh,
    url: distributionUrl(base, d, f),
    format: f,
    mimetype: FORMAT_INFO[f].mimetype,
    mimetype_inner: null,
    url_type: f === 'API' ? 'api' : null,
    resource_type: f === 'API' ? 'api' : 'file',
    position,
    created,
    last_modified: modified,
    metadata_modified: modified,
    state: 'active',
    size: null,
    hash: '',
    cache_url: null,
    datastore_active: false,
  }));
}

/** A publishing department as a CKAN organization (its name is the department's id, which never changes). */
export function orgDict(p: { id: string; name: string; nameEn: string }, created: string | null, packageCount?: number) {
  return {
    id: p.id,
    name: p.id,
    title: p.name,
    display_name: p.name,
    title_translated: { zh_Hans_CN: p.name, en: p.nameEn || p.name },
    type: 'organization',
    description: '',
    image_url: '',
    image_display_url: '',
    created: created ? ckanTime(created) : null,
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

/** A theme (主题分类) as a CKAN group. */
export function groupDict(code: string, packageCount?: number) {
  const t = themeOf(code);
  const title = t?.zh ?? code;
  return {
    id: groupId(code),
    name: code,
    title,
    display_name: title,
    title_translated: { zh_Hans_CN: title, en: t?.en ?? code },
    description: t ? `${t.en}（EU data theme ${t.eu}）` : '',
    type: 'group',
    image_url: '',
    image_display_url: '',
    is_organization: false,
    approval_status: 'approved',
    state: 'active',
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export function tagDict(name: string) {
  return { id: tagId(name), name, display_name: name, state: 'active', vocabulary_id: null };
}

const FREQUENCY_ZH: Record<string, string> = { realtime: '实时', daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度', yearly: '每年' };

/** The package dict CKAN's `package_show` and `package_search` answer. */
export function packageDict(base: string, d: Dataset, counts?: { downloads: number; calls: number } | null) {
  const licence = licenceOf(d.licence, base);
  const resources = resourcesOf(base, d);
  const extras: Record<string, string> = {
    open_type: d.openType,
    update_frequency: d.frequency,
    update_frequency_label: FREQUENCY_ZH[d.frequency] ?? d.frequency,
    spatial: d.spatial,
    theme: d.theme,
    resource_code: d.resourceCode,
    region_code: d.regionCode,
  };
  if (d.openBasis) extras.open_basis = d.openBasis;
  if (d.temporalFrom || d.temporalTo) extras.temporal = `${d.temporalFrom ?? '..'}/${d.temporalTo ?? '..'}`;
  const eu = themeOf(d.theme)?.eu;
  if (eu) extras.theme_eu = `http://publications.europa.eu/resource/authority/data-theme/${eu}`;
  if (counts) {
    extras.downloads = String(counts.downloads);
    extras.api_calls = String(counts.calls);
  }
  const tags = [...new Set(d.tags)].map(tagDict);
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    title_translated: { zh_Hans_CN: d.title, en: d.titleEn || d.title },
    notes: d.notes,
    notes_translated: { zh_Hans_CN: d.notes, en: d.notesEn || d.notes },
    url: landingPage(base, d),
    type: 'dataset',
    state: 'active',
    private: false,
    version: null,
    author: null,
    author_email: null,
    maintainer: d.departmentName,
    maintainer_email: null,
    owner_org: d.departmentId,
    organization: orgDict({ id: d.departmentId, name: d.departmentName, nameEn: d.departmentNameEn }, null),
    groups: themeOf(d.theme) ? [groupDict(d.theme)] : [],
    tags,
    num_tags: tags.length,
    license_id: licence.id,
    license_title: licence.title,
    license_url: licence.url,
    isopen: licence.id === 'CC-BY-4.0',
    metadata_created: ckanTime(d.createdAt),
    metadata_modified: ckanTime(d.modifiedAt),
    resources,
    num_resources: resources.length,
    extras: Object.entries(extras)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value })),
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}

/** What fq clauses are matched against, per dataset. */
export function factsOf(d: Dataset): Facts {
  return {
    id: [d.id],
    name: [d.name],
    organization: [d.departmentId],
    owner_org: [d.departmentId],
    groups: themeOf(d.theme) ? [d.theme] : [],
    tags: d.tags,
    res_format: formatsOf(d),
    license_id: [d.licence],
    open_type: [d.openType],
    update_frequency: [d.frequency],
    type: ['dataset'],
    state: ['active'],
    capacity: ['public'],
    metadata_modified: ms(d.modifiedAt),
    metadata_created: ms(d.createdAt),
  };
}
