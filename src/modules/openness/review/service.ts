import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { cstDate } from '../../../kernel/calendar/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { DomainError, Errors } from '../../../kernel/http/errors.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, regionWithin, type Principal } from '../../../kernel/policy/index.ts';
import { ActionLog, WorkflowVersions, act, availableActions, stepActorOf, type RecordKind } from '../../../kernel/workflow/index.ts';
import { need, type OpennessContext } from '../area.ts';
import type { DocumentInput } from '../ports.ts';
import { FINDING_KINDS, checkContent, textsOf } from './check.ts';
import { ReviewErrors } from './errors.ts';
import { DRAFT_CREATED, DRAFT_EDITED, DRAFT_STEPPED } from './events.ts';
import type { Lexicon } from './lexicon.ts';
import type { ActionBody, DocumentBody, DraftInput, DraftSummary, DraftUpdate, DraftView, FindingView, Purpose, Stepped } from './schema.ts';
import { reviewSettings } from './settings.ts';
import { draftKind, type DraftActionInput } from './steps.ts';
import { reviewDb, type OpennessDraftFindingTable, type OpennessDraftTable } from './tables.ts';
import { BUTTONS, DRAFT_WORKFLOW, OTHER_STEPS, PUBLIC_CODE, type PublicAction } from './workflow.ts';

export type DraftRow = Selectable<OpennessDraftTable>;
type FindingRow = Selectable<OpennessDraftFindingTable>;

/** The draft action log, of the kernel's one shape. */
export const DRAFT_LOG = new ActionLog('openness_draft_action', 'draft_id');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_DEPT = '00000000-0000-0000-0000-000000000000';
const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());
const READ = ['openness.edit', 'openness.secrecy', 'openness.approve'];
/** Kinds that must be published with a 解读 when the setting says so. */
const NEEDS_INTERPRETATION = ['regulation', 'normative'];
/** States whose drafts still hold their 文号 (a discarded or published one frees it or hands it to the library). */
const OPEN_STATES = ['draft', 'secrecy_review', 'approval'];

/**
 * 发布审核: drafts of a publication, change or withdrawal; the content check at 提交; 保密审查 by a
 * named reviewer and approval by a leader of the department on the kernel's action engine (steps.ts);
 * publication in the library in the approving transaction, a 原文's ready 解读 with it.
 */
export class Drafts {
  readonly workflows: WorkflowVersions;
  private readonly kind: RecordKind<DraftRow, DraftActionInput>;

  constructor(
    readonly ctx: OpennessContext,
    private readonly lexicon: Lexicon,
  ) {
    this.workflows = new WorkflowVersions(ctx.k.db, 'openness_draft_workflow', DRAFT_WORKFLOW);
    this.kind = draftKind(this);
  }

  // ---------- reading ----------

  private mayRead(who: Principal, row: Pick<DraftRow, 'region_code' | 'department_id' | 'drafter_id'>): boolean {
    const p = this.ctx.policy;
    if (p.can(who, 'openness.manage', { regionCode: row.region_code })) return true;
    if (who.accountId === row.drafter_id) return true;
    if (who.departmentId !== row.department_id) return false;
    return READ.some((perm) => p.can(who, perm, { regionCode: row.region_code, departmentId: row.department_id }));
  }

  /** The draft, if the caller may see it: its department's editors, reviewers and leaders, and the 政务公开办. */
  async visibleRow(who: Principal, id: string, ex: Executor = this.ctx.k.db): Promise<DraftRow> {
    if (!UUID.test(id)) throw ReviewErrors.notFound();
    const row = await reviewDb(ex).selectFrom('openness_draft').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !regionWithin(row.region_code, who.regionCode) || !this.mayRead(who, row)) throw ReviewErrors.notFound();
    return row;
  }

  /**
   * The draft a step is asked on. A reviewer or leader of another department does not see it, but is
   * told why they may not act rather than that it does not exist.
   */
  private async rowForStep(who: Principal, id: string, code: string): Promise<DraftRow> {
    try {
      return await this.visibleRow(who, id);
    } catch (err) {
      if (!UUID.test(id)) throw err;
      const row = await reviewDb(this.ctx.k.db).selectFrom('openness_draft').select(['region_code']).where('id', '=', id).executeTakeFirst();
      if (row && regionWithin(row.region_code, who.regionCode)) {
        if (code === 'secrecy' && who.roles.includes('secrecy_reviewer')) throw ReviewErrors.notSecrecyReviewer();
        if (code === 'approve' && who.roles.includes('leader')) throw ReviewErrors.notLeader();
      }
      throw err;
    }
  }

  private async currentFindings(row: DraftRow, ex: Executor = this.ctx.k.db): Promise<FindingRow[]> {
    if (row.check_round === 0) return [];
    return reviewDb(ex)
      .selectFrom('openness_draft_finding')
      .selectAll()
      .where('draft_id', '=', row.id)
      .where('round', '=', row.check_round)
      .orderBy('field')
      .orderBy('item')
      .orderBy('start')
      .execute();
  }

  private findingView(f: FindingRow): FindingView {
    const k = FINDING_KINDS[f.kind as keyof typeof FINDING_KINDS];
    return {
      id: f.id,
      round: f.round,
      kind: f.kind,
      kindZh: k?.zh ?? f.kind,
      kindEn: k?.en ?? f.kind,
      field: f.field,
      item: f.item,
      paragraph: f.paragraph,
      offset: f.offset,
      start: f.start,
      length: f.length,
      excerpt: f.excerpt,
      term: f.term,
      waivable: f.waivable,
      state: f.state as 'open' | 'waived',
      waivedBy: f.waived_by_name,
      waiveReason: f.waive_reason,
      waivedAt: iso(f.waived_at),
    };
  }

  async view(who: Principal, id: string): Promise<DraftView> {
    const row = await this.visibleRow(who, id);
    const db = reviewDb(this.ctx.k.db);
    const [findings, history, def, original, interps] = await Promise.all([
      this.currentFindings(row),
      DRAFT_LOG.history(this.ctx.k.db, row.id),
      this.workflows.get(row.workflow_version),
      row.interpretation_of_draft ? db.selectFrom('openness_draft').select(['id', 'title', 'state']).where('id', '=', row.interpretation_of_draft).executeTakeFirst() : undefined,
      db.selectFrom('openness_draft').select(['id', 'title', 'state']).where('interpretation_of_draft', '=', row.id).orderBy('created_at').execute(),
    ]);
    const names = await this.ctx.org.departmentNames([row.department_id]);
    const label = (code: string) => def.actions.find((a) => a.code === code) ?? OTHER_STEPS[code] ?? { zh: code, en: code };
    const c = row.content;
    return {
      ...this.summaryOf(row, names.get(row.department_id)?.name ?? '', findings.filter((f) => f.state === 'open').length),
      targetId: row.target_id,
      reason: row.reason,
      document: c
        ? {
            title: c.title,
            titleEn: c.titleEn ?? null,
            kind: c.kind,
            themeCode: c.themeCode,
            issuerDepartmentId: c.issuerDepartmentId,
            issuerName: c.issuerName ?? null,
            number: c.number ?? null,
            writtenOn: c.writtenOn,
            publishOn: c.publishOn ?? null,
            disclosure: c.disclosure,
            summary: c.summary ?? null,
            body: c.body,
            keywords: c.keywords ?? [],
            attachments: c.attachments ?? [],
            interpretationOf: c.interpretationOf ?? null,
            interpretationForm: c.interpretationForm ?? null,
            links: c.links ?? [],
            replaces: c.replaces ?? [],
          }
        : null,
      interpretationOfDraft: original ?? null,
      interpretations: interps,
      findings: findings.map((f) => this.findingView(f)),
      steps: history.map((h) => {
        const p = (h.payload ?? {}) as Record<string, unknown>;
        const l = label(h.action);
        return {
          action: PUBLIC_CODE[h.action] ?? h.action,
          zh: l.zh,
          en: l.en,
          actor: h.actor_name,
          roles: h.actor_roles,
          opinion: h.opinion,
          outcome: typeof p.outcome === 'string' ? p.outcome : null,
          basis: typeof p.basis === 'string' ? p.basis : null,
          at: iso(h.at)!,
        };
      }),
      reviewer: row.reviewer_name && row.reviewed_at ? { name: row.reviewer_name, basis: row.review_basis, at: iso(row.reviewed_at)! } : null,
      approver: row.approver_name && row.approved_at ? { name: row.approver_name, at: iso(row.approved_at)! } : null,
      published: row.published_id ? { id: row.published_id, indexNo: row.published_index_no } : null,
      availableActions: this.actionsFor(who, row),
      editable: this.mayEdit(who, row),
    };
  }

  private summaryOf(r: DraftRow, departmentName: string, openFindings: number): DraftSummary {
    const s = DRAFT_WORKFLOW.states[r.state];
    return {
      id: r.id,
      purpose: r.purpose as Purpose,
      state: r.state,
      stateZh: s?.zh ?? r.state,
      stateEn: s?.en ?? r.state,
      title: r.title,
      kind: r.kind,
      department: { id: r.department_id, name: departmentName },
      drafter: { id: r.drafter_id, name: r.drafter_name },
      checkState: r.check_state,
      openFindings,
      version: r.version,
      createdAt: iso(r.created_at)!,
      updatedAt: iso(r.updated_at)!,
    };
  }

  /** The buttons a page offers: what the definition allows this person now, in the draft's department. */
  private actionsFor(who: Principal, row: DraftRow) {
    const actor = { kind: 'staff' as const, roles: who.roles, departmentId: who.departmentId };
    const codes = new Set(availableActions(DRAFT_WORKFLOW, row.state, actor, row.department_id).map((a) => PUBLIC_CODE[a.code]));
    return [...codes]
      .filter((c): c is PublicAction => c in BUTTONS)
      .filter((c) =>
        this.ctx.policy.can(who, { submit: 'openness.edit', discard: 'openness.edit', secrecy: 'openness.secrecy', approve: 'openness.approve' }[c], {
          regionCode: row.region_code,
          departmentId: row.department_id,
        }),
      )
      .map((code) => ({ code, ...BUTTONS[code] }));
  }

  private mayEdit(who: Principal, row: Pick<DraftRow, 'state' | 'region_code' | 'department_id'>): boolean {
    return row.state === 'draft' && who.departmentId === row.department_id && this.ctx.policy.can(who, 'openness.edit', { regionCode: row.region_code, departmentId: row.department_id });
  }

  /**
   * The boxes: my drafts, 待保密审查 (for a 保密审查员), 待审批 (for a leader), everything of my
   * department (the 政务公开办: of the region). Newest first, keyset pages.
   */
  async list(who: Principal, q: { box?: 'mine' | 'secrecy' | 'approval' | 'department'; after?: string; limit?: number }): Promise<{ items: DraftSummary[]; next: string | null }> {
    const p = this.ctx.policy;
    if (![...READ, 'openness.manage'].some((perm) => p.can(who, perm))) throw Errors.forbidden();
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.after, 2);
    if (cursor && (Number.isNaN(Date.parse(String(cursor[0]))) || !UUID.test(String(cursor[1])))) throw Errors.validation([{ path: '/after', message: 'invalid cursor / 无效的分页游标' }]);
    const dept = who.departmentId ?? NO_DEPT;
    const scope = { regionCode: who.regionCode, departmentId: who.departmentId };
    let query = reviewDb(this.ctx.k.db)
      .selectFrom('openness_draft as d')
      .selectAll('d')
      .select(sql<number>`(SELECT count(*) FROM openness_draft_finding f WHERE f.draft_id = d.id AND f.round = d.check_round AND f.state = 'open')`.as('open_findings'))
      .where('d.region_code', 'like', `${who.regionCode}%`);
    const box = q.box ?? 'mine';
    if (box === 'mine') query = query.where('d.drafter_id', '=', who.accountId);
    else if (box === 'secrecy') {
      if (!(who.roles.includes('secrecy_reviewer') && p.can(who, 'openness.secrecy', scope))) return { items: [], next: null };
      query = query.where('d.department_id', '=', dept).where('d.state', '=', 'secrecy_review');
    } else if (box === 'approval') {
      if (!(who.roles.includes('leader') && p.can(who, 'openness.approve', scope))) return { items: [], next: null };
      query = query.where('d.department_id', '=', dept).where('d.state', '=', 'approval');
    } else if (!p.can(who, 'openness.manage', { regionCode: who.regionCode })) query = query.where('d.department_id', '=', dept);
    if (cursor) query = query.where(sql<boolean>`(d.created_at, d.id) < (${new Date(String(cursor[0]))}, ${String(cursor[1])}::uuid)`);
    const rows = await query
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = pageOf(rows, limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
    const names = await this.ctx.org.departmentNames([...new Set(page.items.map((r) => r.department_id))]);
    return { items: page.items.map((r) => this.summaryOf(r, names.get(r.department_id)?.name ?? '', Number(r.open_findings))), next: page.next };
  }

  // ---------- checks on save and on submit ----------

  /** The document as the library will take it, from what the author sent. */
  private async documentOf(who: Principal, b: DocumentBody, departmentId: string, regionCode: string, attached: readonly string[]): Promise<DocumentInput> {
    const blank = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());
    const bad = (path: string, message: string) => Errors.validation([{ path, message }]);
    const title = b.title.trim();
    if (!title) throw bad('/document/title', 'blank / 不能为空');
    if (!b.body.trim()) throw bad('/document/body', 'blank / 不能为空');
    if (b.publishOn && b.publishOn < b.writtenOn) throw ReviewErrors.publishBeforeWritten();
    if (b.interpretationOf && b.kind !== 'interpretation') throw ReviewErrors.notInterpretation();
    let issuerDepartmentId: string | null = b.issuerDepartmentId ?? (blank(b.issuerName) ? null : departmentId);
    if (issuerDepartmentId && issuerDepartmentId !== departmentId) {
      const d = (await this.ctx.org.departmentNames([issuerDepartmentId])).get(issuerDepartmentId);
      if (!d || !regionWithin(d.regionCode, regionCode.slice(0, 6))) throw bad('/document/issuerDepartmentId', 'unknown department / 部门不存在');
    }
    issuerDepartmentId ??= null;
    const attachments = b.attachments ?? [];
    for (const [i, a] of attachments.entries()) {
      if (attached.includes(a.fileId)) continue;
      const f = await this.ctx.k.files.find(a.fileId);
      if (!f || f.ownerId !== who.accountId) throw ReviewErrors.unknownFile(i);
    }
    const keywords = [...new Set((b.keywords ?? []).map((x) => x.trim()).filter(Boolean))];
    return {
      title,
      titleEn: blank(b.titleEn),
      kind: b.kind,
      themeCode: b.themeCode,
      issuerDepartmentId,
      issuerName: blank(b.issuerName),
      number: blank(b.number),
      writtenOn: b.writtenOn,
      publishOn: b.publishOn ?? null,
      disclosure: b.disclosure,
      summary: blank(b.summary),
      body: b.body.replace(/\r\n?/g, '\n'),
      keywords,
      attachments: attachments.map((a) => ({ fileId: a.fileId, name: a.name.trim() })),
      interpretationOf: b.interpretationOf ?? null,
      interpretationForm: b.interpretationForm ?? null,
      links: (b.links ?? []).map((l) => ({ label: l.label.trim(), url: l.url })),
      replaces: b.replaces ?? [],
    };
  }

  /** The 原文 draft a 解读 names: of the region, not discarded, itself not a 解读, to be published. */
  private async originalDraft(id: string, regionCode: string, ex: Executor = this.ctx.k.db): Promise<DraftRow> {
    const o = await reviewDb(ex).selectFrom('openness_draft').selectAll().where('id', '=', id).executeTakeFirst();
    if (!o || !regionWithin(o.region_code, regionCode.slice(0, 6)) || o.state === 'discarded' || o.purpose !== 'publish' || o.kind === 'interpretation')
      throw ReviewErrors.originalMissing('/interpretationOfDraft');
    return o;
  }

  /**
   * What publishing would refuse, refused now: 文号 reused (by a published document or another open
   * draft), a 解读 without its 原文 or naming a missing one, 发布日期 before 成文日期, and what the
   * library's own check says. `original`: the 原文 draft of a 解读, if any.
   */
  private async validate(doc: DocumentInput, o: { id: string | null; regionCode: string; target: string | null; originalDraft: string | null }, ex: Executor = this.ctx.k.db): Promise<void> {
    if (doc.kind === 'interpretation' && !doc.interpretationOf && !o.originalDraft) throw ReviewErrors.interpretationNeedsOriginal();
    if (doc.kind !== 'interpretation' && o.originalDraft) throw ReviewErrors.notInterpretation();
    if (doc.publishOn && doc.publishOn < doc.writtenOn) throw ReviewErrors.publishBeforeWritten();
    if (o.originalDraft) await this.originalDraft(o.originalDraft, o.regionCode, ex);
    if (doc.number) {
      const clash = await reviewDb(ex)
        .selectFrom('openness_draft')
        .select('id')
        .where('region_code', 'like', `${o.regionCode.slice(0, 6)}%`)
        .where('state', 'in', OPEN_STATES)
        .where(sql<boolean>`content->>'number' = ${doc.number}`)
        .$if(!!o.id, (q) => q.where('id', '<>', o.id!))
        .$if(!!o.target, (q) => q.where(sql<boolean>`target_id IS DISTINCT FROM ${o.target}::uuid`))
        .executeTakeFirst();
      if (clash) throw ReviewErrors.numberReused(doc.number);
    }
    const library = this.ctx.ports.library;
    if (!library) return;
    if (doc.interpretationOf) {
      const orig = await library.get(ex, doc.interpretationOf);
      if (!orig) throw ReviewErrors.originalMissing('/document/interpretationOf');
    }
    await this.libraryCheck(ex, doc, o.target, !!o.originalDraft);
  }

  /** The library's check; a 解读 whose 原文 is still a draft is checked as if it named none yet. */
  private async libraryCheck(ex: Executor, doc: DocumentInput, target: string | null, originalIsDraft: boolean): Promise<void> {
    const library = need(this.ctx, 'library');
    try {
      await library.check(ex, doc, target);
    } catch (err) {
      // Only the missing 原文 is forgiven (it is a draft until approved); any other problem stands.
      if (originalIsDraft && err instanceof DomainError && err.errors?.length && err.errors.every((e) => e.path.includes('interpretationOf'))) return;
      throw err;
    }
  }

  // ---------- writing ----------

  /** 拟稿: a publication, a change of a published document, or its withdrawal; owned by the drafter's department. */
  async create(who: Principal, input: DraftInput, requestId?: string): Promise<{ id: string; version: number }> {
    if (!who.departmentId) throw ReviewErrors.notEditor();
    if (!this.ctx.policy.can(who, 'openness.edit', { regionCode: who.regionCode, departmentId: who.departmentId })) throw ReviewErrors.notEditor();
    const unit = (await this.ctx.org.departmentNames([who.departmentId])).get(who.departmentId);
    if (!unit) throw ReviewErrors.notEditor();
    const regionCode = unit.regionCode;
    const purpose = input.purpose;
    const bad = (path: string, message: string) => Errors.validation([{ path, message }]);
    let doc: DocumentInput | null = null;
    let title: string;
    let kind: string;
    let target: string | null = null;
    if (purpose === 'publish') {
      if (!input.document) throw bad('/document', 'required / 必填');
      if (input.targetId) throw bad('/targetId', 'only for a change or withdrawal / 仅修改或撤回时填写');
    } else {
      if (!input.targetId) throw bad('/targetId', 'required / 必填');
      if (!input.reason?.trim()) throw bad('/reason', 'required / 必填');
      if (purpose === 'change' && !input.document) throw bad('/document', 'required / 必填');
      const existing = await need(this.ctx, 'library').get(this.ctx.k.db, input.targetId);
      if (!existing || existing.state !== 'published' || !regionWithin(existing.regionCode, regionCode.slice(0, 6))) throw ReviewErrors.targetMissing();
      if (existing.issuerDepartmentId && existing.issuerDepartmentId !== who.departmentId) throw ReviewErrors.notIssuer();
      target = existing.id;
      title = existing.title;
      kind = existing.kind;
    }
    if (input.interpretationOfDraft && purpose !== 'publish') throw bad('/interpretationOfDraft', 'only for a new 解读 / 仅新发布的解读');
    if (input.document && purpose !== 'withdraw') {
      doc = await this.documentOf(who, input.document, who.departmentId, regionCode, []);
      await this.validate(doc, { id: null, regionCode, target, originalDraft: input.interpretationOfDraft ?? null });
      title = doc.title;
      kind = doc.kind;
    }
    const id = uuidv7();
    const now = this.ctx.k.clock.now();
    await this.ctx.k.db.transaction().execute(async (trx) => {
      const { version: wf } = await this.workflows.latest(trx);
      await reviewDb(trx)
        .insertInto('openness_draft')
        .values({
          id,
          region_code: regionCode,
          department_id: who.departmentId!,
          drafter_id: who.accountId,
          drafter_name: who.name,
          purpose,
          target_id: target,
          reason: purpose === 'publish' ? null : input.reason!.trim(),
          kind: kind!,
          title: title!,
          content: doc ? JSON.stringify(doc) : null,
          interpretation_of_draft: input.interpretationOfDraft ?? null,
          state: 'draft',
          workflow_version: wf,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await DRAFT_LOG.append(trx, id, regionCode, { action: 'create', from: null, to: 'draft', actor: stepActorOf(who), payload: { purpose, targetId: target }, at: now });
      await this.ctx.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'created',
        objectType: 'openness.draft',
        objectId: id,
        regionCode,
        change: { purpose, title: title!, kind: kind!, targetId: target, number: doc?.number ?? null },
        event: { topic: DRAFT_CREATED, payload: { id } },
        requestId,
      });
    });
    return { id, version: 1 };
  }

  /** A new text while drafting (also after a return), by an editor of the department; the last check no longer holds. */
  async update(who: Principal, id: string, input: DraftUpdate, requestId?: string): Promise<{ id: string; version: number }> {
    const row = await this.visibleRow(who, id);
    if (row.state !== 'draft') throw ReviewErrors.notEditable();
    if (!this.mayEdit(who, row)) throw ReviewErrors.notEditor();
    if (input.expectedVersion !== row.version) throw ReviewErrors.changed();
    const bad = (path: string, message: string) => Errors.validation([{ path, message }]);
    if (row.purpose === 'withdraw' && input.document) throw bad('/document', 'a withdrawal has no text / 撤回无需正文');
    if (input.interpretationOfDraft !== undefined && row.purpose !== 'publish') throw bad('/interpretationOfDraft', 'only for a new 解读 / 仅新发布的解读');
    if (input.reason !== undefined && row.purpose === 'publish') throw bad('/reason', 'only for a change or withdrawal / 仅修改或撤回时填写');
    const originalDraft = input.interpretationOfDraft ?? row.interpretation_of_draft;
    if (originalDraft === row.id) throw ReviewErrors.originalMissing('/interpretationOfDraft');
    let doc = row.content;
    if (input.document) {
      const attached = (row.content?.attachments ?? []).map((a) => a.fileId);
      doc = await this.documentOf(who, input.document, row.department_id, row.region_code, attached);
    }
    if (doc) await this.validate(doc, { id: row.id, regionCode: row.region_code, target: row.target_id, originalDraft });
    const now = this.ctx.k.clock.now();
    await this.ctx.k.db.transaction().execute(async (trx) => {
      const main = reviewDb(trx)
        .updateTable('openness_draft')
        .set({
          content: doc ? JSON.stringify(doc) : null,
          title: doc?.title ?? row.title,
          kind: doc?.kind ?? row.kind,
          reason: input.reason?.trim() ?? row.reason,
          interpretation_of_draft: originalDraft,
          check_state: 'unchecked',
          version: row.version + 1,
          updated_at: now,
        })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .returning(['id', 'region_code']);
      const done = await this.ctx.k.tracedWrite(
        trx,
        main,
        {
          actor: actorOf(who),
          action: 'edited',
          objectType: 'openness.draft',
          objectId: row.id,
          regionCode: row.region_code,
          change: { title: doc?.title ?? row.title, version: row.version + 1 },
          event: { topic: DRAFT_EDITED, payload: { id: row.id, version: row.version + 1 } },
          requestId,
        },
        DRAFT_LOG.appendFrom('main', { action: 'edit', from: row.state, to: row.state, actor: stepActorOf(who), payload: { version: row.version + 1 }, at: now }),
      );
      if (done.length === 0) throw ReviewErrors.changed();
    });
    return { id: row.id, version: row.version + 1 };
  }

  /**
   * One step by its public code: 提交 (runs the content check), 保密审查 (pass or return), 审批
   * (approve — publishing — or return), 作废.
   */
  async act(who: Principal, id: string, code: string, body: ActionBody, requestId?: string): Promise<Stepped> {
    const row = await this.rowForStep(who, id, code);
    if (body.expectedVersion !== row.version) throw ReviewErrors.changed();
    const input: DraftActionInput = { action: code, expectedVersion: row.version, opinion: body.opinion, basis: body.basis, reason: body.reason, outcome: body.outcome };
    const inDept = who.departmentId === row.department_id;
    const scope = { regionCode: row.region_code, departmentId: row.department_id };
    if (code === 'submit') {
      if (row.state !== 'draft') throw ReviewErrors.notInState();
      if (!this.mayEdit(who, row)) throw ReviewErrors.notEditor();
      if (row.purpose === 'withdraw') input.action = 'submit_withdrawal';
      else {
        const doc = row.content!;
        await this.validate(doc, { id: row.id, regionCode: row.region_code, target: row.target_id, originalDraft: row.interpretation_of_draft });
        Object.assign(input, await this.runCheck(row, doc));
        input.action = input.checkState === 'blocked' ? 'submit_blocked' : 'submit';
      }
    } else if (code === 'secrecy') {
      if (row.state !== 'secrecy_review') throw ReviewErrors.notInState();
      if (!(inDept && who.roles.includes('secrecy_reviewer') && this.ctx.policy.can(who, 'openness.secrecy', scope))) throw ReviewErrors.notSecrecyReviewer();
      const outcome = body.outcome ?? 'pass';
      if (outcome !== 'pass' && outcome !== 'return') throw ReviewErrors.outcome(['pass', 'return']);
      input.outcome = outcome;
      if (outcome === 'pass') {
        const open = (await this.currentFindings(row)).filter((f) => f.state === 'open').length;
        if (open) throw ReviewErrors.openFindings(open);
        input.action = 'secrecy_pass';
      } else {
        input.action = 'secrecy_return';
        input.reason = body.reason ?? body.opinion;
      }
    } else if (code === 'approve') {
      if (row.state !== 'approval') throw ReviewErrors.notInState();
      if (!(inDept && who.roles.includes('leader') && this.ctx.policy.can(who, 'openness.approve', scope))) throw ReviewErrors.notLeader();
      const outcome = body.outcome ?? 'approve';
      if (outcome !== 'approve' && outcome !== 'return') throw ReviewErrors.outcome(['approve', 'return']);
      input.outcome = outcome;
      if (outcome === 'return') {
        input.action = 'approve_return';
        input.reason = body.reason ?? body.opinion;
      } else {
        input.action = 'approve';
        await this.prepareApproval(row, input);
      }
    } else if (code === 'discard') {
      if (row.state !== 'draft') throw ReviewErrors.notInState();
      if (!this.mayEdit(who, row)) throw ReviewErrors.notEditor();
    } else throw ReviewErrors.unknownAction(code);
    const r = await act(this.ctx.k, this.kind, who, row.id, input, requestId);
    const out: Stepped = { id: row.id, state: r.to, version: r.row.version + 1 };
    if (code === 'submit' && row.purpose !== 'withdraw') {
      const fresh = await reviewDb(this.ctx.k.db).selectFrom('openness_draft').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
      out.check = input.checkState;
      out.findings = (await this.currentFindings(fresh)).map((f) => this.findingView(f));
    }
    if (input.published) out.published = input.published;
    return out;
  }

  /** The content check of a draft's text; waivers of the same finding in an earlier round carry over. */
  private async runCheck(row: DraftRow, doc: DocumentInput): Promise<Pick<DraftActionInput, 'findings' | 'checkState'>> {
    const terms = await this.lexicon.activeTerms(row.region_code);
    const found = checkContent(textsOf(doc), terms, this.ctx.k.clock.now());
    const waived = await reviewDb(this.ctx.k.db).selectFrom('openness_draft_finding').selectAll().where('draft_id', '=', row.id).where('state', '=', 'waived').execute();
    const findings = found.map((f) => {
      const w = f.waivable && waived.find((x) => x.kind === f.kind && x.field === f.field && x.item === f.item && x.excerpt === f.excerpt);
      return w ? { ...f, state: 'waived' as const, waivedBy: w.waived_by, waivedByName: w.waived_by_name, waiveReason: w.waive_reason, waivedAt: w.waived_at } : { ...f, state: 'open' as const };
    });
    const checkState = findings.some((f) => !f.waivable) ? 'blocked' : findings.some((f) => f.state === 'open') ? 'review' : 'clear';
    return { findings, checkState };
  }

  /**
   * Before 审批 writes anything: the document as it will be published (a 解读's 原文 resolved), the
   * library's check, the 同步解读 rule, and the 解读 drafts that go out with a 原文.
   */
  private async prepareApproval(row: DraftRow, input: DraftActionInput): Promise<void> {
    need(this.ctx, 'library');
    if (row.purpose === 'withdraw') return;
    const doc: DocumentInput = { ...row.content! };
    if (row.interpretation_of_draft) {
      const original = await this.originalDraft(row.interpretation_of_draft, row.region_code);
      if (original.state !== 'published' || !original.published_id) throw ReviewErrors.originalNotPublished();
      doc.interpretationOf = original.published_id;
    }
    if (doc.kind === 'interpretation' && doc.interpretationOf) {
      const orig = await need(this.ctx, 'library').get(this.ctx.k.db, doc.interpretationOf);
      if (!orig) throw ReviewErrors.originalMissing('/document/interpretationOf');
      if (orig.state !== 'published') throw ReviewErrors.originalNotPublished();
    }
    await this.validate(doc, { id: row.id, regionCode: row.region_code, target: row.target_id, originalDraft: null });
    input.publish = doc;
    if (row.purpose !== 'publish') return;
    const companions = await reviewDb(this.ctx.k.db)
      .selectFrom('openness_draft')
      .selectAll()
      .where('interpretation_of_draft', '=', row.id)
      .where('state', '=', 'approval')
      .orderBy('created_at')
      .execute();
    const settings = await reviewSettings(this.ctx.k.settings, row.region_code);
    if (settings.requireInterpretation && NEEDS_INTERPRETATION.includes(doc.kind) && !companions.length) throw ReviewErrors.interpretationRequired();
    // Each companion is checked as publishing would, as if its 原文 were out already.
    for (const c of companions) await this.validate({ ...c.content!, interpretationOf: null }, { id: c.id, regionCode: c.region_code, target: null, originalDraft: row.id });
    input.companions = companions.map((c) => ({ id: c.id, version: c.version, input: { ...c.content! } }));
  }

  /** 同步发布: a 解读 published right after its 原文, in the 原文's approving transaction. */
  async publishCompanion(trx: Tx, who: Principal, c: { id: string; version: number }, original: DraftRow, p: { id: string; indexNo: string }, now: Date): Promise<void> {
    const main = reviewDb(trx)
      .updateTable('openness_draft')
      .set({ state: 'published', version: c.version + 1, updated_at: now, approver_id: who.accountId, approver_name: who.name, approved_at: now, published_id: p.id, published_index_no: p.indexNo })
      .where('id', '=', c.id)
      .where('version', '=', c.version)
      .where('state', '=', 'approval')
      .returning(['id', 'region_code']);
    const done = await this.ctx.k.tracedWrite(
      trx,
      main,
      {
        actor: actorOf(who),
        action: 'publish_with_original',
        objectType: 'openness.draft',
        objectId: c.id,
        regionCode: original.region_code,
        change: { from: 'approval', to: 'published', originalDraft: original.id, publishedId: p.id, indexNo: p.indexNo },
        event: {
          topic: DRAFT_STEPPED,
          payload: { id: c.id, action: 'publish_with_original', from: 'approval', to: 'published', departmentId: original.department_id, purpose: 'publish', title: '', publishedId: p.id },
        },
      },
      DRAFT_LOG.appendFrom('main', {
        action: 'publish_with_original',
        from: 'approval',
        to: 'published',
        actor: stepActorOf(who),
        opinion: null,
        payload: { originalDraft: original.id, publishedId: p.id, indexNo: p.indexNo, date: cstDate(now) },
        at: now,
      }),
    );
    if (!done.length) throw ReviewErrors.changed();
  }

  /** 认定误报: the department's 保密审查员 waives a phone or address finding with a reason; kept with who and why. */
  async waive(who: Principal, id: string, findingId: string, body: { expectedVersion: number; reason: string }, requestId?: string): Promise<FindingView> {
    const row = await this.rowForStep(who, id, 'secrecy');
    if (row.state !== 'secrecy_review') throw ReviewErrors.notInState();
    if (!(
      who.departmentId === row.department_id &&
      who.roles.includes('secrecy_reviewer') &&
      this.ctx.policy.can(who, 'openness.secrecy', { regionCode: row.region_code, departmentId: row.department_id })
    ))
      throw ReviewErrors.notSecrecyReviewer();
    if (!UUID.test(findingId)) throw ReviewErrors.findingNotFound();
    const reason = body.reason.trim();
    if (reason.length < 2) throw Errors.validation([{ path: '/reason', message: 'required / 必填' }]);
    const f = await reviewDb(this.ctx.k.db).selectFrom('openness_draft_finding').selectAll().where('id', '=', findingId).where('draft_id', '=', row.id).executeTakeFirst();
    if (!f || f.round !== row.check_round) throw ReviewErrors.findingNotFound();
    if (!f.waivable) throw ReviewErrors.notWaivable();
    if (f.state !== 'open') throw ReviewErrors.findingDone();
    if (body.expectedVersion !== row.version) throw ReviewErrors.changed();
    const now = this.ctx.k.clock.now();
    return this.ctx.k.db.transaction().execute(async (trx) => {
      const updated = await reviewDb(trx)
        .updateTable('openness_draft_finding')
        .set({ state: 'waived', waived_by: who.accountId, waived_by_name: who.name, waive_reason: reason, waived_at: now })
        .where('id', '=', f.id)
        .where('state', '=', 'open')
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw ReviewErrors.findingDone();
      const open = await reviewDb(trx).selectFrom('openness_draft_finding').select('id').where('draft_id', '=', row.id).where('round', '=', row.check_round).where('state', '=', 'open').execute();
      const main = reviewDb(trx)
        .updateTable('openness_draft')
        .set({ version: row.version + 1, updated_at: now, check_state: open.length ? 'review' : 'clear' })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .returning(['id', 'region_code']);
      const payload = { findingId: f.id, kind: f.kind, field: f.field, paragraph: f.paragraph, excerpt: f.excerpt };
      const done = await this.ctx.k.tracedWrite(
        trx,
        main,
        {
          actor: actorOf(who),
          action: 'waive',
          objectType: 'openness.draft',
          objectId: row.id,
          regionCode: row.region_code,
          change: { ...payload, reason },
          event: {
            topic: DRAFT_STEPPED,
            payload: { id: row.id, action: 'waive', from: row.state, to: row.state, departmentId: row.department_id, purpose: row.purpose, title: row.title, publishedId: null },
          },
          requestId,
        },
        DRAFT_LOG.appendFrom('main', { action: 'waive', from: row.state, to: row.state, actor: stepActorOf(who), opinion: reason, payload, at: now }),
      );
      if (!done.length) throw ReviewErrors.changed();
      return this.findingView(updated);
    });
  }
}
