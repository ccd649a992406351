import type { LicensesModule } from '../modules/licenses/index.ts';
import type { OfficeModule } from '../modules/office/index.ts';

/**
 * 公文用印: the office module signs off and numbers 公文; the licences module owns the seals and
 * /verify, so it seals them and answers for them. Neither module knows the other.
 */
export function officeSeals(office: OfficeModule, licenses: LicensesModule): void {
  office.useSealer(licenses.officeSealer);
}
