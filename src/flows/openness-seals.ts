import type { LicensesModule } from '../modules/licenses/index.ts';
import type { OpennessModule } from '../modules/openness/index.ts';

/**
 * 告知书用印: a 依申请公开 answer is a sealed PDF; the licences module owns the seals and /verify, so it
 * seals and registers the notice as it does 公文 (the department's 公章, else its other seal; applied by
 * the platform when the seal allows). Neither module knows the other.
 */
export function opennessSeals(openness: OpennessModule, licenses: LicensesModule): void {
  openness.useSealer({ seal: (trx, input) => licenses.officeSealer.seal(trx, input) });
}
