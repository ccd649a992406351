import type { Kernel } from '../../kernel/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { CitedLicence, LicenceReferences } from '../services/index.ts';
import { LicensesErrors } from './errors.ts';
import { day, statusLabel, type LicenceRow, type Licences } from './licences.ts';
import type { LicenceUses } from './uses.ts';
import type { LicenceTypes } from './types.ts';
import type { Wallet } from './wallet.ts';
import { licensesDb } from './tables.ts';

/** The licences module's answers to the services module's 免证办 questions. */
export class MaterialLicences implements LicenceReferences {
  constructor(
    private readonly k: Kernel,
    private readonly licences: Licences,
    private readonly wallet: Wallet,
    private readonly uses: LicenceUses,
    private readonly types_: LicenceTypes,
  ) {}

  private cited(r: LicenceRow): CitedLicence {
    const status = this.licences.effectiveStatus(r);
    return { id: r.id, identifier: r.identifier, licenceNo: r.licence_no, name: r.name, issuerName: r.issuer_name, validUntil: day(r.valid_until), status, statusLabel: statusLabel(status) };
  }

  async check(applicant: Principal, licenceId: string, typeKey: string): Promise<CitedLicence> {
    const r = await licensesDb(this.k.db).selectFrom('licenses_licence').selectAll().where('id', '=', licenceId).executeTakeFirst();
    const holder = await this.wallet.holderOf(applicant);
    if (!r || !holder || r.holder_index !== holder.index) throw LicensesErrors.materialLicence('not a licence you hold / 不是您持有的证照');
    if (r.type_key !== typeKey) throw LicensesErrors.materialLicence(`this material needs a licence of type "${typeKey}" / 证照类型不符`);
    const c = this.cited(r);
    if (c.status !== 'valid') throw LicensesErrors.materialLicence(`the licence is ${c.status} / 证照状态为“${c.statusLabel}”`);
    return c;
  }

  async recordUse(applicant: Principal, licenceId: string, applicationId: string, purpose: string): Promise<void> {
    const r = await this.licences.row(licenceId);
    await this.uses.record(this.k.db, r, applicant, 'attach', purpose, { applicationId });
  }

  async describe(ids: string[]): Promise<Map<string, CitedLicence>> {
    const rows = ids.length ? await licensesDb(this.k.db).selectFrom('licenses_licence').selectAll().where('id', 'in', ids).execute() : [];
    return new Map(rows.map((r) => [r.id, this.cited(r)]));
  }

  async held(applicant: Principal, typeKeys: string[]): Promise<(CitedLicence & { typeKey: string })[]> {
    if (!typeKeys.length) return [];
    const holder = await this.wallet.holderOf(applicant).catch(() => null);
    if (!holder) return [];
    const rows = await licensesDb(this.k.db)
      .selectFrom('licenses_licence')
      .selectAll()
      .where('holder_index', '=', holder.index)
      .where('type_key', 'in', typeKeys)
      .orderBy('issued_on', 'desc')
      .orderBy('version', 'desc')
      .limit(50)
      .execute();
    return rows.map((r) => ({ ...this.cited(r), typeKey: r.type_key }));
  }

  async types(): Promise<{ key: string; zh: string; en: string }[]> {
    return (await this.types_.list()).filter((t) => t.active).map((t) => ({ key: t.key, zh: t.definition.name, en: t.definition.nameEn ?? t.definition.name }));
  }
}
