/** GET /api/opendata/datasets/:name/preview */
export interface PreviewAnswer {
  dataset: string;
  items: { code: string; name: string; dataType: string; description: string }[];
  rows: Record<string, unknown>[];
  total: number;
  numeric: { item: string; count: number; min: number | null; max: number | null; avg: number | null; bins: { from: number; to: number; count: number }[] }[];
}

/** GET /api/opendata/keys (one item) and POST /api/opendata/keys (with `key`, once). */
export interface KeyView {
  id: string;
  prefix: string;
  name: string;
  holderName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  calls: number;
  ratePerMinute: number;
  key?: string;
}

/** GET /api/opendata/v1/datasets (one item). */
export interface ApiDataset {
  name: string;
  title: string;
  titleEn: string;
  rowCount: number | null;
  items: { code: string; name: string; dataType: string }[];
}

/** Where the open API answers, for examples. */
export const apiBase = () => `${window.location.origin}/api/opendata/v1`;

/** A number for people: integers as they are, others to at most 2 decimals. */
export const fmt = (n: number | null) => (n === null ? '—' : Number.isInteger(n) ? n.toLocaleString() : n.toLocaleString(undefined, { maximumFractionDigits: 2 }));
