import { Type } from '@sinclair/typebox';
import { FORMATS, LICENCES, THEMES } from '../themes.ts';
import { SORTS } from './portal.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Region = Type.String({ pattern: '^[0-9]{2,12}$', description: 'GB/T 2260 行政区划代码' });

export const DatasetName = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, description: '数据集标识（CKAN name）' }) }, { additionalProperties: false });

export const DatasetItemSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  dataType: lit(['string', 'integer', 'number', 'date', 'boolean']),
  grade: lit(['L1', 'L2', 'L3', 'L4']),
  published: Type.Boolean({ description: '可在开放文件中下载' }),
});

export const DatasetSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  resourceCode: Type.String(),
  regionCode: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  notes: Type.String(),
  notesEn: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  departmentNameEn: Type.String(),
  openType: lit(['open', 'conditional']),
  openBasis: Nullable(Type.String()),
  theme: lit(THEMES.map((t) => t[0])),
  tags: Type.Array(Type.String()),
  licence: lit(LICENCES.map((l) => l[0])),
  frequency: Type.String(),
  temporalFrom: Nullable(Type.String()),
  temporalTo: Nullable(Type.String()),
  spatial: Type.String(),
  items: Type.Array(DatasetItemSchema),
  formats: Type.Array(lit(FORMATS)),
  state: lit(['draft', 'published', 'withdrawn']),
  publishedAt: Nullable(Type.String()),
  modifiedAt: Type.String(),
  createdAt: Type.String(),
  rowCount: Nullable(Type.Integer()),
  withdrawnReason: Nullable(Type.String()),
  withdrawnBy: Nullable(lit(['bureau', 'sync'])),
  cataloguedAt: Type.String(),
  version: Type.Integer(),
});

export const DatasetDetail = Type.Composite([
  DatasetSchema,
  Type.Object({
    counts: Type.Object({ views: Type.Integer(), downloads: Type.Integer(), calls: Type.Integer() }),
    rating: Nullable(Type.Object({ average: Type.Number(), count: Type.Integer() })),
  }),
]);

const Facet = Type.Object({ value: Type.String(), label: Type.String(), labelEn: Type.String(), count: Type.Integer() });

export const SearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: '检索词（中文全文检索）' })),
    theme: Type.Optional(lit(THEMES.map((t) => t[0]))),
    department: Type.Optional(Type.String({ format: 'uuid' })),
    format: Type.Optional(lit(FORMATS)),
    openType: Type.Optional(lit(['open', 'conditional'])),
    state: Type.Optional(lit(['draft', 'published', 'withdrawn', 'any'])),
    region: Type.Optional(Region),
    sort: Type.Optional(lit(SORTS)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    size: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);

export const SearchResult = Type.Object({
  count: Type.Integer(),
  page: Type.Integer(),
  size: Type.Integer(),
  sort: lit(SORTS),
  results: Type.Array(DatasetSchema),
  facets: Type.Object({ theme: Type.Array(Facet), department: Type.Array(Facet), format: Type.Array(Facet), openType: Type.Array(Facet) }),
});

/** Types only here: the values are checked field by field by the service (422 per field). */
export const DescribeBody = Type.Object(
  {
    titleEn: Type.Optional(Type.String({ maxLength: 10_000 })),
    notesEn: Type.Optional(Type.String({ maxLength: 20_000 })),
    theme: Type.Optional(Type.String({ maxLength: 100 })),
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 200 })),
    licence: Type.Optional(Type.String({ maxLength: 100 })),
    temporalFrom: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    temporalTo: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    spatial: Type.Optional(Type.String({ maxLength: 100 })),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const WithdrawBody = Type.Object({ reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });

export const SyncBody = Type.Object({ regionCode: Type.Optional(Region) }, { additionalProperties: false });
export const SyncResultSchema = Type.Object({
  regionCode: Type.String(),
  resources: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  withdrawn: Type.Integer(),
  unchanged: Type.Integer(),
});

export const DutyQuery = Type.Object({ region: Type.Optional(Region), department: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false });
const DutyDataset = Type.Object({
  name: Type.String(),
  title: Type.String(),
  state: lit(['draft', 'published', 'withdrawn']),
  openType: lit(['open', 'conditional']),
  cataloguedAt: Type.String(),
  dueAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  daysLate: Type.Integer(),
});
const DutyDepartment = Type.Object({
  departmentId: Type.String(),
  departmentName: Type.String(),
  departmentNameEn: Type.String(),
  owed: Type.Integer(),
  published: Type.Integer(),
  late: Type.Integer(),
  rate: Type.Number(),
  datasets: Type.Array(DutyDataset),
});
export const DutySchema = Type.Object({
  regionCode: Type.String(),
  lateDays: Type.Integer(),
  target: Type.Number(),
  owed: Type.Integer(),
  published: Type.Integer(),
  late: Type.Integer(),
  rate: Type.Number(),
  departments: Type.Array(DutyDepartment),
});
export const DutySettingBody = Type.Object({ regionCode: Type.Optional(Region), lateDays: Type.Integer({ minimum: 1, maximum: 365 }) }, { additionalProperties: false });
export const DutySetting = Type.Object({ regionCode: Type.String(), lateDays: Type.Integer() });

export const FiguresQuery = Type.Object({ region: Type.Optional(Region), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })) }, { additionalProperties: false });
const Count = Type.Object({ value: Type.String(), label: Type.String(), labelEn: Type.String(), count: Type.Integer() });
export const FiguresSchema = Type.Object({
  regionCode: Type.String(),
  datasets: Type.Integer(),
  byTheme: Type.Array(Count),
  byDepartment: Type.Array(Count),
  byFormat: Type.Array(Count),
  byOpenType: Type.Array(Count),
  downloads: Type.Integer(),
  calls: Type.Integer(),
  views: Type.Integer(),
  top: Type.Array(
    Type.Object({ name: Type.String(), title: Type.String(), titleEn: Type.String(), departmentName: Type.String(), views: Type.Integer(), downloads: Type.Integer(), calls: Type.Integer() }),
  ),
  daily: Type.Array(Type.Object({ day: Type.String(), downloads: Type.Integer(), calls: Type.Integer() })),
  accessAvailable: Type.Boolean(),
});

export const Vocabularies = Type.Object({
  themes: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String(), eu: Type.String() })),
  licences: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String(), url: Type.String() })),
  formats: Type.Array(Type.String()),
});
