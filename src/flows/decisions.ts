import type { LicensesModule } from '../modules/licenses/index.ts';
import type { ServicesModule } from '../modules/services/index.ts';

/**
 * 决定书: services decides, the licences module draws the document and seals it with the deciding
 * department's e-seal, so a decision verifies on /verify like a licence. Neither module knows the other.
 */
export function sealedDecisions(services: ServicesModule, licenses: LicensesModule): void {
  services.useDecisionSealer(licenses.decisions);
}
