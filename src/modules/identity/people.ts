import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { citizenIdProblem, maskCitizenId } from '../../kernel/ids/index.ts';
import { maskAddress } from '../../kernel/notify/index.ts';
import { actorOf, assertAllowed, regionWithin, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { IdentityErrors } from './errors.ts';
import { phoneIndex, type SmsCodes } from './otp.ts';
import { hashPassword, passwordAcceptable } from './password.ts';
import type { PopulationRegister } from './population.ts';
import type { AccountRow } from './service.ts';
import type { TotpFactor } from './totp.ts';
import { identityDb } from './tables.ts';

export interface Profile {
  accountId: string;
  username: string;
  kind: string;
  name: string;
  phoneMasked: string | null;
  idNumberMasked: string | null;
  assuranceLevel: number;
  totpEnabled: boolean;
  recoveryCodesLeft: number;
}

/**
 * Natural persons as account holders: registration with a verified mobile number (L1), real-name
 * verification against the population base data (L2), and verification in person at a window (L3).
 * Phone and ID number are SM4-encrypted, found by blind index, shown masked.
 */
export class PeopleService {
  /** Where population facts come from (the data backbone's 人口基础库, plugged in by the platform). */
  population: PopulationRegister | null = null;

  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly sms: SmsCodes,
    private readonly totp: TotpFactor,
  ) {}

  async register(input: { phone: string; code: string; password: string; username?: string }, requestId?: string): Promise<AccountRow> {
    const username = input.username ?? `u${uuidv7().replace(/-/g, '').slice(-12)}`;
    if (!passwordAcceptable(input.password, username) || input.password.includes(input.phone)) throw IdentityErrors.weakPassword();
    const idx = phoneIndex(this.k, input.phone);
    const taken = await identityDb(this.k.db)
      .selectFrom('identity_account')
      .select('id')
      .where((eb) => eb.or([eb('phone_idx', '=', idx), eb('username', '=', username)]))
      .executeTakeFirst();
    if (taken)
      throw (await identityDb(this.k.db).selectFrom('identity_account').select('id').where('phone_idx', '=', idx).executeTakeFirst()) ? IdentityErrors.phoneTaken() : IdentityErrors.usernameTaken();
    await this.sms.consume('register', input.phone, input.code);
    const passwordHash = await hashPassword(input.password);
    const id = uuidv7();
    const row = {
      id,
      kind: 'person' as const,
      username,
      password_hash: passwordHash,
      display_name: maskAddress(input.phone),
      region_code: this.k.config.regionCode,
      phone_enc: this.k.crypto.encryptField(input.phone),
      phone_idx: idx,
      phone_masked: maskAddress(input.phone),
      assurance_level: 1,
      created_at: this.k.clock.now(),
    };
    return this.k.db.transaction().execute(async (trx) => {
      const res = await identityDb(trx)
        .insertInto('identity_account')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1) throw IdentityErrors.phoneTaken();
      await this.k.recordChange(trx, {
        actor: { id, type: 'person' },
        action: 'registered',
        objectType: 'identity.account',
        objectId: id,
        regionCode: row.region_code,
        change: { username, phone: row.phone_masked, assuranceLevel: 1 },
        summary: { kind: 'person' },
        requestId,
      });
      return { id, kind: 'person', display_name: row.display_name, staff_id: null, region_code: row.region_code, assurance_level: 1 };
    });
  }

  /**
   * An account for a person already in the base data, made by the platform itself (seeds, bulk
   * onboarding at a window): real-name verified from the start (L2).
   */
  async createVerified(input: { username: string; password: string; phone: string; name: string; idNumber: string }, requestId?: string): Promise<AccountRow> {
    if (!passwordAcceptable(input.password, input.username)) throw IdentityErrors.weakPassword();
    const idx = this.k.crypto.blindIndex(input.idNumber);
    const person = await this.person(input.idNumber);
    if (!person || person.name !== input.name) throw IdentityErrors.realNameMismatch();
    const id = uuidv7();
    const row = {
      id,
      kind: 'person' as const,
      username: input.username,
      password_hash: await hashPassword(input.password),
      display_name: input.name,
      region_code: this.k.config.regionCode,
      phone_enc: this.k.crypto.encryptField(input.phone),
      phone_idx: phoneIndex(this.k, input.phone),
      phone_masked: maskAddress(input.phone),
      real_name: input.name,
      id_number_enc: this.k.crypto.encryptField(input.idNumber),
      id_number_idx: idx,
      id_number_masked: maskCitizenId(input.idNumber),
      person_id: person.id,
      assurance_level: 2,
      created_at: this.k.clock.now(),
    };
    await this.k.db.transaction().execute(async (trx) => {
      await identityDb(trx).insertInto('identity_account').values(row).execute();
      await this.k.recordChange(trx, {
        actor: { id: 'system', type: 'system' },
        action: 'created',
        objectType: 'identity.account',
        objectId: id,
        regionCode: row.region_code,
        change: { username: input.username, idNumber: row.id_number_masked, assuranceLevel: 2 },
        summary: { kind: 'person' },
        requestId,
      });
    });
    return { id, kind: 'person', display_name: input.name, staff_id: null, region_code: row.region_code, assurance_level: 2 };
  }

  /**
   * The person as the population base lists them, and identity's record of them (the person an
   * account or an enterprise's legal representative is), made or brought up to date from those facts.
   */
  private async person(idNumber: string): Promise<{ id: string; name: string } | null> {
    const listed = await this.population?.byIdNumber(idNumber);
    if (!listed) return null;
    const row = basePersonRow(this.k, { name: listed.name, idNumber, regionCode: listed.regionCode });
    // The record follows the base: a name corrected there is the name here from the next check on.
    const known = await this.k.db
      .insertInto('identity_person')
      .values(row)
      .onConflict((oc) => oc.column('id_number_idx').doUpdateSet({ name: listed.name }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: known.id as string, name: listed.name };
  }

  /** L2: the name and ID number must match a record of the population base data. */
  async verifyRealName(who: Principal, input: { name: string; idNumber: string }, requestId?: string): Promise<Profile> {
    if (who.type !== 'person') throw Errors.forbidden();
    const idNumber = input.idNumber.toUpperCase();
    if (citizenIdProblem(idNumber, this.k.clock.now())) throw IdentityErrors.idNumberInvalid();
    const idx = this.k.crypto.blindIndex(idNumber);
    const person = await this.person(idNumber);
    const audit = (trx: typeof this.k.db, action: string, change: Record<string, unknown>) =>
      this.k.recordChange(trx, { actor: actorOf(who), action, objectType: 'identity.account', objectId: who.accountId, regionCode: who.regionCode, change, summary: change, requestId, event: false });
    if (!person || person.name !== input.name.trim()) {
      await this.k.db.transaction().execute((trx) => audit(trx, 'real-name-refused', { idNumber: maskCitizenId(idNumber) }));
      throw IdentityErrors.realNameMismatch();
    }
    await this.k.db.transaction().execute(async (trx) => {
      const other = await identityDb(trx).selectFrom('identity_account').select('id').where('id_number_idx', '=', idx).where('id', '!=', who.accountId).executeTakeFirst();
      if (other) throw IdentityErrors.idNumberTaken();
      await identityDb(trx)
        .updateTable('identity_account')
        .set((eb) => ({
          real_name: person.name,
          display_name: person.name,
          id_number_enc: this.k.crypto.encryptField(idNumber),
          id_number_idx: idx,
          id_number_masked: maskCitizenId(idNumber),
          person_id: person.id,
          assurance_level: eb.fn('greatest', [eb.ref('assurance_level'), eb.val(2)]),
        }))
        .where('id', '=', who.accountId)
        .execute();
      await audit(trx, 'real-name-verified', { idNumber: maskCitizenId(idNumber), assuranceLevel: 2 });
    });
    return this.profile(who.accountId);
  }

  /** L3: window staff see the person and their ID card, and confirm the account is theirs. */
  async verifyInPerson(who: Principal, input: { name: string; idNumber: string }, requestId?: string): Promise<Profile> {
    assertAllowed(this.policy, who, 'identity.verify');
    const idNumber = input.idNumber.toUpperCase();
    if (citizenIdProblem(idNumber, this.k.clock.now())) throw IdentityErrors.idNumberInvalid();
    const acc = await identityDb(this.k.db)
      .selectFrom('identity_account')
      .select(['id', 'real_name', 'region_code', 'assurance_level'])
      .where('id_number_idx', '=', this.k.crypto.blindIndex(idNumber))
      .executeTakeFirst();
    if (!acc || acc.real_name !== input.name.trim()) throw IdentityErrors.realNameMismatch();
    if (!regionWithin(acc.region_code, who.regionCode)) throw Errors.forbidden();
    await this.k.db.transaction().execute(async (trx) => {
      await identityDb(trx).updateTable('identity_account').set({ assurance_level: 3 }).where('id', '=', acc.id).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'verified-in-person',
        objectType: 'identity.account',
        objectId: acc.id,
        regionCode: acc.region_code,
        change: { idNumber: maskCitizenId(idNumber), from: acc.assurance_level, assuranceLevel: 3 },
        requestId,
      });
    });
    return this.profile(acc.id);
  }

  async profile(accountId: string): Promise<Profile> {
    const a = await identityDb(this.k.db)
      .selectFrom('identity_account')
      .select(['id', 'username', 'kind', 'display_name', 'phone_masked', 'id_number_masked', 'assurance_level', 'totp_enabled_at'])
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    return {
      accountId: a.id,
      username: a.username,
      kind: a.kind,
      name: a.display_name,
      phoneMasked: a.phone_masked,
      idNumberMasked: a.id_number_masked,
      assuranceLevel: a.assurance_level,
      totpEnabled: !!a.totp_enabled_at,
      recoveryCodesLeft: a.totp_enabled_at ? await this.totp.recoveryCodesLeft(a.id) : 0,
    };
  }
}

/** Throws unless the principal's identity assurance reaches `level` (a service item's minimum). */
export function requireAssurance(who: Principal, level: number): void {
  if ((who.assuranceLevel ?? 0) < level) throw IdentityErrors.assuranceTooLow(level);
}

/**
 * A row of the population base data (人口基础库) as the platform keeps it: ID number and phone
 * encrypted, a blind index to find the number, a masked copy to show. Seeds and imports use it.
 */
export function basePersonRow(k: Kernel, p: { name: string; idNumber: string; phone?: string; regionCode: string }) {
  return {
    id: uuidv7(),
    region_code: p.regionCode,
    name: p.name,
    id_number_enc: k.crypto.encryptField(p.idNumber),
    id_number_idx: k.crypto.blindIndex(p.idNumber),
    id_number_masked: maskCitizenId(p.idNumber),
    phone_enc: p.phone ? k.crypto.encryptField(p.phone) : null,
    created_at: k.clock.now(),
  };
}
