import type { Tx } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';

/** A licence as the e-licence catalogue index lists it. */
export interface IndexedLicence {
  id: string;
  identifier: string;
  typeKey: string;
  name: string;
  issuerName: string;
  regionCode: string;
}

/**
 * The e-licence catalogue index (电子证照目录): follows the licence register (one source), fed by
 * the flow in src/flows/licence-index.ts in the outbox transaction of each licence event.
 */
export class LicenceIndex {
  constructor(private readonly k: Kernel) {}

  /** Lists a newly issued licence; an identifier already listed stays as it is (the event may come twice). */
  async issued(trx: Tx, l: IndexedLicence): Promise<void> {
    await trx
      .insertInto('data_licence_index')
      .values({ id: l.id, region_code: l.regionCode, identifier: l.identifier, licence_type: l.typeKey, licence_name: l.name, issuer_name: l.issuerName, status: 'valid', updated_at: this.k.clock.now() })
      .onConflict((oc) => oc.column('identifier').doNothing())
      .execute();
  }

  /** Marks a listed licence with the status it ended with (revoked, cancelled …). */
  async ended(trx: Tx, identifier: string, status: string): Promise<void> {
    await trx.updateTable('data_licence_index').set({ status, updated_at: this.k.clock.now() }).where('identifier', '=', identifier).execute();
  }
}
