import type { EventCatalogue } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { OrgService } from '../org/index.ts';
import type { DocumentSealer, SupervisionPort } from './ports.ts';
import type { Todos } from './todos.ts';

/**
 * What every office area (发文, 收文, 督办, 会议, 值班, 档案) is given. Areas share the module's
 * tables' prefix (`office_`) but each owns its own tables and talks to another area only through
 * the ports here or through events, so each stays small enough to read on its own.
 */
export interface OfficeContext {
  k: Kernel;
  policy: Policy;
  org: OrgService;
  identity: IdentityModule;
  todos: Todos;
  ports: {
    /** Set by a flow when the licences module is present; null means documents cannot be sealed. */
    sealer: DocumentSealer | null;
    /** Set by the supervision area when the module is made. */
    supervision: SupervisionPort | null;
  };
}

/**
 * What an area hands the module: its events and its HTTP routes. (Its tables are created by the
 * migrations it exports from its own `migrations.ts`, listed statically in migrations/index.ts.)
 */
export interface OfficeArea {
  events: EventCatalogue;
  routes(app: App): Promise<void>;
}
