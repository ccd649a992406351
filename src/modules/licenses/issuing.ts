import { createHash } from 'node:crypto';
import { DomainError } from '../../kernel/http/errors.ts';
import { makeCreditCode } from '../../kernel/ids/index.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { applicantFacts, SYSTEM_PRINCIPAL } from '../identity/index.ts';
import type { OrgService } from '../org/index.ts';
import type { Licences } from './licences.ts';
import type { LicenceTypes } from './types.ts';
import { licensesDb } from './tables.ts';

/** A form value as the licence field takes it: numbers become text where the field is text (注册资本 10 → "10"). */
const formValue = (schema: unknown, v: unknown) => ((schema as { type?: string } | undefined)?.type === 'string' && typeof v === 'number' ? String(v) : v);

/** 机构类别 of the credit code (GB 32100): 1 企业, 2 个体工商户, 3 农民专业合作社; 登记管理部门 9 is 市场监管. */
const ENTITY_TYPE_DIGIT = { enterprise: '1', individual: '2', cooperative: '3' } as const;
const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The new entity an establishment item registers: its name from the form, a credit code derived from the application. */
function newEntity(app: ApprovedApplication, e: { nameField: string; kind: keyof typeof ENTITY_TYPE_DIGIT }): { name: string; code: string } | null {
  const name = app.form[e.nameField];
  if (typeof name !== 'string' || !name.trim()) return null;
  // The 主体标识码 is derived from the application, so a retried event registers the same code.
  const h = createHash('sha256').update(app.id).digest();
  const base8 = Array.from(h.subarray(0, 8), (b) => ORG_ALPHABET[b % ORG_ALPHABET.length]).join('');
  return { name: name.trim(), code: makeCreditCode(app.regionCode.slice(0, 6), base8, '9', ENTITY_TYPE_DIGIT[e.kind]) };
}

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
      // 设立登记: the new business holds its licence under a new credit code; the applicant operates it.
      const born = link.newEntity ? newEntity(app, link.newEntity) : null;
      const holder =
        born ?? (entity ? { name: facts.values['enterprise.name'], code: facts.values['enterprise.creditCode'] } : { name: facts.values['person.name'], code: facts.values['person.idNumber'] });
      if (!holder.name || !holder.code) {
        k.log.warn({ application: app.number, type: t.key }, 'approved application has no holder of the licence type; no licence issued');
        continue;
      }
      // Fields the form does not give take the type's defaults (e.g. the issuing bank of a card).
      const props = (t.definition.fields as { properties?: Record<string, { default?: unknown }> }).properties ?? {};
      const defaults = Object.entries(props).flatMap(([f, s]) => (s && s.default !== undefined ? [[f, s.default]] : []));
      const data = {
        ...Object.fromEntries(defaults),
        ...(link.fixed ?? {}),
        ...Object.fromEntries(Object.entries(link.fromApplicant ?? {}).flatMap(([field, fact]) => (facts.values[fact] ? [[field, facts.values[fact]]] : []))),
        ...Object.fromEntries(Object.entries(link.fieldMap).flatMap(([field, formField]) => (app.form[formField] === undefined ? [] : [[field, formValue(props[field], app.form[formField])]]))),
      };
      const operator = born && facts.values['person.idNumber'] ? licences.holderIndex(facts.values['person.idNumber']) : null;
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
          operatorIndex: operator,
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
