import type { LicensesModule } from '../modules/licenses/index.ts';
import type { ServicesModule } from '../modules/services/index.ts';

/**
 * 免证办: a material may be replaced by an e-licence the applicant holds. Services asks its
 * questions through its LicenceReferences port, which the licences module answers; and staff
 * handling an application may open the licences it cites, which services answers. Neither module
 * knows the other.
 */
export function licenceFree(services: ServicesModule, licenses: LicensesModule): void {
  services.useLicenceReferences(licenses.references);
  licenses.useCitations((who, applicationId, licenceId) => services.cites(who, applicationId, licenceId));
}
