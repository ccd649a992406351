/** A dataset of the open catalogue as the portal pages receive it (GET /api/opendata/datasets/:name). */
export interface OpenDataset {
  id: string;
  name: string;
  resourceCode: string;
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
  items: { code: string; name: string; description: string; dataType: string; grade: string; published: boolean }[];
  formats: string[];
  state: string;
  publishedAt: string | null;
  modifiedAt: string;
  rowCount: number | null;
}

/** What each section of the dataset page is given. */
export interface DatasetSectionProps {
  dataset: OpenDataset;
}
