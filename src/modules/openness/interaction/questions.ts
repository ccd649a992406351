import { sql, type Selectable, type Updateable } from 'kysely';
import { cstDate } from '../../../kernel/calendar/index.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { newId } from '../../../kernel/ids/index.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, type Principal } from '../../../kernel/policy/index.ts';
import { ActionLog, stepActorOf } from '../../../kernel/workflow/action-log.ts';
import { need, type OpennessContext } from '../area.ts';
import { InteractionErrors } from './errors.ts';
import { maskPersonalNumbers } from './mask.ts';
import { interactionSettings } from './settings.ts';
import { interactionDb, type OpennessQuestionTable, type QuestionChannel, type QuestionState } from './tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOG = new ActionLog('openness_question_action', 'question_id');
/** How a published Q&A names its source in the 12345 knowledge base. */
export const REF_PREFIX = 'openness.question:';

type Row = Selectable<OpennessQuestionTable>;

export interface QuestionInput {
  /** A published policy document the question is about; absent for the 咨询 column. */
  documentId?: string | null;
  /** In the 咨询 column: the department asked (default: the 政务公开办). */
  departmentId?: string | null;
  title: string;
  body: string;
}

export type ReviewDecision = { decision: 'publish' } | { decision: 'reject'; reason: string } | { decision: 'return'; reason: string };

/** A published Q&A as anyone sees it: no word of who asked. */
export interface PublicQuestion {
  id: string;
  number: string;
  title: string;
  body: string;
  answer: string;
  departmentId: string;
  departmentName: string | null;
  departmentNameEn: string | null;
  documentId: string | null;
  documentTitle: string | null;
  publishedAt: string;
}

/** One's own question: its state, and the answer once published or the reason once rejected. */
export interface MyQuestion {
  id: string;
  number: string;
  channel: QuestionChannel;
  title: string;
  body: string;
  state: QuestionState;
  answer: string | null;
  reason: string | null;
  departmentId: string;
  departmentName: string | null;
  departmentNameEn: string | null;
  documentId: string | null;
  documentTitle: string | null;
  createdAt: string;
  publishedAt: string | null;
}

/** A question as the answering department and the reviewers see it. */
export interface StaffQuestion extends MyQuestion {
  askerLabel: string;
  answeredByName: string | null;
  answeredAt: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  dueAt: string;
  overdue: boolean;
  knowledgeId: string | null;
  version: number;
  canAnswer: boolean;
  canReview: boolean;
  history?: { action: string; from: string | null; to: string; actorName: string; opinion: string | null; at: string }[];
}

/** Text as stored: trimmed, not blank, at most `max` characters (code points). */
function text(value: string, path: string, max: number): string {
  const t = value.normalize('NFC').trim();
  if (!t) throw InteractionErrors.blankText(path);
  if ([...t].length > max) throw Errors.validation([{ path, message: `at most ${max} characters / 不超过 ${max} 字` }]);
  return t;
}

/** The asker as staff see them: family name and a mask (张*、欧阳**); an account known by its number shows none of it. */
function askerLabel(who: Principal): string {
  if (who.actingFor) return who.actingFor.name;
  const chars = [...(who.name || '').trim()];
  if (!chars.length || /\d/.test(who.name)) return '公众用户';
  if (chars.length === 1) return chars[0];
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.min(chars.length - keep, 3));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const limitOf = (n: number | undefined) => Math.min(Math.max(n ?? 20, 1), 100);

/**
 * 政民互动: a signed-in person asks on a published policy document (its issuer answers) or in the 咨询
 * column (the department picked, or the 政务公开办); the department's 政务公开专员 (openness.edit)
 * answers; a reviewer — the 政务公开管理员 (openness.manage) or a leader of that department
 * (openness.approve) — publishes it into the 12345 knowledge base (one source of answers), returns it
 * for rework, or rejects it with a reason the asker is told.
 */
export class Questions {
  constructor(private readonly ctx: OpennessContext) {}

  private get k() {
    return this.ctx.k;
  }

  // ── the public ──────────────────────────────────────────────────────────────────────────────

  /** Published Q&A, newest first: on one document, or all of them. */
  async published(q: { document?: string; after?: string; limit?: number }): Promise<{ items: PublicQuestion[]; next: string | null }> {
    const limit = limitOf(q.limit);
    const after = decodeCursor(q.after, 2);
    const rows = await interactionDb(this.k.db)
      .selectFrom('openness_question')
      .selectAll()
      .where('state', '=', 'published')
      .where('region_code', '=', this.k.config.regionCode)
      .$if(!!q.document, (qb) => qb.where('document_id', '=', q.document!))
      .$if(!!after, (qb) => qb.where(sql<boolean>`(published_at, id) < (${String(after![0])}::timestamptz, ${String(after![1])}::uuid)`))
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const pg = pageOf(rows, limit, (r) => [r.published_at!.toISOString(), r.id]);
    const depts = await this.ctx.org.departmentNames(pg.items.map((r) => r.department_id));
    return {
      items: pg.items.map((r) => ({
        id: r.id,
        number: r.number,
        title: r.public_title ?? '',
        body: r.public_body ?? '',
        answer: r.public_answer ?? '',
        departmentId: r.department_id,
        departmentName: depts.get(r.department_id)?.name ?? null,
        departmentNameEn: depts.get(r.department_id)?.nameEn ?? null,
        documentId: r.document_id,
        documentTitle: r.document_title,
        publishedAt: r.published_at!.toISOString(),
      })),
      next: pg.next,
    };
  }

  /**
   * The public Q&A: the 12345 knowledge base's public entries — the hotline's own made public and the
   * published answers here, which are the same entries — best first.
   */
  async search(q: string, limit = 10) {
    const hits = await need(this.ctx, 'knowledge').searchPublic(q, Math.min(Math.max(limit, 1), 50));
    const ids = hits.map((h) => (h.ref?.startsWith(REF_PREFIX) ? h.ref.slice(REF_PREFIX.length) : null)).filter((x): x is string => !!x && UUID.test(x));
    const rows = ids.length ? await interactionDb(this.k.db).selectFrom('openness_question').select(['id', 'document_id', 'document_title', 'department_id']).where('id', 'in', ids).execute() : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const depts = await this.ctx.org.departmentNames(rows.map((r) => r.department_id));
    return hits.map((h) => {
      const qid = h.ref?.startsWith(REF_PREFIX) ? h.ref.slice(REF_PREFIX.length) : null;
      const row = qid ? byId.get(qid) : undefined;
      return {
        id: h.id,
        title: h.title,
        body: h.body,
        updatedAt: h.updatedAt,
        source: row ? ('question' as const) : ('hotline' as const),
        questionId: row?.id ?? null,
        documentId: row?.document_id ?? null,
        documentTitle: row?.document_title ?? null,
        departmentName: row ? (depts.get(row.department_id)?.name ?? null) : null,
      };
    });
  }

  /** Departments one may ask in the 咨询 column: the region's own. */
  async departments(): Promise<{ id: string; name: string; office: boolean }[]> {
    const region = this.k.config.regionCode;
    const { officeDepartmentCode } = await interactionSettings(this.k.settings, region);
    const all = await this.ctx.org.departmentsWithin(region);
    return all
      .filter((d) => d.regionCode === region)
      .map((d) => ({ id: d.id, name: d.name, office: d.code === officeDepartmentCode }))
      .sort((a, b) => Number(b.office) - Number(a.office));
  }

  // ── the asker ───────────────────────────────────────────────────────────────────────────────

  async ask(who: Principal | null, input: QuestionInput, requestId?: string): Promise<MyQuestion> {
    if (!who) throw Errors.unauthenticated();
    const region = this.k.config.regionCode;
    const title = text(input.title, '/title', 100);
    const body = text(input.body, '/body', 2000);
    const settings = await interactionSettings(this.k.settings, region);
    let channel: QuestionChannel = 'column';
    let documentId: string | null = null;
    let documentTitle: string | null = null;
    let departmentId: string | null = null;
    if (input.documentId) {
      if (input.departmentId) throw InteractionErrors.twoTargets();
      const doc = UUID.test(input.documentId) ? await need(this.ctx, 'library').get(this.k.db, input.documentId.toLowerCase()) : null;
      if (!doc) throw Errors.notFound('document');
      if (doc.state !== 'published') throw InteractionErrors.documentWithdrawn();
      channel = 'document';
      documentId = doc.id;
      documentTitle = doc.title;
      departmentId = doc.issuerDepartmentId;
    } else if (input.departmentId) {
      const d = UUID.test(input.departmentId) ? (await this.ctx.org.departmentNames([input.departmentId])).get(input.departmentId) : undefined;
      if (!d || !d.active || d.regionCode !== region) throw InteractionErrors.unknownDepartment();
      departmentId = input.departmentId;
    }
    // A document issued outside the region (国务院, the autonomous region) and the column by default: the 政务公开办.
    if (!departmentId) {
      const office = (await this.ctx.org.departmentsWithin(region)).find((d) => d.regionCode === region && d.code === settings.officeDepartmentCode);
      if (!office) throw InteractionErrors.noOffice();
      departmentId = office.id;
    }
    const now = this.k.clock.now();
    const since = new Date(now.getTime() - 24 * 3600_000);
    const due = await this.k.calendar.addWorkingDays(now, settings.answerWorkingDays);
    const id = newId();
    const row = await this.k.db.transaction().execute(async (trx) => {
      // One account at a time (two tabs at once cannot both slip under the limit).
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`openness.question:${who.accountId}`}))`.execute(trx);
      const { n } = await interactionDb(trx)
        .selectFrom('openness_question')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('asker_id', '=', who.accountId)
        .where('created_at', '>', since)
        .executeTakeFirstOrThrow();
      if (Number(n) >= settings.questionsPerDay) throw InteractionErrors.tooMany(settings.questionsPerDay);
      const { seq } = await sql<{ seq: string }>`SELECT nextval('openness_question_seq') AS seq`.execute(trx).then((r) => r.rows[0]);
      const number = `${region}-ZX-${cstDate(now).replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;
      const r = await interactionDb(trx)
        .insertInto('openness_question')
        .values({
          id,
          number,
          region_code: region,
          channel,
          document_id: documentId,
          document_title: documentTitle,
          department_id: departmentId!,
          asker_id: who.accountId,
          asker_label: askerLabel(who),
          title,
          body,
          state: 'submitted',
          answer: null,
          answered_by: null,
          answered_by_name: null,
          answered_at: null,
          due_at: due,
          public_title: null,
          public_body: null,
          public_answer: null,
          knowledge_id: null,
          reviewed_by: null,
          reviewed_by_name: null,
          reviewed_at: null,
          reason: null,
          published_at: null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await LOG.append(trx, id, region, { action: 'ask', from: null, to: 'submitted', actor: stepActorOf(who), dueAt: due, at: now });
      // The audit keeps what was asked of whom; the text itself stays on the row (it may hold personal numbers).
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'asked',
        objectType: 'openness.question',
        objectId: id,
        regionCode: region,
        change: { number, channel, documentId, departmentId, dueAt: due.toISOString() },
        summary: { number },
        requestId,
      });
      return r;
    });
    return (await this.mine([row]))[0];
  }

  /** One's own questions, newest first. */
  async listMine(who: Principal | null, q: { after?: string; limit?: number }): Promise<{ items: MyQuestion[]; next: string | null }> {
    if (!who) throw Errors.unauthenticated();
    const limit = limitOf(q.limit);
    const after = decodeCursor(q.after, 2);
    const rows = await interactionDb(this.k.db)
      .selectFrom('openness_question')
      .selectAll()
      .where('asker_id', '=', who.accountId)
      .$if(!!after, (qb) => qb.where(sql<boolean>`(created_at, id) < (${String(after![0])}::timestamptz, ${String(after![1])}::uuid)`))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const pg = pageOf(rows, limit, (r) => [r.created_at.toISOString(), r.id]);
    return { items: await this.mine(pg.items), next: pg.next };
  }

  // ── staff ───────────────────────────────────────────────────────────────────────────────────

  private canAnswer(who: Principal, r: Row): boolean {
    return this.ctx.policy.can(who, 'openness.edit', { regionCode: r.region_code, departmentId: r.department_id });
  }

  private canReview(who: Principal, r: Row): boolean {
    if (this.ctx.policy.can(who, 'openness.manage', { regionCode: r.region_code })) return true;
    // A leader reviews the answers of their own unit only.
    return who.departmentId === r.department_id && this.ctx.policy.can(who, 'openness.approve', { regionCode: r.region_code, departmentId: r.department_id });
  }

  /** Whether `who` works on 政民互动 at all, and across the region (manage) or for one department. */
  private scopeOf(who: Principal | null): { region: true } | { department: string } {
    if (!who) throw Errors.unauthenticated();
    const region = this.k.config.regionCode;
    if (this.ctx.policy.can(who, 'openness.manage', { regionCode: region })) return { region: true };
    if (
      who.departmentId &&
      (this.ctx.policy.can(who, 'openness.edit', { regionCode: region, departmentId: who.departmentId }) ||
        this.ctx.policy.can(who, 'openness.approve', { regionCode: region, departmentId: who.departmentId }))
    )
      return { department: who.departmentId };
    throw Errors.forbidden();
  }

  /** The inbox: the department's questions (the 政务公开办 sees the region's), oldest first within a state. */
  async inbox(
    who: Principal | null,
    q: { state?: QuestionState; department?: string; overdue?: boolean; after?: string; limit?: number },
  ): Promise<{ items: StaffQuestion[]; next: string | null; total: number }> {
    const scope = this.scopeOf(who);
    const limit = limitOf(q.limit);
    const now = this.k.clock.now();
    const base = interactionDb(this.k.db)
      .selectFrom('openness_question')
      .where('region_code', '=', this.k.config.regionCode)
      .$if('department' in scope, (qb) => qb.where('department_id', '=', (scope as { department: string }).department))
      .$if('region' in scope && !!q.department, (qb) => qb.where('department_id', '=', q.department!))
      .$if(!!q.state, (qb) => qb.where('state', '=', q.state!))
      .$if(q.overdue === true, (qb) => qb.where('state', '=', 'submitted').where('due_at', '<', now));
    const { n } = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const after = decodeCursor(q.after, 2);
    const rows = await base
      .selectAll()
      .$if(!!after, (qb) => qb.where(sql<boolean>`(created_at, id) > (${String(after![0])}::timestamptz, ${String(after![1])}::uuid)`))
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .limit(limit + 1)
      .execute();
    const pg = pageOf(rows, limit, (r) => [r.created_at.toISOString(), r.id]);
    return { items: await this.staff(pg.items, who!), next: pg.next, total: Number(n) };
  }

  async detail(who: Principal | null, id: string): Promise<StaffQuestion> {
    const scope = this.scopeOf(who);
    const r = await this.row(id);
    if ('department' in scope && scope.department !== r.department_id) throw Errors.notFound('question');
    const [view] = await this.staff([r], who!);
    const steps = await LOG.history(this.k.db, id);
    view.history = steps.map((s) => ({
      action: String(s.action),
      from: (s.from_state as string | null) ?? null,
      to: String(s.to_state),
      actorName: String(s.actor_name),
      opinion: (s.opinion as string | null) ?? null,
      at: new Date(s.at as Date).toISOString(),
    }));
    return view;
  }

  /** The department's answer (or a revision of it before review). */
  async answer(who: Principal | null, id: string, input: { answer: string; expectedVersion: number }, requestId?: string): Promise<StaffQuestion> {
    if (!who) throw Errors.unauthenticated();
    const before = await this.row(id);
    if (!this.canAnswer(who, before)) throw Errors.forbidden();
    if (before.state !== 'submitted' && before.state !== 'answered') throw InteractionErrors.notInState(before.state);
    const answer = text(input.answer, '/answer', 3000);
    const now = this.k.clock.now();
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await this.move(trx, before, input.expectedVersion, ['submitted', 'answered'], {
        state: 'answered',
        answer,
        answered_by: who.accountId,
        answered_by_name: who.name,
        answered_at: now,
        reason: null,
      });
      await LOG.append(trx, id, r.region_code, { action: 'answer', from: before.state, to: 'answered', actor: stepActorOf(who), opinion: answer, at: now });
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'answered',
        objectType: 'openness.question',
        objectId: id,
        regionCode: r.region_code,
        change: { state: { from: before.state, to: 'answered' }, answer },
        summary: { number: r.number },
        requestId,
      });
      return r;
    });
    return (await this.staff([row], who))[0];
  }

  /**
   * The review: publish (into the 12345 knowledge base, ID and phone numbers masked, the asker
   * never named), return to the department with a reason, or reject with a reason the asker is told.
   */
  async review(who: Principal | null, id: string, input: ReviewDecision & { expectedVersion: number }, requestId?: string): Promise<StaffQuestion> {
    if (!who) throw Errors.unauthenticated();
    const before = await this.row(id);
    if (!this.canReview(who, before)) throw Errors.forbidden();
    const d = input.decision;
    const allowed: QuestionState[] = d === 'reject' ? ['submitted', 'answered'] : d === 'publish' ? ['answered', 'unpublished'] : ['answered'];
    if (!allowed.includes(before.state)) throw InteractionErrors.notInState(before.state);
    if (d === 'publish' && before.answered_by === who.accountId) throw InteractionErrors.ownAnswer();
    const reason = d === 'publish' ? null : typeof input.reason === 'string' && input.reason.trim() ? text(input.reason, '/reason', 500) : null;
    if (d !== 'publish' && !reason) throw InteractionErrors.reasonRequired();
    const now = this.k.clock.now();
    const knowledge = d === 'publish' ? need(this.ctx, 'knowledge') : null;
    const row = await this.k.db.transaction().execute(async (trx) => {
      let r: Row;
      let to: QuestionState;
      if (d === 'publish') {
        const t = maskPersonalNumbers(before.title).text;
        const b = maskPersonalNumbers(before.body).text;
        const a = maskPersonalNumbers(before.answer ?? '').text;
        // Claim the row first: of two reviewers at once, the second stops here and nothing reaches the knowledge base twice.
        await this.move(trx, before, input.expectedVersion, allowed, {
          state: 'published',
          public_title: t,
          public_body: b,
          public_answer: a,
          reviewed_by: who.accountId,
          reviewed_by_name: who.name,
          reviewed_at: now,
          published_at: now,
          reason: null,
        });
        const keywords = ['政民互动', ...(before.document_title ? [before.document_title.slice(0, 20)] : [])];
        const entry = await knowledge!.publish(trx, who, { title: t, body: `问：${b}\n\n答：${a}`, keywords, ref: `${REF_PREFIX}${id}` });
        r = await interactionDb(trx).updateTable('openness_question').set({ knowledge_id: entry.id }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        to = 'published';
      } else {
        to = d === 'reject' ? 'rejected' : 'submitted';
        r = await this.move(trx, before, input.expectedVersion, allowed, { state: to, reason, reviewed_by: who.accountId, reviewed_by_name: who.name, reviewed_at: now });
      }
      await LOG.append(trx, id, r.region_code, { action: d, from: before.state, to, actor: stepActorOf(who), opinion: reason, at: now });
      const action = d === 'publish' ? 'published' : d === 'reject' ? 'rejected' : 'returned';
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action,
        objectType: 'openness.question',
        objectId: id,
        regionCode: r.region_code,
        change: { state: { from: before.state, to }, reason, knowledgeId: r.knowledge_id },
        summary: { number: r.number },
        requestId,
      });
      if (d === 'publish')
        await this.k.notify.notify(trx, {
          regionCode: r.region_code,
          recipientId: r.asker_id,
          title: '您的留言已答复',
          body: `您的留言“${r.title.slice(0, 30)}”（${r.number}）已答复并公开。`,
          link: '/openness/qa',
        });
      else if (d === 'reject')
        await this.k.notify.notify(trx, {
          regionCode: r.region_code,
          recipientId: r.asker_id,
          title: '您的留言未予公开答复',
          body: `您的留言“${r.title.slice(0, 30)}”（${r.number}）未予公开答复。理由：${reason}`,
          link: '/openness/qa',
        });
      return r;
    });
    return (await this.staff([row], who))[0];
  }

  /** Takes a published Q&A back (from the public, and out of the knowledge base), with a reason. */
  async unpublish(who: Principal | null, id: string, input: { reason: string; expectedVersion: number }, requestId?: string): Promise<StaffQuestion> {
    if (!who) throw Errors.unauthenticated();
    const before = await this.row(id);
    if (!this.canReview(who, before)) throw Errors.forbidden();
    if (before.state !== 'published') throw InteractionErrors.notInState(before.state);
    const reason = typeof input.reason === 'string' && input.reason.trim() ? text(input.reason, '/reason', 500) : null;
    if (!reason) throw InteractionErrors.reasonRequired();
    const knowledge = need(this.ctx, 'knowledge');
    const now = this.k.clock.now();
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await this.move(trx, before, input.expectedVersion, ['published'], { state: 'unpublished', reason, reviewed_by: who.accountId, reviewed_by_name: who.name, reviewed_at: now });
      if (r.knowledge_id) await knowledge.unpublish(trx, who, r.knowledge_id);
      await LOG.append(trx, id, r.region_code, { action: 'unpublish', from: 'published', to: 'unpublished', actor: stepActorOf(who), opinion: reason, at: now });
      await this.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'unpublished',
        objectType: 'openness.question',
        objectId: id,
        regionCode: r.region_code,
        change: { state: { from: 'published', to: 'unpublished' }, reason, knowledgeId: r.knowledge_id },
        summary: { number: r.number },
        requestId,
      });
      return r;
    });
    return (await this.staff([row], who))[0];
  }

  // ── rows and views ──────────────────────────────────────────────────────────────────────────

  /** The state change, on the row's version (a concurrent one makes it 409, nothing written). */
  private async move(trx: Tx, before: Row, expectedVersion: number, from: QuestionState[], set: Omit<Updateable<OpennessQuestionTable>, 'id' | 'version'>): Promise<Row> {
    if (expectedVersion !== before.version) throw InteractionErrors.stale();
    const r = await interactionDb(trx)
      .updateTable('openness_question')
      .set({ ...set, version: sql`version + 1`, updated_at: this.k.clock.now() })
      .where('id', '=', before.id)
      .where('version', '=', expectedVersion)
      .where('state', 'in', from)
      .returningAll()
      .executeTakeFirst();
    if (!r) throw InteractionErrors.stale();
    return r;
  }

  private async row(id: string): Promise<Row> {
    if (!UUID.test(id)) throw Errors.notFound('question');
    const r = await interactionDb(this.k.db).selectFrom('openness_question').selectAll().where('id', '=', id.toLowerCase()).where('region_code', '=', this.k.config.regionCode).executeTakeFirst();
    if (!r) throw Errors.notFound('question');
    return r;
  }

  private async mine(rows: Row[]): Promise<MyQuestion[]> {
    const depts = await this.ctx.org.departmentNames(rows.map((r) => r.department_id));
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      channel: r.channel,
      title: r.title,
      body: r.body,
      state: r.state,
      // The asker sees the answer once it is published (a draft under review is not yet the department's word).
      answer: r.state === 'published' || r.state === 'unpublished' ? r.answer : null,
      // A rejection's reason is told to the asker; a return to the department is internal.
      reason: r.state === 'rejected' ? r.reason : null,
      departmentId: r.department_id,
      departmentName: depts.get(r.department_id)?.name ?? null,
      departmentNameEn: depts.get(r.department_id)?.nameEn ?? null,
      documentId: r.document_id,
      documentTitle: r.document_title,
      createdAt: r.created_at.toISOString(),
      publishedAt: iso(r.published_at),
    }));
  }

  private async staff(rows: Row[], who: Principal): Promise<StaffQuestion[]> {
    const base = await this.mine(rows);
    const now = this.k.clock.now();
    return rows.map((r, i) => ({
      ...base[i],
      answer: r.answer,
      reason: r.reason,
      askerLabel: r.asker_label,
      answeredByName: r.answered_by_name,
      answeredAt: iso(r.answered_at),
      reviewedByName: r.reviewed_by_name,
      reviewedAt: iso(r.reviewed_at),
      dueAt: r.due_at.toISOString(),
      overdue: r.state === 'submitted' && r.due_at < now,
      knowledgeId: r.knowledge_id,
      version: r.version,
      canAnswer: (r.state === 'submitted' || r.state === 'answered') && this.canAnswer(who, r),
      canReview: ['submitted', 'answered', 'published', 'unpublished'].includes(r.state) && this.canReview(who, r),
    }));
  }
}
