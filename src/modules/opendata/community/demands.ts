import { sql, type Selectable } from 'kysely';
import { cstDate } from '../../../kernel/calendar/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { newId } from '../../../kernel/ids/index.ts';
import { actorOf, regionWithin, type Principal } from '../../../kernel/policy/index.ts';
import type { OpendataContext } from '../area.ts';
import { CommunityErrors } from './errors.ts';
import { communitySettings } from './settings.ts';
import { assertBureau, pageByCreated, datasetRefs, iso, optionalText, publicName, publishedAll, signedIn, text, UUID, type DatasetRef } from './shared.ts';
import { communityDb, type DemandState, type OpendataDemandTable } from './tables.ts';

export interface DemandInput {
  title: string;
  description: string;
  /** 所需数据: the data items or records wanted. */
  dataWanted: string;
  purpose: string;
  departmentId?: string | null;
}

export type DemandAnswer = { state: 'accepted'; plannedDate: string; note?: string } | { state: 'opened'; dataset: string; note?: string } | { state: 'declined'; reason: string; note?: string };

export interface DemandView {
  id: string;
  title: string;
  description: string;
  dataWanted: string;
  purpose: string;
  departmentId: string | null;
  departmentName: string | null;
  departmentNameEn: string | null;
  authorName: string;
  state: DemandState;
  plannedDate: string | null;
  dataset: DatasetRef | null;
  reason: string | null;
  answer: string | null;
  answeredAt: string | null;
  dueAt: string;
  /** Unanswered after its due date. */
  overdue: boolean;
  votes: number;
  votedByMe: boolean;
  mine: boolean;
  createdAt: string;
  version: number;
}

type DemandRow = Selectable<OpendataDemandTable>;

/** 数据需求: people ask for data that is not open yet; the bureau answers within working days; others +1. */
export class Demands {
  constructor(private readonly ctx: OpendataContext) {}

  private get k() {
    return this.ctx.k;
  }

  async list(
    who: Principal | null,
    q: { state?: DemandState; overdue?: boolean; mine?: boolean; after?: string; limit?: number; region?: string },
  ): Promise<{ items: DemandView[]; next: string | null; total: number }> {
    const region = q.region ?? this.k.config.regionCode;
    const now = this.k.clock.now();
    if (q.mine) signedIn(who);
    const base = communityDb(this.k.db)
      .selectFrom('opendata_demand')
      .where('region_code', 'like', `${region}%`)
      .$if(!!q.state, (qb) => qb.where('state', '=', q.state!))
      .$if(q.overdue === true, (qb) => qb.where('state', '=', 'submitted').where('due_at', '<', now))
      .$if(!!q.mine, (qb) => qb.where('author_id', '=', who!.accountId));
    const pg = await pageByCreated(base, q, 'newest');
    return { items: await this.views(pg.rows, who), next: pg.next, total: pg.total };
  }

  async get(who: Principal | null, id: string): Promise<DemandView> {
    return (await this.views([await this.row(id)], who))[0];
  }

  async submit(who: Principal | null, input: DemandInput, requestId?: string): Promise<DemandView> {
    signedIn(who);
    const region = this.k.config.regionCode;
    const clean = {
      title: text(input.title, '/title', 100),
      description: text(input.description, '/description', 2000),
      data_wanted: text(input.dataWanted, '/dataWanted', 1000),
      purpose: text(input.purpose, '/purpose', 500),
      department_id: input.departmentId ?? null,
    };
    if (clean.department_id) {
      const d = (await this.ctx.org.departmentNames([clean.department_id])).get(clean.department_id);
      if (!d || !d.active || !(regionWithin(d.regionCode, region) || regionWithin(region, d.regionCode))) throw CommunityErrors.unknownDepartment();
    }
    const now = this.k.clock.now();
    const { demandAnswerWorkingDays } = await communitySettings(this.k.settings, region);
    const due = await this.k.calendar.addWorkingDays(now, demandAnswerWorkingDays);
    const id = newId();
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await communityDb(trx)
        .insertInto('opendata_demand')
        .values({
          id,
          region_code: region,
          ...clean,
          author_id: who.accountId,
          author_name: publicName(who),
          state: 'submitted',
          planned_date: null,
          dataset_id: null,
          reason: null,
          answer: null,
          answered_by: null,
          answered_at: null,
          due_at: due,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'submitted',
        objectType: 'opendata.demand',
        objectId: id,
        regionCode: region,
        change: { ...clean, dueAt: due.toISOString() },
        summary: { title: clean.title },
        requestId,
      });
      return r;
    });
    return (await this.views([row], who))[0];
  }

  /**
   * The bureau's answer: 已受理 with a planned date, 已开放 naming a published dataset, or 不予开放 with a
   * reason. An accepted demand may later be opened or declined (or re-planned); opened and declined are final.
   */
  async answer(who: Principal, id: string, a: DemandAnswer & { expectedVersion?: number }, requestId?: string): Promise<DemandView> {
    const before = await this.row(id);
    assertBureau(this.ctx, who, before.region_code);
    if (before.state === 'opened' || before.state === 'declined') throw CommunityErrors.demandFinal();
    const note = optionalText(a.note, '/note', 2000);
    const set: { state: DemandState; planned_date: string | null; dataset_id: string | null; reason: string | null } = { state: a.state, planned_date: null, dataset_id: null, reason: null };
    if (a.state === 'accepted') {
      const today = cstDate(this.k.clock.now());
      if (!a.plannedDate || a.plannedDate < today) throw CommunityErrors.plannedDateRequired();
      set.planned_date = a.plannedDate;
    } else if (a.state === 'opened') {
      if (typeof a.dataset !== 'string' || !a.dataset.trim()) throw CommunityErrors.datasetNotOpen('/dataset');
      set.dataset_id = (await publishedAll(this.ctx, [a.dataset], '/dataset'))[0].id;
      set.planned_date = before.planned_date;
    } else {
      if (typeof a.reason !== 'string' || !a.reason.trim()) throw CommunityErrors.reasonRequired();
      set.reason = text(a.reason, '/reason', 2000);
    }
    const now = this.k.clock.now();
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await communityDb(trx)
        .updateTable('opendata_demand')
        .set({ ...set, answer: note, answered_by: who.accountId, answered_at: now, version: sql`version + 1`, updated_at: now })
        .where('id', '=', id)
        .where('state', 'in', ['submitted', 'accepted'])
        .where('version', '=', a.expectedVersion ?? before.version)
        .returningAll()
        .executeTakeFirst();
      if (!r) throw CommunityErrors.stale();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'answered',
        objectType: 'opendata.demand',
        objectId: id,
        regionCode: before.region_code,
        change: { state: { from: before.state, to: set.state }, plannedDate: set.planned_date, datasetId: set.dataset_id, reason: set.reason, answer: note },
        summary: { state: set.state },
        requestId,
      });
      return r;
    });
    return (await this.views([row], who))[0];
  }

  /** +1: once per account (a second is refused, even when two arrive together). */
  async vote(who: Principal | null, id: string, requestId?: string): Promise<DemandView> {
    signedIn(who);
    const before = await this.row(id);
    const row = await this.k.db.transaction().execute(async (trx) => {
      const added = await communityDb(trx)
        .insertInto('opendata_demand_vote')
        .values({ demand_id: id, account_id: who.accountId, created_at: this.k.clock.now() })
        .onConflict((oc) => oc.columns(['demand_id', 'account_id']).doNothing())
        .returning('demand_id')
        .executeTakeFirst();
      if (!added) throw CommunityErrors.alreadyVoted();
      const r = await communityDb(trx)
        .updateTable('opendata_demand')
        .set({ votes: sql`votes + 1` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'voted',
        objectType: 'opendata.demand',
        objectId: id,
        regionCode: before.region_code,
        change: { votes: { from: r.votes - 1, to: r.votes } },
        summary: { votes: r.votes },
        requestId,
      });
      return r;
    });
    return (await this.views([row], who))[0];
  }

  private async row(id: string): Promise<DemandRow> {
    if (!UUID.test(id)) throw Errors.notFound('demand');
    const r = await communityDb(this.k.db).selectFrom('opendata_demand').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw Errors.notFound('demand');
    return r;
  }

  private async views(rows: DemandRow[], who: Principal | null): Promise<DemandView[]> {
    const now = this.k.clock.now();
    const depts = await this.ctx.org.departmentNames(rows.map((r) => r.department_id).filter((d): d is string => !!d));
    const refs = await datasetRefs(
      this.ctx,
      rows.map((r) => r.dataset_id).filter((d): d is string => !!d),
    );
    const voted = new Set<string>();
    if (who && rows.length) {
      const mine = await communityDb(this.k.db)
        .selectFrom('opendata_demand_vote')
        .select('demand_id')
        .where('account_id', '=', who.accountId)
        .where(
          'demand_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      for (const v of mine) voted.add(v.demand_id);
    }
    return rows.map((r) => {
      const dept = r.department_id ? depts.get(r.department_id) : undefined;
      return {
        id: r.id,
        title: r.title,
        description: r.description,
        dataWanted: r.data_wanted,
        purpose: r.purpose,
        departmentId: r.department_id,
        departmentName: dept?.name ?? null,
        departmentNameEn: dept?.nameEn ?? null,
        authorName: r.author_name,
        state: r.state,
        plannedDate: r.planned_date,
        dataset: r.dataset_id ? (refs.get(r.dataset_id) ?? { id: r.dataset_id, name: '', title: '', titleEn: '' }) : null,
        reason: r.reason,
        answer: r.answer,
        answeredAt: iso(r.answered_at),
        dueAt: r.due_at.toISOString(),
        overdue: r.state === 'submitted' && r.due_at < now,
        votes: r.votes,
        votedByMe: voted.has(r.id),
        mine: !!who && who.accountId === r.author_id,
        createdAt: r.created_at.toISOString(),
        version: r.version,
      };
    });
  }
}
