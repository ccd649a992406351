import { SYSTEM_PRINCIPAL } from '../../identity/index.ts';
import type { OpendataArea, OpendataContext } from '../area.ts';
import type { CataloguePort } from '../ports.ts';
import { OpenCatalogue } from './datasets.ts';
import { catalogueEvents } from './events.ts';
import { CataloguePortal } from './portal.ts';
import { catalogueRoutes } from './routes.ts';
import { DatasetIndex } from './search.ts';

export interface CatalogueArea extends OpendataArea {
  /** What other areas read (also set on ctx.ports). */
  port: CataloguePort | null;
  /** The datasets and the bureau's actions (seeds and tests call it). */
  catalogue: OpenCatalogue;
  /** Search, the 开放责任清单 and the figures. */
  portal: CataloguePortal;
}

/** The daily sync of the open catalogue with the data catalogue (a timer queues the long job). */
export const SYNC_TIMER = 'opendata.catalogue.daily';
export const SYNC_JOB = 'opendata.catalogue.sync';

/** 开放目录: datasets made from catalogue resources, their metadata, publication, search, the 开放责任清单 and 开放率, and the figures. */
export function createCatalogueArea(ctx: OpendataContext): CatalogueArea {
  const catalogue = new OpenCatalogue(ctx);
  const index = new DatasetIndex(ctx.k, catalogue);
  catalogue.onChange = () => index.invalidate();
  const portal = new CataloguePortal(ctx, catalogue, index);
  const published = async (regionCode?: string) => (await index.all()).filter((d) => d.state === 'published' && (!regionCode || d.regionCode.startsWith(regionCode)));
  const port: CataloguePort = {
    byName: async (name) => {
      const r = await catalogue.byName(name);
      return r ? (await catalogue.views([r]))[0] : null;
    },
    byId: async (id) => {
      const r = await catalogue.byId(id);
      return r ? (await catalogue.views([r]))[0] : null;
    },
    published,
    rank: async (q) => new Map((await index.rank(q, (d) => d.state === 'published')).map((h) => [h.dataset.id, h.score])),
    viewed: (id) => catalogue.viewed(id),
    publishers: async (regionCode) => {
      const counts = new Map<string, { id: string; name: string; nameEn: string; datasets: number }>();
      for (const d of await published(regionCode)) {
        const p = counts.get(d.departmentId) ?? { id: d.departmentId, name: d.departmentName, nameEn: d.departmentNameEn, datasets: 0 };
        p.datasets++;
        counts.set(d.departmentId, p);
      }
      return [...counts.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    },
  };
  ctx.ports.catalogue = port;

  const k = ctx.k;
  k.jobs.registerTimer(SYNC_TIMER, 86_400_000, async (_job, trx) => {
    await k.jobs.enqueue(trx, SYNC_JOB, { regionCode: k.config.regionCode }, { regionCode: k.config.regionCode, uniqueKey: SYNC_JOB });
  });
  k.jobs.registerLong(SYNC_JOB, {
    work: async (job) => (ctx.ports.source ? catalogue.readSource(String(job.payload.regionCode)) : null),
    commit: async (job, trx, read) => {
      if (!read) return;
      await catalogue.applySync(trx, SYSTEM_PRINCIPAL, String(job.payload.regionCode), read);
      index.invalidate();
    },
  });

  return { events: catalogueEvents, routes: catalogueRoutes(k, catalogue, portal), port, catalogue, portal };
}
