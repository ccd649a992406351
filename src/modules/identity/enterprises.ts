import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import { Errors } from '../../kernel/http/errors.ts';
import { maskCitizenId } from '../../kernel/ids/index.ts';
import { actorOf, type Principal } from '../../kernel/policy/index.ts';
import { IdentityErrors } from './errors.ts';
import type { IdentityService } from './service.ts';
import { identityDb } from './tables.ts';

export interface EnterpriseLink {
  enterpriseId: string;
  name: string;
  creditCode: string;
  role: 'legal_rep' | 'agent';
  scopes: string[];
  expiresAt: string | null;
}

export interface Authorisation {
  id: string;
  agentName: string;
  agentIdNumberMasked: string;
  scopes: string[];
  expiresAt: string;
  createdAt: string;
  revokedAt: string | null;
  active: boolean;
}

const MAX_DAYS = 366;

/**
 * Legal persons: a person verified at L2 whose ID number is the legal representative's in the
 * legal-entity base data claims the enterprise, then authorises agents (经办人) — other verified
 * persons — with scopes and an end date, and can revoke them at any time.
 */
export class EnterpriseService {
  constructor(
    private readonly k: Kernel,
    private readonly identity: IdentityService,
  ) {}

  private async personOf(who: Principal) {
    if (who.type !== 'person') throw Errors.forbidden();
    const acc = await identityDb(this.k.db).selectFrom('identity_account').select(['person_id', 'assurance_level']).where('id', '=', who.accountId).executeTakeFirstOrThrow();
    if (acc.assurance_level < 2 || !acc.person_id) throw IdentityErrors.assuranceTooLow(2);
    return acc.person_id;
  }

  private async asRep(who: Principal, enterpriseId: string) {
    if (who.type !== 'person') throw Errors.forbidden();
    const rep = await identityDb(this.k.db)
      .selectFrom('identity_enterprise_rep as r')
      .innerJoin('identity_enterprise as e', 'e.id', 'r.enterprise_id')
      .select(['e.id', 'e.name', 'e.region_code'])
      .where('r.enterprise_id', '=', enterpriseId)
      .where('r.account_id', '=', who.accountId)
      .executeTakeFirst();
    if (!rep) throw IdentityErrors.notLegalRep();
    return rep;
  }

  /** Binds the enterprise to its legal representative's account. */
  async claim(who: Principal, creditCode: string, requestId?: string): Promise<EnterpriseLink> {
    const personId = await this.personOf(who);
    const ent = await identityDb(this.k.db).selectFrom('identity_enterprise').selectAll().where('credit_code', '=', creditCode.toUpperCase()).executeTakeFirst();
    if (!ent) throw IdentityErrors.enterpriseUnknown();
    if (ent.legal_person_id !== personId) {
      await this.k.db.transaction().execute((trx) =>
        this.k.recordChange(trx, {
          actor: actorOf(who),
          action: 'claim-refused',
          objectType: 'identity.enterprise',
          objectId: ent.id,
          regionCode: ent.region_code,
          change: { creditCode: ent.credit_code },
          requestId,
          event: false,
        }),
      );
      throw IdentityErrors.notLegalRep();
    }
    await this.k.db.transaction().execute(async (trx) => {
      await identityDb(trx)
        .insertInto('identity_enterprise_rep')
        .values({ enterprise_id: ent.id, account_id: who.accountId, verified_at: this.k.clock.now() })
        .onConflict((oc) => oc.column('enterprise_id').doUpdateSet({ account_id: who.accountId, verified_at: this.k.clock.now() }))
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'legal-representative-bound',
        objectType: 'identity.enterprise',
        objectId: ent.id,
        regionCode: ent.region_code,
        change: { creditCode: ent.credit_code },
        requestId,
      });
    });
    return { enterpriseId: ent.id, name: ent.name, creditCode: ent.credit_code, role: 'legal_rep', scopes: [], expiresAt: null };
  }

  /** The enterprises this person may act for, and how. */
  async mine(who: Principal): Promise<EnterpriseLink[]> {
    if (who.type !== 'person') return [];
    const reps = await identityDb(this.k.db)
      .selectFrom('identity_enterprise_rep as r')
      .innerJoin('identity_enterprise as e', 'e.id', 'r.enterprise_id')
      .select(['e.id', 'e.name', 'e.credit_code'])
      .where('r.account_id', '=', who.accountId)
      .execute();
    const agents = await identityDb(this.k.db)
      .selectFrom('identity_authorisation as a')
      .innerJoin('identity_enterprise as e', 'e.id', 'a.enterprise_id')
      .select(['e.id', 'e.name', 'e.credit_code', 'a.scopes', 'a.expires_at'])
      .where('a.agent_account_id', '=', who.accountId)
      .where('a.revoked_at', 'is', null)
      .where('a.expires_at', '>', this.k.clock.now())
      .execute();
    return [
      ...reps.map((e) => ({ enterpriseId: e.id, name: e.name, creditCode: e.credit_code, role: 'legal_rep' as const, scopes: [], expiresAt: null })),
      ...agents.map((e) => ({ enterpriseId: e.id, name: e.name, creditCode: e.credit_code, role: 'agent' as const, scopes: e.scopes, expiresAt: new Date(e.expires_at).toISOString() })),
    ];
  }

  async grant(who: Principal, enterpriseId: string, input: { agentName: string; agentIdNumber: string; scopes: string[]; expiresAt: string }, requestId?: string): Promise<Authorisation> {
    const ent = await this.asRep(who, enterpriseId);
    const now = this.k.clock.now();
    const expiresAt = new Date(input.expiresAt);
    if (!(expiresAt.getTime() > now.getTime()) || expiresAt.getTime() - now.getTime() > MAX_DAYS * 86_400_000) {
      throw Errors.validation([{ path: '/expiresAt', message: `must be in the future and within ${MAX_DAYS} days / 须晚于现在且不超过 ${MAX_DAYS} 天` }]);
    }
    const idNumber = input.agentIdNumber.toUpperCase();
    const agent = await identityDb(this.k.db)
      .selectFrom('identity_account')
      .select(['id', 'real_name', 'id_number_masked'])
      .where('id_number_idx', '=', this.k.crypto.blindIndex(idNumber))
      .where('kind', '=', 'person')
      .where('assurance_level', '>=', 2)
      .executeTakeFirst();
    if (!agent || agent.real_name !== input.agentName.trim() || agent.id === who.accountId) throw IdentityErrors.agentUnknown();
    const id = uuidv7();
    await this.k.db.transaction().execute(async (trx) => {
      await identityDb(trx)
        .insertInto('identity_authorisation')
        .values({ id, region_code: ent.region_code, enterprise_id: enterpriseId, agent_account_id: agent.id, scopes: input.scopes, expires_at: expiresAt, granted_by: who.accountId, created_at: now })
        .execute();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'agent-authorised',
        objectType: 'identity.authorisation',
        objectId: id,
        regionCode: ent.region_code,
        change: { enterpriseId, agent: maskCitizenId(idNumber), scopes: input.scopes, expiresAt: expiresAt.toISOString() },
        summary: { enterpriseId, scopes: input.scopes },
        requestId,
      });
      await this.k.notify.notify(trx, {
        regionCode: ent.region_code,
        recipientId: agent.id,
        title: '企业授权',
        body: `${ent.name} 已授权您作为经办人办理业务，有效期至 ${expiresAt.toISOString().slice(0, 10)}。`,
        link: '/account',
      });
    });
    return (await this.list(who, enterpriseId)).find((a) => a.id === id)!;
  }

  async list(who: Principal, enterpriseId: string): Promise<Authorisation[]> {
    await this.asRep(who, enterpriseId);
    const now = this.k.clock.now();
    const rows = await identityDb(this.k.db)
      .selectFrom('identity_authorisation as a')
      .innerJoin('identity_account as p', 'p.id', 'a.agent_account_id')
      .select(['a.id', 'p.real_name', 'p.id_number_masked', 'a.scopes', 'a.expires_at', 'a.created_at', 'a.revoked_at'])
      .where('a.enterprise_id', '=', enterpriseId)
      .orderBy('a.created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      agentName: r.real_name ?? '',
      agentIdNumberMasked: r.id_number_masked ?? '',
      scopes: r.scopes,
      expiresAt: new Date(r.expires_at).toISOString(),
      createdAt: new Date(r.created_at).toISOString(),
      revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
      active: !r.revoked_at && new Date(r.expires_at) > now,
    }));
  }

  async revoke(who: Principal, enterpriseId: string, authorisationId: string, requestId?: string): Promise<void> {
    const ent = await this.asRep(who, enterpriseId);
    await this.k.db.transaction().execute(async (trx) => {
      const r = await identityDb(trx)
        .updateTable('identity_authorisation')
        .set({ revoked_at: this.k.clock.now() })
        .where('id', '=', authorisationId)
        .where('enterprise_id', '=', enterpriseId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw Errors.notFound('authorisation');
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'agent-revoked',
        objectType: 'identity.authorisation',
        objectId: authorisationId,
        regionCode: ent.region_code,
        change: { enterpriseId },
        requestId,
      });
    });
    this.identity.forget();
  }
}
