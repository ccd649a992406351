import { DomainError } from '../../kernel/http/errors.ts';
import type { EventCatalogue } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { OrgService } from '../org/index.ts';
import type { OpendataPorts } from './ports.ts';

/**
 * What every opendata area (开放目录, 下载与接口, CKAN/DCAT, 有条件开放, 沙箱, 互动) is given. Areas
 * share the module's table prefix (`opendata_`) but each owns its own tables and reaches another
 * area only through `ports` (filled in by index.ts as the areas are made) or through events.
 */
export interface OpendataContext {
  k: Kernel;
  policy: Policy;
  org: OrgService;
  identity: IdentityModule;
  ports: OpendataPorts;
}

/** What an area hands the module: its events and its HTTP routes (its tables come from its migrations.ts). */
export interface OpendataArea {
  events: EventCatalogue;
  routes(app: App): Promise<void>;
}

/** The port an area needs, or a clear 503 when the module was made without it (e.g. in a test). */
export function need<K extends keyof OpendataPorts>(ctx: OpendataContext, port: K): NonNullable<OpendataPorts[K]> {
  const p = ctx.ports[port];
  if (!p) throw new DomainError('OPENDATA_PORT_UNAVAILABLE', 503, `数据开放所需的服务（${String(port)}）暂不可用`, `A service open data needs (${String(port)}) is not available`);
  return p as NonNullable<OpendataPorts[K]>;
}
