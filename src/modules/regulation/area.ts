import { DomainError } from '../../kernel/http/errors.ts';
import type { EventCatalogue } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/app.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import type { IdentityModule } from '../identity/index.ts';
import type { OrgService } from '../org/index.ts';
import type { CreditPort, EntityBase, EntityLicences, InspectorsPort, ItemsPort, LicensingCatalogue, ObjectsPort, TasksPort } from './ports.ts';

/**
 * What every regulation area (监管事项, 名录库, 信用, 抽查, 任务, 画像) is given. Areas share the
 * module's table prefix (`regulation_`) but each owns its own tables and reaches another area only
 * through `ports` (filled in by index.ts as the areas are made) or through events.
 */
export interface RegulationContext {
  k: Kernel;
  policy: Policy;
  org: OrgService;
  identity: IdentityModule;
  ports: {
    /** Other modules, plugged in by flows (src/flows/regulation-*.ts); null when absent. */
    entities: EntityBase | null;
    licences: EntityLicences | null;
    catalogue: LicensingCatalogue | null;
    /** Areas of this module, set by index.ts when the owning area is made. */
    items: ItemsPort | null;
    objects: ObjectsPort | null;
    inspectors: InspectorsPort | null;
    credit: CreditPort | null;
    tasks: TasksPort | null;
  };
}

/** What an area hands the module: its events and its HTTP routes (its tables come from its migrations.ts). */
export interface RegulationArea {
  events: EventCatalogue;
  routes(app: App): Promise<void>;
}

/** The port an area needs, or a clear 503 when the module was made without it (e.g. in a test). */
export function need<K extends keyof RegulationContext['ports']>(ctx: RegulationContext, port: K): NonNullable<RegulationContext['ports'][K]> {
  const p = ctx.ports[port];
  if (!p) throw new DomainError('REGULATION_PORT_UNAVAILABLE', 503, `监管所需的服务（${String(port)}）暂不可用`, `A service regulation needs (${String(port)}) is not available`);
  return p as NonNullable<RegulationContext['ports'][K]>;
}
