import type { Kernel } from '../../kernel/index.ts';
import { maskCitizenId } from '../../kernel/ids/index.ts';
import { maskAddress } from '../../kernel/notify/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import { applicantFacts } from '../identity/index.ts';
import { LOCKED_KEYS, type PrefillKey } from './prefill-keys.ts';
import type { ItemVersion } from './catalogue.ts';
import type { CitedLicence, LicenceReferences } from './licence-refs.ts';
import { servicesDb } from './tables.ts';

/**
 * 只填一次 (fill once): what the platform already knows about an applicant, for one item's form
 * and materials, each fact with its source. Four sources, asked in this order:
 *  - identity: what real-name verification established (name, ID number, phone, the enterprise);
 *  - base: the base databases (人口基础库, 法人基础库), asked through the BaseData port, which a
 *    flow plugs in (services may not read the data module);
 *  - licence: e-licences the applicant holds (their numbers), through the LicenceReferences port;
 *  - application: the same field in the applicant's own most recent applications, for fields no
 *    other source fills.
 * 免提交: a material the base data or a held licence can stand for is not asked for.
 */

/** Facts shown masked to the page; the server fills the clear value on submission. */
const MASKED: Partial<Record<string, (v: string) => string>> = { 'person.idNumber': maskCitizenId, 'person.phone': maskAddress };

export type Scalar = string | number | boolean;

export interface FactSource {
  kind: 'identity' | 'base' | 'licence' | 'application';
  zh: string;
  en: string;
  /** The resource it came from: a base database code, a licence number, an application number. */
  resource?: string;
}

export interface KnownField {
  /** The clear value (server-side only when `masked`). */
  value: Scalar;
  /** What a page may see. */
  shown: Scalar;
  masked: boolean;
  /** Verified facts the applicant may not change. */
  locked: boolean;
  /** Filled by the server on submission when the form leaves it out (every source but `application`). */
  serverFilled: boolean;
  source: FactSource;
}

/** A material the platform does not ask for (免提交) and what stands in for it. */
export interface Replacement {
  kind: 'data' | 'licence';
  ref: string;
  zh: string;
  en: string;
  resource?: string;
  licenceId?: string;
}

/** One base record, as the port answers it: the fact keys it fills and the base's name. */
export interface BaseRecord {
  resource: string;
  zh: string;
  en: string;
  values: Partial<Record<PrefillKey, string>>;
}

/** The base databases, as services asks them (the data module answers, wired by src/flows/fill-once.ts). */
export interface BaseData {
  person(idNumber: string): Promise<BaseRecord | null>;
  entity(creditCode: string): Promise<BaseRecord | null>;
  /** Which base a material's `replaceableBy: {kind:'data', ref}` means (null: none this port knows). */
  baseOf(ref: string): 'person' | 'entity' | null;
}

/** Everything known for one applicant and item version. */
export interface Known {
  fields: Record<string, KnownField>;
  replaced: Record<string, Replacement>;
  /** Materials that could have been replaced but were not, with why (shown with the demand to upload). */
  notReplaced: Record<string, { zh: string; en: string }>;
}

type Prop = { type?: string | string[]; enum?: unknown[]; pattern?: string; minLength?: number; maxLength?: number; minimum?: number; maximum?: number };
const IDENTITY: FactSource = { kind: 'identity', zh: '统一身份认证', en: 'verified identity' };
const PERSONAL = [/^[0-9]{17}[0-9Xx]$/, /^1[3-9][0-9]{9}$/];

/** A fact as the form field's type wants it (base data are text; a number field gets a number), or undefined when it does not fit. */
export function fitValue(value: unknown, prop: Prop | undefined): Scalar | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const type = Array.isArray(prop?.type) ? prop!.type[0] : prop?.type;
  let v: Scalar;
  if (type === 'number' || type === 'integer') {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n))) return undefined;
    if ((prop?.minimum !== undefined && n < prop.minimum) || (prop?.maximum !== undefined && n > prop.maximum)) return undefined;
    v = n;
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') return undefined;
    v = value;
  } else {
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    v = String(value);
    if ((prop?.minLength !== undefined && v.length < prop.minLength) || (prop?.maxLength !== undefined && v.length > prop.maxLength)) return undefined;
    try {
      if (prop?.pattern && !new RegExp(prop.pattern, 'u').test(v)) return undefined;
    } catch {
      return undefined;
    }
  }
  if (prop?.enum && !prop.enum.includes(v)) return undefined;
  return v;
}

export class KnownFacts {
  constructor(
    private readonly k: Kernel,
    private readonly ports: { base(): BaseData | null; licences(): LicenceReferences | null },
  ) {}

  /**
   * What is known for this applicant and item. `earlier` also looks into the applicant's own earlier
   * applications (for the page; the server never fills a field from them by itself).
   */
  async gather(applicant: Principal, v: ItemVersion, opts: { earlier?: boolean } = {}): Promise<Known> {
    const props = ((v.content.form.schema as { properties?: Record<string, Prop> }).properties ?? {}) as Record<string, Prop>;
    const prefill = (v.content.form.prefill ?? {}) as Record<string, string>;
    const facts = await applicantFacts(this.k, applicant);
    const base = this.ports.base();
    const idNumber = facts.values['person.idNumber'];
    const creditCode = applicant.actingFor ? facts.values['enterprise.creditCode'] : undefined;
    const [person, entity] = await Promise.all([idNumber && base ? base.person(idNumber) : null, creditCode && base ? base.entity(creditCode) : null]);

    const licenceTypes = new Set<string>();
    for (const key of Object.values(prefill)) if (key.startsWith('licence.')) licenceTypes.add(key.slice('licence.'.length));
    for (const m of v.content.materials) if (m.replaceableBy?.kind === 'licence') licenceTypes.add(m.replaceableBy.ref);
    const refs = this.ports.licences();
    const held = licenceTypes.size && refs && applicant.type === 'person' ? await refs.held(applicant, [...licenceTypes]) : [];
    const heldOf = (type: string): (CitedLicence & { typeKey: string }) | undefined => held.find((l) => l.typeKey === type && l.status === 'valid');

    const fields: Record<string, KnownField> = {};
    for (const [field, key] of Object.entries(prefill)) {
      const prop = props[field];
      let raw: string | undefined;
      let source: FactSource | undefined;
      if (facts.values[key] !== undefined) [raw, source] = [facts.values[key], IDENTITY];
      else if (key.startsWith('licence.')) {
        const l = heldOf(key.slice('licence.'.length));
        if (l) [raw, source] = [l.licenceNo, { kind: 'licence', zh: `电子证照：${l.name}`, en: `e-licence: ${l.name}`, resource: l.licenceNo }];
      } else {
        const rec = key.startsWith('enterprise.') ? entity : person;
        const val = rec?.values[key as PrefillKey];
        if (rec && val) [raw, source] = [val, { kind: 'base', zh: rec.zh, en: rec.en, resource: rec.resource }];
      }
      const value = fitValue(raw, prop);
      if (value === undefined || !source) continue;
      const mask = MASKED[key];
      fields[field] = { value, shown: mask && typeof value === 'string' ? mask(value) : value, masked: !!mask, locked: LOCKED_KEYS.has(key), serverFilled: true, source };
    }

    if (opts.earlier) Object.assign(fields, await this.fromEarlier(applicant, props, prefill, fields));

    const replaced: Record<string, Replacement> = {};
    const notReplaced: Record<string, { zh: string; en: string }> = {};
    for (const m of v.content.materials) {
      const by = m.replaceableBy;
      if (!by) continue;
      if (by.kind === 'licence') {
        const l = heldOf(by.ref);
        if (l) replaced[m.code] = { kind: 'licence', ref: by.ref, zh: `电子证照：${l.name}`, en: `e-licence: ${l.name}`, resource: l.licenceNo, licenceId: l.id };
        continue;
      }
      const which = base?.baseOf(by.ref) ?? null;
      const rec = which === 'person' ? person : which === 'entity' ? entity : null;
      if (rec) replaced[m.code] = { kind: 'data', ref: by.ref, zh: rec.zh, en: rec.en, resource: rec.resource };
      else if (which === 'person')
        notReplaced[m.code] = idNumber
          ? { zh: '人口基础库中未查到您的信息，请上传', en: 'the population base has no record of you; please upload it' }
          : { zh: '完成实名认证后可由人口基础库核验，现在请上传', en: 'after real-name verification the population base can stand in for it; for now please upload it' };
      else if (which === 'entity') notReplaced[m.code] = { zh: '法人基础库中未查到该企业，请上传', en: 'the legal-entity base has no record of the enterprise; please upload it' };
    }
    return { fields, replaced, notReplaced };
  }

  /** The same field in the applicant's own recent applications (newest first), for fields nothing else filled. */
  private async fromEarlier(applicant: Principal, props: Record<string, Prop>, prefill: Record<string, string>, known: Record<string, KnownField>): Promise<Record<string, KnownField>> {
    const open = Object.keys(props).filter((f) => !known[f] && !MASKED[prefill[f] ?? ''] && !LOCKED_KEYS.has(prefill[f] ?? ''));
    if (!open.length) return {};
    let q = servicesDb(this.k.db).selectFrom('services_application').select(['number', 'form_enc']).where('applicant_account_id', '=', applicant.accountId);
    q = applicant.actingFor ? q.where('enterprise_id', '=', applicant.actingFor.enterpriseId) : q.where('enterprise_id', 'is', null);
    const rows = await q.orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(10).execute();
    const out: Record<string, KnownField> = {};
    for (const r of rows) {
      const form = JSON.parse(this.k.crypto.decryptField(r.form_enc)) as Record<string, unknown>;
      for (const f of open) {
        if (out[f] || !(f in form)) continue;
        const value = fitValue(form[f], props[f]);
        if (value === undefined || (typeof value === 'string' && PERSONAL.some((re) => re.test(value)))) continue;
        out[f] = {
          value,
          shown: value,
          masked: false,
          locked: false,
          serverFilled: false,
          source: { kind: 'application', zh: `您的办件 ${r.number}`, en: `your application ${r.number}`, resource: r.number },
        };
      }
    }
    return out;
  }
}
