import { DomainError } from '../../kernel/http/errors.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { applicantFacts, SYSTEM_PRINCIPAL } from '../identity/index.ts';
import type { OrgService } from '../org/index.ts';
import type { Licences } from './licences.ts';
import type { LicenceTypes } from './types.ts';
import { licensesDb } from './tables.ts';

/** What the licences module needs to know of an approved application to issue its licences. */
export interface ApprovedApplication {
  id: string;
  number: string;
  itemCode: string;
  regionCode: string;
  departmentId: string;
  applicantAccountId: string;
  enterpriseId: string | null;
  form: Record<string, unknown>;
}

/**
 * 办结即发证: when an application of a linked service item is approved, the licence types that item
 * issues are issued to its applicant (the enterprise it was made for, or the person), filled from
 * the form by each type's field map and sealed with the department's automatic seal. The flow in
 * src/flows/ calls it in the outbox transaction of the approval event, so it happens once, and a
 * failure is retried with it.
 */
export function issuerOnApproval(k: Kernel, org: OrgService, types: LicenceTypes, licences: Licences) {
  return async (trx: Tx, app: ApprovedApplication): Promise<void> => {
    const issued = await licensesDb(trx).selectFrom('licenses_licence').select('type_key').where('application_id', '=', app.id).execute();
    for (const t of await types.forItem(app.itemCode, trx)) {
      if (issued.some((i) => i.type_key === t.key)) continue;
      const link = t.definition.items.find((i) => i.itemCode === app.itemCode)!;
      const facts = await applicantFacts(
        k,
        { accountId: app.applicantAccountId, actingFor: app.enterpriseId ? { enterpriseId: app.enterpriseId, name: '', creditCode: '', role: 'legal_rep', scopes: [] } : null },
        trx,
      );
      const entity = t.definition.holderType === 'entity';
      const holder = entity ? { name: facts.values['enterprise.name'], code: facts.values['enterprise.creditCode'] } : { name: facts.values['person.name'], code: facts.values['person.idNumber'] };
      if (!holder.name || !holder.code) {
        k.log.warn({ application: app.number, type: t.key }, 'approved application has no holder of the licence type; no licence issued');
        continue;
      }
      // Fields the form does not give take the type's defaults (e.g. the issuing bank of a card).
      const props = (t.definition.fields as { properties?: Record<string, { default?: unknown }> }).properties ?? {};
      const defaults = Object.entries(props).flatMap(([f, s]) => (s && s.default !== undefined ? [[f, s.default]] : []));
      const data = {
        ...Object.fromEntries(defaults),
        ...Object.fromEntries(Object.entries(link.fieldMap).flatMap(([field, formField]) => (app.form[formField] === undefined ? [] : [[field, app.form[formField]]]))),
      };
      const dept = (await org.departmentNames([app.departmentId], trx)).get(app.departmentId);
      const actor = { id: SYSTEM_PRINCIPAL.accountId, type: 'system' as const, regionCode: app.regionCode };
      try {
        await licences.issue(trx, {
          type: t,
          holder,
          data,
          issuerDepartmentId: app.departmentId,
          issuerName: dept?.name ?? '',
          regionCode: app.regionCode,
          itemCode: app.itemCode,
          applicationId: app.id,
          user: { kind: 'automatic' },
          actor,
          signerName: `自动签章（${app.number}）`,
        });
      } catch (err) {
        // A refusal (no automatic seal, data that does not fit the type) is not retried: it is
        // audited with the event, and staff issue the licence by hand once the cause is fixed.
        if (!(err instanceof DomainError)) throw err;
        k.log.warn({ application: app.number, type: t.key, code: err.code }, 'licence not issued on completion');
        await k.recordChange(trx, {
          actor,
          action: 'issue-refused',
          objectType: 'licenses.licence',
          objectId: app.id,
          regionCode: app.regionCode,
          change: { type: t.key, application: app.number, code: err.code, errors: err.errors ?? null },
          event: false,
        });
      }
    }
  };
}
