import { Value } from '@sinclair/typebox/value';
import type { DomainError } from '../../../kernel/http/errors.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import type { OfficeArea, OfficeContext } from '../area.ts';
import type { ArchiveSource } from '../ports.ts';
import { DOCUMENT_DISTRIBUTED, DocumentDistributed, incomingEvents } from './events.ts';
import { incomingRoutes } from './routes.ts';
import { IncomingService } from './service.ts';
import { IncomingViews } from './views.ts';

export { DOCUMENT_DISTRIBUTED, DocumentDistributed } from './events.ts';

export interface IncomingArea extends OfficeArea {
  service: IncomingService;
  views: IncomingViews;
  /** 电子档案: a completed 收文 as an archivable record (null otherwise). */
  archivable: ArchiveSource;
  /**
   * Subscribes to 发文's distribution, once its topic is declared (the module declares every
   * area's events after making the areas, so this runs right after). Returns false while no area
   * declares the topic: then nothing arrives by itself and the platform logs why.
   */
  listen(): boolean;
  /** The overdue sweep the timer runs (exposed for tests and the CLI). */
  remindOverdue(trx: Tx): Promise<number>;
}

export function createIncomingArea(ctx: OfficeContext): IncomingArea {
  const service = new IncomingService(ctx);
  const views = new IncomingViews(ctx, service);
  ctx.todos.register('incoming', (who, ex) => views.todos(who, ex));
  ctx.k.jobs.registerTimer('office.incoming.overdue', 3_600_000, async (_job, trx) => void (await service.remindOverdue(trx)));
  let listening = false;
  const listen = () => {
    if (listening) return true;
    try {
      ctx.k.events.subscribe(DOCUMENT_DISTRIBUTED, async (event, trx) => {
        // The publisher's schema was checked on publish; this is the shape 收文 relies on.
        if (!Value.Check(DocumentDistributed, event.payload)) {
          ctx.k.log.warn({ eventId: event.id }, '收文: a distributed document does not have the expected shape; ignored');
          return;
        }
        await service.arrive(trx, event.payload);
      });
      listening = true;
    } catch (err) {
      if ((err as DomainError).code !== 'EVENT_TOPIC_UNDECLARED') throw err;
      ctx.k.log.warn({ topic: DOCUMENT_DISTRIBUTED }, '收文: 发文 does not declare its distribution yet; documents will not arrive by themselves');
    }
    return listening;
  };
  return {
    events: incomingEvents,
    routes: incomingRoutes(service, views),
    service,
    views,
    archivable: (id) => views.archivable(id),
    listen,
    remindOverdue: (trx) => service.remindOverdue(trx),
  };
}
