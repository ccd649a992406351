import { type Selectable } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import { actorOf, type Principal } from '../../../kernel/policy/index.ts';
import type { RegulationContext } from '../area.ts';
import type { InspectorsPort } from '../ports.ts';
import { DirectoryErrors } from './errors.ts';
import { REGULATION_RELATION_DECLARED, REGULATION_RELATION_WITHDRAWN } from './events.ts';
import type { DirectoryInspectors } from './inspectors.ts';
import { checkCreditCode, likeText } from './objects.ts';
import { directoryDb, type RegulationRelationTable } from './tables.ts';

/** 利害关系: 亲属 (kin), 曾任职 (former employment), 持股 (shareholding), 其他 (other). */
export const RELATION_KINDS = ['kin', 'former_employment', 'shareholding', 'other'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export interface RelationView {
  id: string;
  inspectorId: string;
  inspectorName: string;
  certificateNo: string;
  creditCode: string;
  objectName: string | null;
  kind: RelationKind;
  note: string | null;
  declaredBy: string;
  declaredAt: string;
  withdrawnAt: string | null;
}

type Row = Selectable<RegulationRelationTable>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * Declared 利害关系 between an inspector and a market entity: an open one puts the inspector out
 * of every draw for that entity (回避). An inspector declares and withdraws their own; a regulator
 * any inspector's of their jurisdiction. Withdrawn, never deleted, so a past 回避 stays explained.
 */
export class DirectoryRelations {
  readonly relations: InspectorsPort['relations'];

  constructor(
    private readonly ctx: RegulationContext,
    private readonly inspectors: DirectoryInspectors,
  ) {
    this.relations = (ex, creditCodes) => this.open(ex, creditCodes);
  }

  /** Open relations of the entities: credit code → inspector ids. */
  async open(ex: Executor, creditCodes: string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    const codes = [...new Set(creditCodes.map((c) => c.toUpperCase()))];
    for (let i = 0; i < codes.length; i += 5000) {
      const rows = await directoryDb(ex)
        .selectFrom('regulation_relation')
        .select(['credit_code', 'inspector_id'])
        .where('withdrawn_at', 'is', null)
        .where('credit_code', 'in', codes.slice(i, i + 5000))
        .execute();
      for (const r of rows) out.set(r.credit_code, (out.get(r.credit_code) ?? new Set()).add(r.inspector_id));
    }
    return out;
  }

  /** A regulator sees every relation of their jurisdiction; an inspector only their own. */
  async list(who: Principal, f: { inspectorId?: string; creditCode?: string; includeWithdrawn?: boolean }): Promise<RelationView[]> {
    const manager = this.ctx.policy.can(who, 'regulation.manage', { regionCode: who.regionCode });
    let q = directoryDb(this.ctx.k.db)
      .selectFrom('regulation_relation as r')
      .innerJoin('regulation_inspector as i', 'i.id', 'r.inspector_id')
      .leftJoin('regulation_object as o', 'o.credit_code', 'r.credit_code')
      .selectAll('r')
      .select(['i.name as inspector_name', 'i.certificate_no', 'o.name as object_name'])
      .where('i.region_code', 'like', `${likeText(who.regionCode)}%`);
    if (!manager) q = q.where('i.account_id', '=', UUID.test(who.accountId) ? who.accountId : null);
    if (f.inspectorId) q = q.where('r.inspector_id', '=', f.inspectorId);
    if (f.creditCode) q = q.where('r.credit_code', '=', f.creditCode.toUpperCase());
    if (!f.includeWithdrawn) q = q.where('r.withdrawn_at', 'is', null);
    const rows = await q.orderBy('r.declared_at', 'desc').orderBy('r.id', 'desc').limit(500).execute();
    return rows.map((r) => ({
      ...view(r),
      inspectorName: r.inspector_name,
      certificateNo: r.certificate_no,
      objectName: r.object_name,
    }));
  }

  /** Declares a relation: `inspectorId` omitted means the caller's own entry. */
  async declare(who: Principal, input: { inspectorId?: string; creditCode: string; kind: RelationKind; note?: string }, requestId?: string): Promise<RelationView> {
    const code = checkCreditCode(input.creditCode);
    const inspector = await this.actingOn(who, input.inspectorId);
    const now = this.ctx.k.clock.now();
    return this.ctx.k.db.transaction().execute(async (trx) => {
      const open = await directoryDb(trx)
        .selectFrom('regulation_relation')
        .select('id')
        .where('inspector_id', '=', inspector.id)
        .where('credit_code', '=', code)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      if (open) throw DirectoryErrors.relationExists();
      const r = await directoryDb(trx)
        .insertInto('regulation_relation')
        .values({
          id: uuidv7(),
          inspector_id: inspector.id,
          credit_code: code,
          region_code: inspector.region_code,
          kind: input.kind,
          note: input.note?.trim() || null,
          declared_by: who.accountId,
          declared_by_name: who.name,
          declared_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.ctx.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'declared',
        objectType: 'regulation.relation',
        objectId: r.id,
        regionCode: r.region_code,
        change: { inspectorId: inspector.id, creditCode: code, kind: input.kind, note: r.note },
        event: { topic: REGULATION_RELATION_DECLARED, payload: { id: r.id, inspectorId: inspector.id, creditCode: code } },
        requestId,
      });
      const name = await directoryDb(trx).selectFrom('regulation_object').select('name').where('credit_code', '=', code).executeTakeFirst();
      return { ...view(r), inspectorName: inspector.name, certificateNo: inspector.certificate_no, objectName: name?.name ?? null };
    });
  }

  async withdraw(who: Principal, id: string, requestId?: string): Promise<RelationView> {
    if (!UUID.test(id)) throw DirectoryErrors.relationNotFound();
    const current = await directoryDb(this.ctx.k.db).selectFrom('regulation_relation').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw DirectoryErrors.relationNotFound();
    const inspector = await this.actingOn(who, current.inspector_id);
    return this.ctx.k.db.transaction().execute(async (trx) => {
      const r = await directoryDb(trx)
        .updateTable('regulation_relation')
        .set({ withdrawn_at: this.ctx.k.clock.now(), withdrawn_by: who.accountId })
        .where('id', '=', id)
        .where('withdrawn_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!r) throw DirectoryErrors.relationWithdrawn();
      await this.ctx.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'withdrawn',
        objectType: 'regulation.relation',
        objectId: id,
        regionCode: r.region_code,
        change: { inspectorId: r.inspector_id, creditCode: r.credit_code },
        event: { topic: REGULATION_RELATION_WITHDRAWN, payload: { id, inspectorId: r.inspector_id, creditCode: r.credit_code } },
        requestId,
      });
      const name = await directoryDb(trx).selectFrom('regulation_object').select('name').where('credit_code', '=', r.credit_code).executeTakeFirst();
      return { ...view(r), inspectorName: inspector.name, certificateNo: inspector.certificate_no, objectName: name?.name ?? null };
    });
  }

  /**
   * The inspector a caller may declare for: their own entry with regulation.inspect, any entry of
   * their jurisdiction with regulation.manage. An inspector naming someone else is refused.
   */
  private async actingOn(who: Principal, inspectorId: string | undefined) {
    const own = UUID.test(who.accountId) ? await directoryDb(this.ctx.k.db).selectFrom('regulation_inspector').selectAll().where('account_id', '=', who.accountId).executeTakeFirst() : undefined;
    if (!inspectorId || inspectorId === own?.id) {
      if (!own) throw DirectoryErrors.notAnInspector();
      if (!this.ctx.policy.can(who, 'regulation.inspect', { regionCode: own.region_code }) && !this.ctx.policy.can(who, 'regulation.manage', { regionCode: own.region_code })) {
        throw DirectoryErrors.othersRelation();
      }
      return own;
    }
    const target = await this.inspectors.row(this.ctx.k.db, inspectorId);
    if (!this.ctx.policy.can(who, 'regulation.manage', { regionCode: target.region_code })) {
      throw who.permissions.has('regulation.inspect') ? DirectoryErrors.othersRelation() : DirectoryErrors.inspectorNotFound();
    }
    return target;
  }
}

function view(r: Row): Omit<RelationView, 'inspectorName' | 'certificateNo' | 'objectName'> {
  return {
    id: r.id,
    inspectorId: r.inspector_id,
    creditCode: r.credit_code,
    kind: r.kind as RelationKind,
    note: r.note,
    declaredBy: r.declared_by_name,
    declaredAt: iso(r.declared_at)!,
    withdrawnAt: iso(r.withdrawn_at),
  };
}
