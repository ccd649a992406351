import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import { publicBase, SYSTEM_PRINCIPAL } from '../identity/index.ts';
import { DepartmentNames, type OrgService } from '../org/index.ts';
import type { ServicesModule } from '../services/index.ts';
import { CredentialIssuer } from './credential.ts';
import { issueOnCompletion } from './issuing.ts';
import { Licences } from './licences.ts';
import { licensesMigrations } from './migrations/index.ts';
import { MaterialLicences } from './refs.ts';
import { licensesRoutes } from './routes.ts';
import { Seals } from './seals.ts';
import { LicenceTypes } from './types.ts';
import { LicenceUses } from './uses.ts';
import { Verifier } from './verify.ts';
import { Wallet } from './wallet.ts';

export { licensesMigrations } from './migrations/index.ts';
export type { LicenceTypeInput, SealInput, IssueInput } from './schema.ts';
export { checkSeal } from './document/seal-signature.ts';

/**
 * 电子证照 and 电子印章: licence types, seals, issuing (directly or when a linked application is
 * approved), public verification, the holder's wallet with grants and use records, Verifiable
 * Credentials, and 免证办 answers for the services module.
 */
export function createLicensesModule(k: Kernel, policy: Policy, org: OrgService, services: ServicesModule) {
  const base = publicBase(k);
  const names = new DepartmentNames(org);
  const types = new LicenceTypes(k, policy);
  const seals = new Seals(k, policy);
  const licences = new Licences(k, policy, types, seals, base);
  const uses = new LicenceUses(k);
  const vc = new CredentialIssuer(k, `${base}/api/licenses/issuer`);
  const wallet = new Wallet(k, policy, licences, types, uses, vc, base);
  const verifier = new Verifier(k, licences, uses);
  const refs = new MaterialLicences(k, licences, wallet, uses);
  // 免证办 and staff reading cited licences: each module answers the other's question through a port.
  services.applications.licenceRefs = refs;
  wallet.citedIn = (who, applicationId, licenceId) => services.applications.cites(who, applicationId, licenceId);
  issueOnCompletion(k, services, org, types, licences);
  k.jobs.registerTimer('licenses.expiry', 3600_000, async (_job, trx) => {
    await licences.expireDue(trx, { id: SYSTEM_PRINCIPAL.accountId, type: 'system', regionCode: k.config.regionCode });
  });
  const departmentName = async (id: string) => (await names.of([id])).get(id) ?? '';
  return { types, seals, licences, uses, wallet, verifier, vc, refs, migrations: licensesMigrations, routes: licensesRoutes({ types, seals, licences, verifier, wallet, uses, vc, departmentName, regionCode: k.config.regionCode }) };
}
export type LicensesModule = ReturnType<typeof createLicensesModule>;
