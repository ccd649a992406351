import type { Kernel } from '../../kernel/index.ts';
import type { Policy } from '../../kernel/policy/index.ts';
import { publicBase, SYSTEM_PRINCIPAL } from '../identity/index.ts';
import { DepartmentNames, type OrgService } from '../org/index.ts';
import type { Executor, Migration, Tx } from '../../kernel/db/index.ts';
import { licenceArchiveFacts, type LicenceArchiveFacts } from './archive-facts.ts';
import type { App } from '../../kernel/http/app.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { DecisionSealer, LicenceReferences } from '../services/index.ts';
import type { DocumentSealer } from '../office/index.ts';
import { CredentialIssuer } from './credential.ts';
import { Decisions } from './decisions.ts';
import { licensesEvents } from './events.ts';
import { issuerOnApproval, type ApprovedApplication } from './issuing.ts';
import { Licences } from './licences.ts';
import { licensesMigrations } from './migrations/index.ts';
import { OfficeSealer } from './office-sealer.ts';
import { MaterialLicences } from './refs.ts';
import { licensesRoutes } from './routes.ts';
import { Seals } from './seals.ts';
import { LicenceTypes } from './types.ts';
import { LicenceUses } from './uses.ts';
import { Verifier } from './verify.ts';
import { Wallet } from './wallet.ts';
import { licenceScreenFigures, type LicenceScreenFigures } from './screen-figures.ts';
import { holderLicences, type HolderLicences } from './holder-licences.ts';

export { licensesMigrations } from './migrations/index.ts';
export type { SealInput, IssueInput } from './schema.ts';
// The schema itself too, so seed checks validate definitions exactly as the API does.
export { LicenceTypeInput } from './schema.ts';
export { checkSeal } from './document/seal-signature.ts';
export type { ApprovedApplication } from './issuing.ts';
export * from './events.ts';
export type { LicenceArchiveFacts } from './archive-facts.ts';
export type { LicenceScreenFigures } from './screen-figures.ts';
export type { HolderLicence, HolderLicences } from './holder-licences.ts';

/** 电子证照 and 电子印章: what the platform, flows and other modules may use of the licences module. */
export interface LicensesModule {
  types: Pick<LicenceTypes, 'save' | 'get'>;
  seals: Pick<Seals, 'create'>;
  licences: Pick<Licences, 'issue' | 'row' | 'expireDue'>;
  verifier: Pick<Verifier, 'document' | 'byIdentifier'>;
  /** 办结即发证: issues the licences an approved application's item issues, in the caller's transaction. */
  issueForApproved(trx: Tx, app: ApprovedApplication): Promise<void>;
  /** 决定书/通知书: drawn, sealed with the deciding department's seal and registered for /verify (wired to services by a flow). */
  decisions: DecisionSealer;
  /** 公文用印: sealed with the unit's 公章 (else its other seal) and registered for /verify (wired to office by a flow). */
  officeSealer: DocumentSealer;
  /** 免证办: the answers the services module asks of cited licences. */
  references: LicenceReferences;
  /** Plugs in who says whether a staff member handles an application that cites a licence (the services module, wired by a flow). */
  useCitations(citedIn: (who: Principal, applicationId: string, licenceId: string) => Promise<boolean>): void;
  /** 电子档案: an issued licence's register entry and sealed document (read-only, for the office module's archive flow). */
  archiveFacts(ex: Executor, licenceId: string): Promise<LicenceArchiveFacts | null>;
  /** The command screen's licence figures: issued today, valid and per day (read-only). */
  screenFigures(who: Principal, days: number): Promise<LicenceScreenFigures>;
  /** An entity's licences by its credit code, and valid/revoked counts for many (read-only, for supervision by a flow). */
  holders: HolderLicences;
  migrations: Migration[];
  routes: (app: App) => Promise<void>;
}

/**
 * 电子证照 and 电子印章: licence types, seals, issuing (directly or when a linked application is
 * approved, see src/flows/issue-on-approval.ts), public verification, the holder's wallet with
 * grants and use records, Verifiable Credentials, and 免证办 answers (src/flows/licence-free.ts).
 */
export function createLicensesModule(k: Kernel, policy: Policy, org: OrgService): LicensesModule {
  k.events.declareAll(licensesEvents);
  const base = publicBase(k);
  const names = new DepartmentNames(org);
  const types = new LicenceTypes(k, policy);
  const seals = new Seals(k, policy);
  const licences = new Licences(k, policy, types, seals, base);
  const uses = new LicenceUses(k);
  const vc = new CredentialIssuer(k, `${base}/api/licenses/issuer`);
  const wallet = new Wallet(k, policy, licences, types, uses, vc, base);
  const decisions = new Decisions(k, org, seals, base);
  const verifier = new Verifier(k, licences, uses, decisions);
  const refs = new MaterialLicences(k, licences, wallet, uses, types);
  k.jobs.registerTimer('licenses.expiry', 3600_000, async (_job, trx) => {
    await licences.expireDue(trx, { id: SYSTEM_PRINCIPAL.accountId, type: 'system', regionCode: k.config.regionCode });
  });
  const departmentName = async (id: string) => (await names.of([id])).get(id) ?? '';
  return {
    types,
    seals,
    licences,
    verifier,
    issueForApproved: issuerOnApproval(k, org, types, licences),
    decisions,
    officeSealer: new OfficeSealer(k, seals),
    references: refs,
    useCitations: (citedIn) => void (wallet.citedIn = citedIn),
    archiveFacts: (ex, id) => licenceArchiveFacts(ex, id),
    screenFigures: (who, days) => licenceScreenFigures(k, policy, who, days),
    holders: holderLicences(k, (code) => licences.holderIndex(code)),
    migrations: licensesMigrations,
    routes: licensesRoutes({ types, seals, licences, verifier, wallet, uses, vc, departmentName, regionCode: k.config.regionCode }),
  };
}
