import { sql } from 'kysely';
import type { Tx } from '../kernel/db/index.ts';
import type { Kernel } from '../kernel/index.ts';
import { CASE_REGISTERED, type CaseRegistered, type CasesModule } from '../modules/cases/index.ts';
import { subjectKeysOf, type IdentityModule } from '../modules/identity/index.ts';
import type { RegulationModule } from '../modules/regulation/index.ts';
import { APPLICATION_STEPPED, type ApplicationStepped, type ServicesModule } from '../modules/services/index.ts';

/**
 * 审管联动: an approved 行政许可 creates or refreshes the supervision object and, under 告知承诺,
 * a verification task; a 12345 complaint about an entity reaches its profile as a 线索.
 *
 * Both run in the outbox transaction of the source event, so they happen exactly when it is
 * delivered, and inside a savepoint: other subscribers share that transaction (办结即发证 issues the
 * licence from the same approval), and a failure here must not undo — nor keep retrying — theirs.
 */
export function regulationLinkage(k: Kernel, identity: IdentityModule, services: ServicesModule, cases: CasesModule, regulation: RegulationModule): void {
  void identity;
  const { profiles } = regulation;
  profiles.useComplaints({ facts: (ex, ref) => cases.complaintFacts(ex, ref) });

  k.events.subscribe<typeof ApplicationStepped>(APPLICATION_STEPPED, async (e, trx) => {
    if (e.payload.outcome !== 'approved') return;
    const app = await services.completionFacts(trx, e.payload.id);
    // Only an enterprise is a 市场主体 with a credit code; a person's licence is not supervised here.
    if (!app?.enterpriseId) return;
    const { entity: creditCode } = await subjectKeysOf(k, app.applicantAccountId, { enterpriseId: app.enterpriseId }, trx);
    if (!creditCode) return;
    await isolated(k, trx, 'approval', app.id, () =>
      profiles.onApproved(trx, {
        applicationId: app.id,
        applicationNumber: app.number,
        serviceItemCode: app.itemCode,
        serviceItemName: app.itemName,
        regionCode: app.regionCode,
        creditCode,
        entityName: app.enterpriseName,
        commitment: app.commitment,
      }),
    );
  });

  k.events.subscribe<typeof CaseRegistered>(CASE_REGISTERED, async (e, trx) => {
    const c = await cases.complaintFacts(trx, e.payload.id);
    if (c) await isolated(k, trx, 'complaint', c.id, () => profiles.onComplaint(trx, c));
  });
}

/** Runs `fn` in a savepoint: on failure only its own writes are undone, and the failure is logged. */
async function isolated(k: Kernel, trx: Tx, what: string, ref: string, fn: () => Promise<unknown>): Promise<void> {
  await sql`SAVEPOINT regulation_linkage`.execute(trx);
  try {
    await fn();
    await sql`RELEASE SAVEPOINT regulation_linkage`.execute(trx);
  } catch (err) {
    await sql`ROLLBACK TO SAVEPOINT regulation_linkage`.execute(trx);
    k.log.error({ err, what, ref }, '审管联动 failed; the source event goes on without it');
  }
}
