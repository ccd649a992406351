import { SYSTEM_PRINCIPAL } from '../../src/modules/identity/index.ts';
import type { ResourceInput } from '../../src/modules/data/index.ts';
import type { LicenceCode, ThemeCode } from '../../src/modules/opendata/index.ts';
import type { Platform } from '../../src/platform.ts';
import { CONDITIONAL_DATASETS } from './datasets/conditional.ts';
import { generator, type DatasetDef } from './datasets/gen.ts';
import { PLACE_DATASETS } from './datasets/places.ts';
import { STAT_DATASETS } from './datasets/stats.ts';

/** Every demo open dataset of 乌兰浩特市 (records-backed catalogue resources). */
export const OPEN_DATASETS: DatasetDef[] = [...PLACE_DATASETS, ...STAT_DATASETS, ...CONDITIONAL_DATASETS];

export interface OpenDatasetMeta {
  titleEn: string;
  notesEn: string;
  theme: ThemeCode;
  tags: string[];
  licence: LicenceCode;
  temporalFrom?: string;
  temporalTo?: string;
}

/**
 * What the open catalogue adds to each open or conditional resource (English title and notes,
 * theme, tags, licence, temporal coverage), by resource code — the demo datasets and the three base
 * resources that are open (XY-CREDIT, DL-PLACE) or open on conditions (FR-ENTITY).
 */
export const OPEN_DATASET_META: Record<string, OpenDatasetMeta> = {
  'XY-CREDIT': {
    titleEn: 'Public credit information',
    notesEn: 'Credit rating, administrative penalties and the red and black lists of market entities.',
    theme: 'credit',
    tags: ['信用', '红黑名单', '行政处罚'],
    licence: 'CC-BY-4.0',
  },
  'DL-PLACE': {
    titleEn: 'Geographic entities',
    notesEn: 'Hospitals, schools, parks, transport hubs and other geographic entities with their kind and coordinates.',
    theme: 'geography',
    tags: ['地理实体', '兴趣点', '坐标'],
    licence: 'CC-BY-4.0',
  },
  'FR-ENTITY': {
    titleEn: 'Legal entities base',
    notesEn: 'Registration of companies, individual businesses and farmers’ cooperatives; ID numbers of legal representatives are never opened. Open on conditions.',
    theme: 'market',
    tags: ['法人', '市场主体', '登记'],
    licence: 'yiwang-open-1.0',
  },
  ...Object.fromEntries(OPEN_DATASETS.map((d) => [d.code, { licence: 'CC-BY-4.0' as LicenceCode, ...d.meta }])),
};

/** A dataset definition as a catalogue resource backed by records. */
export function resourceOf(d: DatasetDef, departmentId: string, regionCode: string): ResourceInput {
  return {
    code: d.code,
    name: d.name,
    description: d.description,
    providerDepartmentId: departmentId,
    regionCode,
    category: 'department',
    backing: 'records',
    backingRef: 'data_record',
    sharingType: d.conditional ? 'conditional' : 'unconditional',
    ...(d.conditional ? { sharingBasis: d.conditional } : {}),
    openType: d.conditional ? 'conditional' : 'open',
    ...(d.conditional ? { openBasis: d.conditional } : {}),
    updateFrequency: d.frequency,
    items: d.items.map(([code, name, dataType, description, grade]) => ({ code, name, description, dataType, grade: grade ?? 'L1', importance: 'general', storage: { field: code } })),
  };
}

/** The rows of a dataset as records to load: ids in order (000001 …), street rows in their street. */
export function recordsOf(d: DatasetDef) {
  return d.rows(generator(d.code)).map((row, i) => {
    const { _region, ...values } = row;
    return { id: String(i + 1).padStart(6, '0'), ...(typeof _region === 'string' ? { regionCode: _region } : {}), values };
  });
}

/**
 * Demo: the departments' open datasets as data-catalogue resources backed by records, with their
 * deterministic rows (about 28,000 in all), loaded in batches. A dataset already registered is left
 * as it is.
 */
export async function seedOpenDatasets(p: Platform, deptIds: Map<string, string>, only?: string[]): Promise<void> {
  const started = Date.now();
  const region = p.kernel.config.regionCode;
  const admin = { ...SYSTEM_PRINCIPAL, regionCode: region };
  let rows = 0;
  for (const d of OPEN_DATASETS) {
    if (only && !only.includes(d.code)) continue;
    const dept = deptIds.get(d.dept);
    if (!dept) throw new Error(`seed: no department ${d.dept} for ${d.code}`);
    if (await p.data.catalogue.search({ q: undefined, departmentId: dept, limit: 500 }).then((list) => list.some((r) => r.code === d.code))) continue;
    await p.data.catalogue.register(admin, resourceOf(d, dept, region));
    const records = recordsOf(d);
    await p.data.records.load(admin, d.code, records, { replace: true });
    rows += records.length;
  }
  p.log.info({ datasets: only?.length ?? OPEN_DATASETS.length, rows, ms: Date.now() - started }, 'seed: open datasets registered and loaded');
}
