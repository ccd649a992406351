import { sql, type RawBuilder, type Selectable } from 'kysely';
import { sm2 } from 'sm-crypto-v2';
import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { cstDate } from '../../kernel/calendar/index.ts';
import { creditCodeProblem } from '../../kernel/ids/index.ts';
import type { ChangeRecord, Kernel } from '../../kernel/index.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import type { SealInfo } from './document/seal-signature.ts';
import { LicensesErrors } from './errors.ts';
import type { SealInput } from './schema.ts';
import { licensesDb, type LicensesSealTable } from './tables.ts';

type SealRow = Selectable<LicensesSealTable>;

export interface SealView {
  id: string;
  code: string;
  departmentId: string;
  name: string;
  unitName: string;
  unitCode: string;
  purpose: string;
  validFrom: string;
  validTo: string;
  users: string[];
  automatic: boolean;
  active: boolean;
  uses: number;
  publicKey: string;
}

export const sealInfo = (r: SealRow): SealInfo => ({
  id: r.id,
  code: r.code,
  name: r.name,
  unitName: r.unit_name,
  unitCode: r.unit_code,
  validFrom: day(r.valid_from),
  validTo: day(r.valid_to),
  publicKey: r.public_key,
});
const day = (d: Date | string) => (d instanceof Date ? cstDate(d) : String(d).slice(0, 10));
const view = (r: SealRow): SealView => ({ ...sealInfo(r), departmentId: r.department_id, purpose: r.purpose, users: r.users, automatic: r.automatic, active: r.active, uses: r.uses });

/** One authorised use of a seal: what signing needs, and what records the use. */
export interface SealUse {
  info: SealInfo;
  privateKey: string;
  /** Counts the use on the seal. */
  count: RawBuilder<unknown>;
  /** The use's audit entry (no event). */
  record: ChangeRecord;
}

/** Who applies a seal: a staff member named on it, or the platform itself for automatic issuing. */
export type SealUser = { kind: 'staff'; who: Principal } | { kind: 'automatic' };

/**
 * Electronic seals (电子印章). The platform generates and holds each seal's SM2 key pair; the private
 * key is stored encrypted (SM4) and leaves this class only inside `applyTo`, after the use is
 * authorised. Every use counts on the seal and is audited with the licence it sealed.
 */
export class Seals {
  private readonly keys = new Map<string, string>();
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
  ) {}

  async create(who: Principal, input: SealInput): Promise<SealView> {
    assertAllowed(this.policy, who, 'licenses.seals');
    if (input.validTo <= input.validFrom) throw LicensesErrors.sealDates();
    const codeProblem = creditCodeProblem(input.unitCode);
    if (codeProblem) throw LicensesErrors.badTemplate([{ path: '/unitCode', message: `not a valid credit code (${codeProblem}) / 统一社会信用代码无效` }]);
    const pair = sm2.generateKeyPairHex();
    const now = this.k.clock.now();
    const id = uuidv7();
    return this.k.db.transaction().execute(async (trx) => {
      const n = await licensesDb(trx)
        .selectFrom('licenses_seal')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('unit_code', '=', input.unitCode)
        .executeTakeFirstOrThrow();
      // 印章编码: the unit's region code, then the unit's credit code check part, then a sequence.
      const code = `${this.k.config.regionCode}${input.unitCode.slice(8, 17)}${String(Number(n.n) + 1).padStart(2, '0')}`;
      const row = {
        id,
        code,
        region_code: who.regionCode || this.k.config.regionCode,
        department_id: input.departmentId,
        name: input.name,
        unit_name: input.unitName,
        unit_code: input.unitCode,
        purpose: input.purpose,
        public_key: pair.publicKey,
        private_key_enc: this.k.crypto.encryptField(pair.privateKey),
        valid_from: input.validFrom,
        valid_to: input.validTo,
        users: input.users,
        automatic: input.automatic,
        active: true,
        uses: 0,
        created_at: now,
        updated_at: now,
      };
      await licensesDb(trx).insertInto('licenses_seal').values(row).execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: 'licenses.seal',
        objectId: id,
        regionCode: row.region_code,
        change: { code, name: input.name, unitName: input.unitName, departmentId: input.departmentId, users: input.users.length, automatic: input.automatic },
      });
      return view(row);
    });
  }

  async list(who: Principal): Promise<SealView[]> {
    assertAllowed(this.policy, who, 'licenses.read');
    const rows = await licensesDb(this.k.db).selectFrom('licenses_seal').selectAll().orderBy('created_at').execute();
    return rows.filter((r) => this.policy.can(who, 'licenses.read', { regionCode: r.region_code, departmentId: r.department_id })).map(view);
  }

  async byId(id: string, ex: Executor = this.k.db): Promise<SealRow | undefined> {
    return licensesDb(ex).selectFrom('licenses_seal').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The department's seal for this purpose that is active and valid today, if any. */
  async forDepartment(ex: Executor, departmentId: string, purpose: string): Promise<SealRow | undefined> {
    return this.forDepartmentQuery(ex, departmentId, purpose).executeTakeFirst();
  }

  /** The query of `forDepartment`, for a caller that reads more in the same round trip (a licence's serial). */
  forDepartmentQuery(ex: Executor, departmentId: string, purpose: string) {
    const today = cstDate(this.k.clock.now());
    return licensesDb(ex)
      .selectFrom('licenses_seal')
      .selectAll()
      .where('department_id', '=', departmentId)
      .where('active', '=', true)
      .where('valid_from', '<=', today)
      .where('valid_to', '>=', today)
      .orderBy((eb) => eb.case().when('purpose', '=', purpose).then(0).else(1).end())
      .orderBy('created_at', 'desc')
      .limit(1);
  }

  /** May this user apply this seal now? Refusals are audited by the caller's transaction rollback-safe path. */
  allowed(seal: SealRow, user: SealUser): boolean {
    const today = cstDate(this.k.clock.now());
    if (!seal.active || day(seal.valid_from) > today || day(seal.valid_to) < today) return false;
    if (user.kind === 'automatic') return seal.automatic;
    return user.who.type === 'staff' && user.who.departmentId === seal.department_id && (seal.users as string[]).includes(user.who.accountId);
  }

  /**
   * Authorises one use and hands back what signing needs. Counts the use in `trx`, so a use is
   * recorded exactly when the licence it seals is.
   */
  async applyTo(trx: Executor, seal: SealRow, user: SealUser, actor: Actor, licence: { id: string; identifier: string; regionCode: string }): Promise<{ info: SealInfo; privateKey: string }> {
    const use = this.prepareUse(seal, user, actor, licence);
    await this.k.recordChanges(trx, [use.record], [use.count]);
    return use;
  }

  /**
   * `applyTo` without touching the database: authorises the use and gives back the key, the write
   * that counts the use and its audit record. The caller writes both in the transaction (and the
   * statement) that writes what the seal is applied to, so the head of the audit chain is taken
   * once, late, after the document is signed.
   */
  prepareUse(seal: SealRow, user: SealUser, actor: Actor, licence: { id: string; identifier: string; regionCode: string }): SealUse {
    if (!this.allowed(seal, user)) throw LicensesErrors.sealNotAllowed();
    let key = this.keys.get(seal.id);
    if (!key) {
      key = this.k.crypto.decryptField(seal.private_key_enc);
      this.keys.set(seal.id, key);
    }
    return {
      info: sealInfo(seal),
      privateKey: key,
      count: sql`UPDATE licenses_seal SET uses = uses + 1 WHERE id = ${seal.id}`,
      record: {
        actor,
        action: 'seal-applied',
        objectType: 'licenses.seal',
        objectId: seal.id,
        regionCode: licence.regionCode,
        change: { licence: licence.identifier, automatic: user.kind === 'automatic' },
        event: false,
      },
    };
  }

  /** Records a refused seal use in its own transaction, so the refusal stays even as the request fails. */
  async recordRefusal(seal: SealRow, actor: Actor, what: string): Promise<void> {
    await this.k.db
      .transaction()
      .execute((trx) => this.k.recordChange(trx, { actor, action: 'seal-refused', objectType: 'licenses.seal', objectId: seal.id, regionCode: seal.region_code, change: { what }, event: false }));
  }
}
