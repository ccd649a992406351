import type { Kernel } from '../kernel/index.ts';
import type { CasesModule } from '../modules/cases/index.ts';
import type { IdentityModule } from '../modules/identity/index.ts';
import type { RegulationModule } from '../modules/regulation/index.ts';
import type { ServicesModule } from '../modules/services/index.ts';

/**
 * 审管联动: an approved 行政许可 creates or refreshes the supervision object and, under 告知承诺,
 * a verification task; a 12345 complaint about an entity reaches its profile as a 线索.
 * (Skeleton: written by the profiles work.)
 */
export function regulationLinkage(k: Kernel, identity: IdentityModule, services: ServicesModule, cases: CasesModule, regulation: RegulationModule): void {
  void k;
  void identity;
  void services;
  void cases;
  void regulation;
}
