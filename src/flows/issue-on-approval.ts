import type { Kernel } from '../kernel/index.ts';
import type { LicensesModule } from '../modules/licenses/index.ts';
import { APPLICATION_STEPPED, type ApplicationStepped, type ServicesModule } from '../modules/services/index.ts';

/**
 * 办结即发证: an approved application issues the licences its service item is linked to. Runs in
 * the outbox transaction of the approval event, so it happens once, and a failure is retried with it.
 */
export function issueOnApproval(k: Kernel, services: ServicesModule, licenses: LicensesModule): void {
  k.events.subscribe<typeof ApplicationStepped>(APPLICATION_STEPPED, async (e, trx) => {
    if (e.payload.outcome !== 'approved') return;
    const app = await services.completionFacts(trx, e.payload.id);
    if (app) await licenses.issueForApproved(trx, app);
  });
}
