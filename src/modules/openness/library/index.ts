import type { OpennessArea, OpennessContext } from '../area.ts';
import type { LibraryPort } from '../ports.ts';
import { libraryEvents } from './events.ts';
import { Library } from './library.ts';
import { LibraryPortal } from './portal.ts';
import { libraryRoutes } from './routes.ts';
import { DocumentIndex } from './search.ts';
import { declareLibrarySettings } from './settings.ts';

export type { ImportItem, HistoryEntry, Theme } from './library.ts';

export interface LibraryArea extends OpennessArea {
  /** What other areas read (also set on ctx.ports.library). */
  port: LibraryPort | null;
  /** The documents, checks and writes (seeds and tests call it). */
  library: Library;
  /** Search, one document's page and the feeds. */
  portal: LibraryPortal;
}

/** 政策文件库: published documents with the 政府信息公开目录 metadata, 有效性 and what replaced them, 解读 linked both ways, search, the RSS/Atom feed and JSON API. */
export function createLibraryArea(ctx: OpennessContext): LibraryArea {
  declareLibrarySettings(ctx.k.settings);
  const library = new Library(ctx);
  const index = new DocumentIndex(ctx.k, library);
  library.onChange = () => index.invalidate();
  const portal = new LibraryPortal(ctx, library, index);
  const port: LibraryPort = {
    check: (ex, input, replacing) => library.check(ex, input, replacing),
    publish: (trx, who, input, why) => library.publish(trx, who, input, why),
    change: (trx, who, id, input, why) => library.change(trx, who, id, input, why),
    withdraw: (trx, who, id, reason) => library.withdraw(trx, who, id, reason),
    get: (ex, id) => library.get(ex, id),
    find: async (q, limit) =>
      (await index.rank(q, (d) => d.state === 'published', true))
        .slice(0, Math.max(0, Math.min(limit, 100)))
        .map((h) => ({ id: h.doc.id, title: h.doc.title, number: h.doc.number, publishedOn: h.doc.published_on })),
    yearFigures: (ex, year) => library.yearFigures(ex, year),
  };
  ctx.ports.library = port;
  return { events: libraryEvents, routes: libraryRoutes(ctx, library, portal, index), port, library, portal };
}
