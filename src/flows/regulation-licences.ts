import type { LicensesModule } from '../modules/licenses/index.ts';
import type { RegulationModule } from '../modules/regulation/index.ts';

/** Profiles and credit indicators read the licences an entity holds. (Skeleton: written by the credit work.) */
export function regulationLicences(licenses: LicensesModule, regulation: RegulationModule): void {
  void licenses;
  void regulation;
}
