import type { Kernel } from '../kernel/index.ts';
import type { DataModule } from '../modules/data/index.ts';
import { LICENCE_ENDED, LICENCE_ISSUED, type LicenceEnded, type LicenceIssued } from '../modules/licenses/index.ts';

/**
 * The e-licence catalogue index of the data backbone follows the licence register (one source):
 * the backbone never imports a pillar, so this flow carries the licences module's events to it.
 */
export function licenceIndex(k: Kernel, data: DataModule): void {
  k.events.subscribe<typeof LicenceIssued>(LICENCE_ISSUED, async (e, trx) => {
    const p = e.payload;
    await data.licenceIndex.issued(trx, { id: p.id, identifier: p.identifier, typeKey: p.typeKey, name: p.name, issuerName: p.issuerName, regionCode: e.regionCode ?? k.config.regionCode });
  });
  k.events.subscribe<typeof LicenceEnded>(LICENCE_ENDED, async (e, trx) => data.licenceIndex.ended(trx, e.payload.identifier, e.payload.status));
}
