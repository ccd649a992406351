import type { LicensesModule } from '../modules/licenses/index.ts';
import type { RegulationModule } from '../modules/regulation/index.ts';

/** Profiles and credit indicators read the licences an entity holds (吊销 lowers the class). */
export function regulationLicences(licenses: LicensesModule, regulation: RegulationModule): void {
  regulation.useLicences({
    of: (creditCode) => licenses.holders.of(creditCode),
    counts: (creditCodes) => licenses.holders.counts(creditCodes),
  });
}
