/** A data item (数据项) of a dataset. */
export interface OpenDatasetItem {
  code: string;
  name: string;
  description: string;
  dataType: 'string' | 'integer' | 'number' | 'date' | 'boolean';
  grade: 'L1' | 'L2' | 'L3' | 'L4';
  /** In the open downloads (a 无条件开放 dataset's L1 items); a 有条件开放 dataset publishes none. */
  published: boolean;
}

/** A dataset as the search lists it (GET /api/opendata/datasets → results). */
export interface OpenDatasetSummary {
  id: string;
  name: string;
  resourceCode: string;
  regionCode: string;
  title: string;
  titleEn: string;
  notes: string;
  notesEn: string;
  departmentId: string;
  departmentName: string;
  departmentNameEn: string;
  openType: 'open' | 'conditional';
  openBasis: string | null;
  theme: string;
  tags: string[];
  licence: string;
  frequency: string;
  temporalFrom: string | null;
  temporalTo: string | null;
  spatial: string;
  items: OpenDatasetItem[];
  formats: ('CSV' | 'JSON' | 'XLSX' | 'API')[];
  state: 'draft' | 'published' | 'withdrawn';
  publishedAt: string | null;
  modifiedAt: string;
  createdAt: string;
  rowCount: number | null;
  withdrawnReason: string | null;
  withdrawnBy: 'bureau' | 'sync' | null;
  cataloguedAt: string;
  version: number;
}

/** A dataset as the portal pages receive it (GET /api/opendata/datasets/:name). */
export interface OpenDataset extends OpenDatasetSummary {
  counts: { views: number; downloads: number; calls: number };
  rating: { average: number; count: number } | null;
}

/** What each section of the dataset page is given. */
export interface DatasetSectionProps {
  dataset: OpenDataset;
}

export interface Facet {
  value: string;
  label: string;
  labelEn: string;
  count: number;
}

/** GET /api/opendata/datasets */
export interface SearchAnswer {
  count: number;
  page: number;
  size: number;
  sort: 'relevance' | 'modified' | 'published' | 'name' | 'views';
  results: OpenDatasetSummary[];
  facets: { theme: Facet[]; department: Facet[]; format: Facet[]; openType: Facet[] };
}

/** GET /api/opendata/vocabularies */
export interface Vocabularies {
  themes: { code: string; name: string; nameEn: string; eu: string }[];
  licences: { code: string; name: string; nameEn: string; url: string }[];
  formats: string[];
}

/** GET /api/opendata/duty */
export interface Duty {
  regionCode: string;
  lateDays: number;
  target: number;
  owed: number;
  published: number;
  late: number;
  rate: number;
  departments: {
    departmentId: string;
    departmentName: string;
    departmentNameEn: string;
    owed: number;
    published: number;
    late: number;
    rate: number;
    datasets: {
      name: string;
      title: string;
      state: 'draft' | 'published' | 'withdrawn';
      openType: 'open' | 'conditional';
      cataloguedAt: string;
      dueAt: string;
      publishedAt: string | null;
      daysLate: number;
    }[];
  }[];
}

/** GET /api/opendata/figures */
export interface Figures {
  regionCode: string;
  datasets: number;
  byTheme: Facet[];
  byDepartment: Facet[];
  byFormat: Facet[];
  byOpenType: Facet[];
  downloads: number;
  calls: number;
  views: number;
  top: { name: string; title: string; titleEn: string; departmentName: string; views: number; downloads: number; calls: number }[];
  daily: { day: string; downloads: number; calls: number }[];
  accessAvailable: boolean;
}
