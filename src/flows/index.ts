import type { Kernel } from '../kernel/index.ts';
import type { CasesModule } from '../modules/cases/index.ts';
import type { DataModule } from '../modules/data/index.ts';
import type { IdentityModule } from '../modules/identity/index.ts';
import type { LicensesModule } from '../modules/licenses/index.ts';
import type { OfficeModule } from '../modules/office/index.ts';
import type { RegulationModule } from '../modules/regulation/index.ts';
import type { OpendataModule } from '../modules/opendata/index.ts';
import type { OpennessModule } from '../modules/openness/index.ts';
import type { ProactiveModule } from '../modules/proactive/index.ts';
import type { ServicesModule } from '../modules/services/index.ts';
import { archiveSources } from './archive-sources.ts';
import { sealedDecisions } from './decisions.ts';
import { instantFacts } from './instant-facts.ts';
import { issueOnApproval } from './issue-on-approval.ts';
import { fillOnce } from './fill-once.ts';
import { licenceFree } from './licence-free.ts';
import { licenceIndex } from './licence-index.ts';
import { benefitsOnDataChange } from './benefits-on-data-change.ts';
import { matchesOnApplications } from './matches-on-applications.ts';
import { officeSeals } from './office-seals.ts';
import { regulationCatalogue } from './regulation-catalogue.ts';
import { regulationEntities } from './regulation-entities.ts';
import { regulationLicences } from './regulation-licences.ts';
import { regulationLinkage } from './regulation-linkage.ts';
import { opendataData } from './opendata-data.ts';
import { opennessSeals } from './openness-seals.ts';
import { opennessOffice } from './openness-office.ts';
import { opennessProactive } from './openness-proactive.ts';
import { opennessKnowledge } from './openness-knowledge.ts';
import { population } from './population.ts';
import { sensorCases } from './sensor-cases.ts';
import { dutyCases } from './duty-cases.ts';

/**
 * Flows join two modules through their declared interfaces, so no module assigns to another's
 * objects or subscribes to another's events. Each flow is one small file; this wires them all.
 */
export function wireFlows(
  k: Kernel,
  m: {
    identity: IdentityModule;
    services: ServicesModule;
    cases: CasesModule;
    licenses: LicensesModule;
    data: DataModule;
    proactive: ProactiveModule;
    office: OfficeModule;
    regulation: RegulationModule;
    opendata: OpendataModule;
    openness: OpennessModule;
  },
): void {
  population(m.identity, m.data);
  instantFacts(m.services, m.data);
  issueOnApproval(k, m.services, m.licenses);
  licenceFree(m.services, m.licenses);
  fillOnce(k, m.services);
  sealedDecisions(m.services, m.licenses);
  sensorCases(k, m.cases);
  dutyCases(k, m.cases, m.office);
  licenceIndex(k, m.data);
  benefitsOnDataChange(k, m.proactive);
  matchesOnApplications(k, m.services, m.proactive);
  officeSeals(m.office, m.licenses);
  archiveSources(k, m.services, m.cases, m.licenses, m.office);
  regulationCatalogue(m.services, m.regulation);
  regulationEntities(m.data, m.regulation);
  regulationLicences(m.licenses, m.regulation);
  regulationLinkage(k, m.identity, m.services, m.cases, m.regulation);
  opendataData(m.data, m.opendata);
  opennessSeals(m.openness, m.licenses);
  opennessOffice(m.openness, m.office);
  opennessProactive(m.openness, m.proactive);
  opennessKnowledge(m.openness, m.cases);
}
