import type { Principal } from '../../../kernel/policy/index.ts';
import type { OpendataContext } from '../area.ts';
import type { DatasetState } from '../ports.ts';
import { THEMES } from '../themes.ts';
import { cstDay, type DatasetView, type OpenCatalogue } from './datasets.ts';
import { CatalogueErrors } from './errors.ts';
import type { DatasetIndex } from './search.ts';

export const SORTS = ['relevance', 'modified', 'published', 'name', 'views'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchQuery {
  q?: string;
  theme?: string;
  department?: string;
  format?: string;
  openType?: 'open' | 'conditional';
  /** Only for the bureau: any state (default published). */
  state?: DatasetState | 'any';
  region?: string;
  sort?: Sort;
  page?: number;
  size?: number;
}

export interface Facet {
  value: string;
  label: string;
  labelEn: string;
  count: number;
}

export interface DutyDataset {
  name: string;
  title: string;
  state: DatasetState;
  openType: 'open' | 'conditional';
  cataloguedAt: string;
  dueAt: string;
  publishedAt: string | null;
  /** Days past the due date while unpublished (0 when not late). */
  daysLate: number;
}

export interface DutyDepartment {
  departmentId: string;
  departmentName: string;
  departmentNameEn: string;
  owed: number;
  published: number;
  late: number;
  /** published ÷ owed (1 when nothing is owed). */
  rate: number;
  datasets: DutyDataset[];
}

const themeLabel = new Map<string, readonly [string, string]>(THEMES.map((t) => [t[0], [t[1], t[2]] as const]));
const openLabel: Record<string, [string, string]> = { open: ['无条件开放', 'Open'], conditional: ['有条件开放', 'Conditional'] };

/** The portal's reads of the catalogue: search with facets, one dataset with its counts, the 开放责任清单 and the figures. */
export class CataloguePortal {
  constructor(
    private readonly ctx: OpendataContext,
    private readonly cat: OpenCatalogue,
    private readonly index: DatasetIndex,
  ) {}

  isBureau(who: Principal | null, regionCode: string): boolean {
    return !!who && this.ctx.policy.can(who, 'opendata.manage', { regionCode });
  }

  async search(who: Principal | null, q: SearchQuery) {
    const region = q.region ?? this.ctx.k.config.regionCode;
    const bureau = this.isBureau(who, region);
    const state = bureau ? (q.state ?? 'published') : 'published';
    const size = q.size ?? 20;
    const page = q.page ?? 1;
    const inScope = (d: DatasetView) => d.regionCode.startsWith(region) && (state === 'any' || d.state === state);
    const filters: [string, (d: DatasetView) => boolean][] = [
      ['theme', (d) => !q.theme || d.theme === q.theme],
      ['department', (d) => !q.department || d.departmentId === q.department],
      ['format', (d) => !q.format || d.formats.includes(q.format as never)],
      ['openType', (d) => !q.openType || d.openType === q.openType],
    ];
    const text = q.q?.trim() ?? '';
    let hits: { dataset: DatasetView; score: number }[];
    if (text) hits = await this.index.rank(text, inScope);
    else hits = (await this.index.all()).filter(inScope).map((d) => ({ dataset: d, score: 0 }));
    // Facets count what the other filters leave, so choosing a theme still shows the other themes' counts.
    const facetOf = (skip: string, value: (d: DatasetView) => string[]) => {
      const counts = new Map<string, number>();
      for (const h of hits) if (filters.every(([n, f]) => n === skip || f(h.dataset))) for (const v of value(h.dataset)) counts.set(v, (counts.get(v) ?? 0) + 1);
      return counts;
    };
    const matched = hits.filter((h) => filters.every(([, f]) => f(h.dataset)));
    const sort = q.sort ?? (text ? 'relevance' : 'modified');
    let views = new Map<string, number>();
    if (sort === 'views') views = await this.cat.viewCounts(matched.map((h) => h.dataset.id));
    const by: Record<Sort, (a: (typeof matched)[number], b: (typeof matched)[number]) => number> = {
      relevance: (a, b) => b.score - a.score,
      modified: (a, b) => b.dataset.modifiedAt.localeCompare(a.dataset.modifiedAt),
      published: (a, b) => (b.dataset.publishedAt ?? '').localeCompare(a.dataset.publishedAt ?? ''),
      name: (a, b) => a.dataset.name.localeCompare(b.dataset.name),
      views: (a, b) => (views.get(b.dataset.id) ?? 0) - (views.get(a.dataset.id) ?? 0),
    };
    const sorted = [...matched].sort((a, b) => by[sort](a, b) || a.dataset.name.localeCompare(b.dataset.name));
    const themes = facetOf('theme', (d) => [d.theme]);
    const depts = facetOf('department', (d) => [d.departmentId]);
    const formats = facetOf('format', (d) => d.formats);
    const opens = facetOf('openType', (d) => [d.openType]);
    const deptNames = new Map(hits.map((h) => [h.dataset.departmentId, [h.dataset.departmentName, h.dataset.departmentNameEn || h.dataset.departmentName] as const]));
    const list = (m: Map<string, number>, label: (v: string) => readonly [string, string]): Facet[] =>
      [...m].map(([value, count]) => ({ value, label: label(value)[0], labelEn: label(value)[1], count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      count: sorted.length,
      page,
      size,
      sort,
      results: sorted.slice((page - 1) * size, page * size).map((h) => h.dataset),
      facets: {
        theme: list(themes, (v) => themeLabel.get(v) ?? [v, v]),
        department: list(depts, (v) => deptNames.get(v) ?? [v, v]),
        format: list(formats, (v) => [v, v]),
        openType: list(opens, (v) => openLabel[v] ?? [v, v]),
      },
    };
  }

  /** One dataset with its counts: published only for the public; any state for the bureau (a view is counted for the public). */
  async dataset(who: Principal | null, name: string) {
    const row = await this.cat.byName(name);
    if (!row) throw CatalogueErrors.notFound();
    const bureau = this.isBureau(who, row.region_code);
    if (row.state !== 'published' && !bureau) throw CatalogueErrors.notFound();
    if (!bureau && row.state === 'published') await this.cat.viewed(row.id);
    const [d] = await this.cat.views([row]);
    const views = (await this.cat.viewCounts([row.id])).get(row.id) ?? 0;
    const access = await this.ctx.ports.access?.counts([row.id]).catch(() => null);
    const rating = await this.ctx.ports.community?.ratings([row.id]).catch(() => null);
    const a = access?.get(row.id);
    const r = rating?.get(row.id);
    return { ...d, counts: { views, downloads: a?.downloads ?? 0, calls: a?.calls ?? 0 }, rating: r ? { average: r.average, count: r.count } : null };
  }

  /** 开放责任清单: per department, what it owes, what is published and what is late, with 开放率. */
  async duty(regionCode: string, department?: string) {
    const lateDays = await this.cat.lateDays(regionCode);
    const now = this.ctx.k.clock.now().getTime();
    const all = (await this.index.all()).filter((d) => d.regionCode.startsWith(regionCode) && (!department || d.departmentId === department));
    // Owed: a dataset whose resource is open or conditional (a sync withdrawal owes nothing; a bureau's withdrawal still owes).
    const owed = all.filter((d) => d.state !== 'withdrawn' || d.withdrawnBy === 'bureau');
    const byDept = new Map<string, DutyDepartment>();
    for (const d of owed) {
      let dep = byDept.get(d.departmentId);
      if (!dep)
        byDept.set(
          d.departmentId,
          (dep = { departmentId: d.departmentId, departmentName: d.departmentName, departmentNameEn: d.departmentNameEn, owed: 0, published: 0, late: 0, rate: 1, datasets: [] }),
        );
      const due = new Date(d.cataloguedAt).getTime() + lateDays * 86_400_000;
      const daysLate = d.state === 'published' ? 0 : Math.max(0, Math.floor((now - due) / 86_400_000));
      const late = d.state !== 'published' && now > due;
      dep.owed++;
      if (d.state === 'published') dep.published++;
      if (late) dep.late++;
      dep.datasets.push({
        name: d.name,
        title: d.title,
        state: d.state,
        openType: d.openType,
        cataloguedAt: d.cataloguedAt,
        dueAt: new Date(due).toISOString(),
        publishedAt: d.publishedAt,
        daysLate: late ? Math.max(1, daysLate) : 0,
      });
    }
    const departments = [...byDept.values()].map((d) => ({
      ...d,
      rate: d.owed ? d.published / d.owed : 1,
      datasets: d.datasets.sort((a, b) => b.daysLate - a.daysLate || a.name.localeCompare(b.name)),
    }));
    departments.sort((a, b) => a.rate - b.rate || b.late - a.late || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
    const totalOwed = departments.reduce((n, d) => n + d.owed, 0);
    const totalPublished = departments.reduce((n, d) => n + d.published, 0);
    return {
      regionCode,
      lateDays,
      target: 1,
      owed: totalOwed,
      published: totalPublished,
      late: departments.reduce((n, d) => n + d.late, 0),
      rate: totalOwed ? totalPublished / totalOwed : 1,
      departments,
    };
  }

  /** 开放数据 figures: published datasets by theme, department, format and open type; downloads, calls and views; top datasets; a daily series. */
  async figures(regionCode: string, days = 30) {
    const published = (await this.index.all()).filter((d) => d.regionCode.startsWith(regionCode) && d.state === 'published');
    const ids = published.map((d) => d.id);
    const views = await this.cat.viewCounts(ids);
    const access = this.ctx.ports.access
      ? await this.ctx.ports.access.counts(ids).catch(() => new Map<string, { downloads: number; calls: number }>())
      : new Map<string, { downloads: number; calls: number }>();
    const daily = this.ctx.ports.access ? await this.ctx.ports.access.daily(days).catch(() => null) : null;
    const count = (value: (d: (typeof published)[number]) => string[]) => {
      const m = new Map<string, number>();
      for (const d of published) for (const v of value(d)) m.set(v, (m.get(v) ?? 0) + 1);
      return m;
    };
    const deptNames = new Map(published.map((d) => [d.departmentId, [d.departmentName, d.departmentNameEn || d.departmentName] as const]));
    const list = (m: Map<string, number>, label: (v: string) => readonly [string, string]) =>
      [...m].map(([value, n]) => ({ value, label: label(value)[0], labelEn: label(value)[1], count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    const top = published
      .map((d) => {
        const a = access.get(d.id);
        return { name: d.name, title: d.title, titleEn: d.titleEn, departmentName: d.departmentName, views: views.get(d.id) ?? 0, downloads: a?.downloads ?? 0, calls: a?.calls ?? 0 };
      })
      .sort((a, b) => b.downloads + b.calls - (a.downloads + a.calls) || b.views - a.views || a.name.localeCompare(b.name))
      .slice(0, 10);
    const sum = (f: (x: { downloads: number; calls: number }) => number) => [...access.values()].reduce((n, x) => n + f(x), 0);
    // Days without a figure from the access area are shown as zero (so a chart's axis is complete).
    const today = this.ctx.k.clock.now();
    const series = Array.from({ length: days }, (_, i) => cstDay(new Date(today.getTime() - (days - 1 - i) * 86_400_000))).map((day) => {
      const d = daily?.find((x) => x.day === day);
      return { day, downloads: d?.downloads ?? 0, calls: d?.calls ?? 0 };
    });
    return {
      regionCode,
      datasets: published.length,
      byTheme: list(
        count((d) => [d.theme]),
        (v) => themeLabel.get(v) ?? [v, v],
      ),
      byDepartment: list(
        count((d) => [d.departmentId]),
        (v) => deptNames.get(v) ?? [v, v],
      ),
      byFormat: list(
        count((d) => d.formats),
        (v) => [v, v],
      ),
      byOpenType: list(
        count((d) => [d.openType]),
        (v) => openLabel[v] ?? [v, v],
      ),
      downloads: sum((x) => x.downloads),
      calls: sum((x) => x.calls),
      views: [...views.values()].reduce((n, v) => n + v, 0),
      top,
      daily: series,
      accessAvailable: !!this.ctx.ports.access,
    };
  }
}
