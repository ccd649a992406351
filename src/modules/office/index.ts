import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import type { Migration } from '../../kernel/db/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { OrgService } from '../org/index.ts';
import type { OfficeContext } from './area.ts';
import { createArchivesArea, type ArchivesArea } from './archives/index.ts';
import { createDocumentsArea, type DocumentsArea } from './documents/index.ts';
import { createDutyArea, type DutyArea } from './duty/index.ts';
import { createIncomingArea, type IncomingArea } from './incoming/index.ts';
import { DOCUMENT_DISTRIBUTED, DocumentDistributed, INCOMING_STEPPED, IncomingStepped } from './incoming/events.ts';
import { createMeetingsArea, type MeetingsArea } from './meetings/index.ts';
import { officeMigrations } from './migrations/index.ts';
import type { DocumentSealer } from './ports.ts';
import { officeRoutes } from './routes.ts';
import { createSupervisionArea, type SupervisionArea } from './supervision/index.ts';
import { registerTelling } from './tell.ts';
import { Todos } from './todos.ts';

export { officeMigrations } from './migrations/index.ts';
export type { DocumentSealer, SealedDocument, SupervisionPort, RaiseTask, TodoItem } from './ports.ts';

/** 一网协同: what the platform, flows, seeds and tests may use of the office module. */
export interface OfficeModule {
  documents: DocumentsArea;
  incoming: IncomingArea;
  supervision: SupervisionArea;
  meetings: MeetingsArea;
  duty: DutyArea;
  archives: ArchivesArea;
  todos: Pick<Todos, 'of'>;
  /** Plugs in the licences module's seals (src/flows/office-seals.ts); null unplugs them. */
  useSealer(sealer: DocumentSealer | null): void;
  migrations: Migration[];
  routes: (app: App) => Promise<void>;
}

/**
 * 一网协同 for civil servants: 发文 and 收文 (公文 on the action engine, GB/T 9704 sealed PDFs),
 * 督查督办 with lights on working-day deadlines, 会议 whose decisions become tasks, 值班, and
 * 电子档案 packages with 四性检测. One 待办 list gathers what waits for each person.
 */
export function createOfficeModule(k: Kernel, policy: Policy, org: OrgService, identity: IdentityModule): OfficeModule {
  const todos = new Todos(k);
  const ctx: OfficeContext = { k, policy, org, identity, todos, ports: { sealer: null, supervision: null } };
  // One way for every area to tell a unit's clerks or leaders (a queued job: nothing is told for a rolled-back step).
  registerTelling(k, org);
  // Supervision first: the other areas raise tasks through its port.
  const supervision = createSupervisionArea(ctx);
  const documents = createDocumentsArea(ctx);
  const incoming = createIncomingArea(ctx);
  const meetings = createMeetingsArea(ctx);
  const duty = createDutyArea(ctx);
  const archives = createArchivesArea(ctx);
  const areas = [documents, incoming, supervision, meetings, duty, archives];
  for (const a of areas) k.events.declareAll(a.events);
  // 收文 listens to 发文's distribution, which is declared only now that every area's topics are.
  incoming.listen();
  // 电子档案: a 公文 is archived once distributed, a 收文 once completed (单套制: the package is the record).
  archives.useSource('document', (id) => documents.archivable(id));
  archives.useSource('incoming', (id) => incoming.archivable(id));
  k.events.subscribe<typeof DocumentDistributed>(DOCUMENT_DISTRIBUTED, async (e, trx) => archives.archiveLater(trx, 'document', e.payload.id, e.regionCode));
  k.events.subscribe<typeof IncomingStepped>(INCOMING_STEPPED, async (e, trx) => {
    if (e.payload.to === 'completed') await archives.archiveLater(trx, 'incoming', e.payload.id, e.regionCode);
  });
  return {
    documents,
    incoming,
    supervision,
    meetings,
    duty,
    archives,
    todos,
    useSealer: (sealer) => void (ctx.ports.sealer = sealer),
    migrations: officeMigrations,
    routes: officeRoutes(policy, todos, areas),
  };
}
