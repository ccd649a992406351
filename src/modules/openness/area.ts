import { DomainError } from '../../kernel/http/errors.ts';
import type { EventCatalogue } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { OrgService } from '../org/index.ts';
import type { OpennessPorts } from './ports.ts';

/**
 * What every openness area (政策文件库, 发布审核, 依申请公开, 年度报告, 政民互动, 政策找人) is given. Areas
 * share the module's table prefix (`openness_`) but each owns its own tables and reaches another area
 * (or another module, through a flow) only through `ports`, or through events.
 */
export interface OpennessContext {
  k: Kernel;
  policy: Policy;
  org: OrgService;
  identity: IdentityModule;
  ports: OpennessPorts;
}

/** What an area hands the module: its events and its HTTP routes (its tables come from its migrations.ts). */
export interface OpennessArea {
  events: EventCatalogue;
  routes(app: App): Promise<void>;
}

/** The port an area needs, or a clear 503 when the module was made without it (e.g. in a test). */
export function need<K extends keyof OpennessPorts>(ctx: OpennessContext, port: K): NonNullable<OpennessPorts[K]> {
  const p = ctx.ports[port];
  if (!p) throw new DomainError('OPENNESS_PORT_UNAVAILABLE', 503, `政务公开所需的服务（${String(port)}）暂不可用`, `A service the openness module needs (${String(port)}) is not available`);
  return p as NonNullable<OpennessPorts[K]>;
}
