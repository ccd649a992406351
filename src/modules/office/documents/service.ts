import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Readable } from 'node:stream';
import type { Executor } from '../../../kernel/db/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, assertAllowed, regionWithin, type Principal } from '../../../kernel/policy/index.ts';
import { ActionLog, WorkflowVersions, act, availableActions, stepActorOf, type RecordKind } from '../../../kernel/workflow/index.ts';
import type { OfficeContext } from '../area.ts';
import type { ArchivableRecord, TodoItem } from '../ports.ts';
import type { OfficialDocumentModel } from '../render/index.ts';
import { diffContents } from './diff.ts';
import { DocumentErrors } from './errors.ts';
import { DOCUMENT_DRAFTED, DOCUMENT_EDITED } from './events.ts';
import { officialModel } from './model.ts';
import type { ActionBody, Change, DocumentContent, DocumentInput, DocumentSummary, DocumentUpdate, DocumentView } from './schema.ts';
import { documentKind, type DocActionInput } from './steps.ts';
import { documentsDb, type OfficeDocumentTable } from './tables.ts';
import { ACTION_LABELS, DOCUMENT_WORKFLOW, EDITABLE_STATES, PUBLIC_CODE } from './workflow.ts';

export type DocRow = Selectable<OfficeDocumentTable>;
export type Render = (model: OfficialDocumentModel) => Promise<Uint8Array>;

/** The 公文 action log (办理过程), of the kernel's one shape. */
export const DOCUMENT_LOG = new ActionLog('office_document_action', 'document_id');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_DEPT = '00000000-0000-0000-0000-000000000000';
const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());
const uniq = (xs: readonly string[] = []) => [...new Set(xs)];

/** What each state asks of the person it waits for (the 待办 list). */
const TODO_ACTION: Record<string, [string, string]> = {
  reviewing: ['核稿', 'Review'],
  countersigning: ['会签', 'Countersign'],
  signing: ['签发', 'Sign off'],
  signed: ['编号', 'Assign the number'],
  numbered: ['用印', 'Apply the seal'],
  sealed: ['分发', 'Distribute'],
};

/**
 * 发文: drafting and editing a 公文 (each edit a new text version), its steps on the kernel's action
 * engine (steps.ts), the boxes and the 待办 it puts before each person, its view with 修改痕迹, and
 * its rendered and sealed PDF.
 */
export class Documents {
  readonly workflows: WorkflowVersions;
  private readonly kind: RecordKind<DocRow, DocActionInput>;

  constructor(
    readonly ctx: OfficeContext,
    public render: Render,
  ) {
    this.workflows = new WorkflowVersions(ctx.k.db, 'office_document_workflow', DOCUMENT_WORKFLOW);
    this.kind = documentKind(this);
  }

  private get db() {
    return documentsDb(this.ctx.k.db);
  }

  // ---------- reading ----------

  /** The document, if the caller may see it: its unit, its drafter, a 会签 or receiving unit, or the region's supervisors. */
  async visibleRow(who: Principal, id: string, ex: Executor = this.ctx.k.db): Promise<DocRow> {
    assertAllowed(this.ctx.policy, who, 'office.use');
    if (!UUID.test(id)) throw DocumentErrors.notFound();
    const row = await documentsDb(ex).selectFrom('office_document').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !regionWithin(row.region_code, who.regionCode)) throw DocumentErrors.notFound();
    if (await this.maySee(who, row, ex)) return row;
    throw DocumentErrors.notFound();
  }

  private async maySee(who: Principal, row: DocRow, ex: Executor): Promise<boolean> {
    const scope = { regionCode: row.region_code };
    if (who.accountId === row.drafter_id || (who.departmentId && who.departmentId === row.issuing_department_id)) return true;
    if (this.ctx.policy.can(who, 'office.supervise', scope) || this.ctx.policy.can(who, 'office.manage', scope)) return true;
    if (!who.departmentId) return false;
    if (row.state === 'distributed' && row.recipient_ids.includes(who.departmentId)) return true;
    const cs = await documentsDb(ex)
      .selectFrom('office_document_countersign')
      .select('department_id')
      .where('document_id', '=', row.id)
      .where('department_id', '=', who.departmentId)
      .executeTakeFirst();
    return !!cs;
  }

  async countersigns(id: string, ex: Executor = this.ctx.k.db) {
    return documentsDb(ex).selectFrom('office_document_countersign').selectAll().where('document_id', '=', id).orderBy('department_id').execute();
  }

  private async names(ids: readonly string[]) {
    return this.ctx.org.departmentNames(ids);
  }

  async view(who: Principal, id: string): Promise<DocumentView> {
    const row = await this.visibleRow(who, id);
    const c = row.content;
    const [countersigns, history, versions, def] = await Promise.all([
      this.countersigns(row.id),
      DOCUMENT_LOG.history(this.ctx.k.db, row.id),
      this.db.selectFrom('office_document_version').select(['n', 'at', 'by_name', 'step']).where('document_id', '=', row.id).orderBy('n').execute(),
      this.workflows.get(row.workflow_version),
    ]);
    const names = await this.names([row.issuing_department_id, ...c.mainRecipients, ...c.ccRecipients, ...countersigns.map((x) => x.department_id), ...history.map((h) => h.department_id ?? NO_DEPT)]);
    const name = (deptId: string) => names.get(deptId)?.name ?? deptId;
    const label = (code: string) => def.actions.find((a) => a.code === code) ?? ACTION_LABELS[code] ?? { zh: code, en: code };
    const distributedAt = iso(row.distributed_at);
    return {
      id: row.id,
      state: row.state,
      stateZh: def.states[row.state]?.zh ?? row.state,
      stateEn: def.states[row.state]?.en ?? row.state,
      title: c.title,
      docType: c.docType,
      docWord: row.doc_word,
      docNumber: row.doc_number,
      issuingDepartment: { id: row.issuing_department_id, name: name(row.issuing_department_id) },
      drafter: { id: row.drafter_id, name: row.drafter_name },
      urgency: c.urgency,
      secrecy: c.secrecy,
      secrecyPeriod: c.secrecyPeriod,
      mainRecipients: c.mainRecipients.map((d) => ({ id: d, name: name(d) })),
      ccRecipients: c.ccRecipients.map((d) => ({ id: d, name: name(d) })),
      externalRecipients: c.externalRecipients,
      body: c.body,
      attachments: c.attachments,
      note: c.note,
      public: c.public,
      countersignDepartmentIds: c.countersignDepartmentIds,
      textVersion: row.text_version,
      versions: versions.map((v) => ({ n: v.n, at: iso(v.at)!, by: v.by_name, step: v.step })),
      steps: history.map((h) => {
        const p = (h.payload ?? {}) as Record<string, unknown>;
        const l = label(h.action);
        return {
          action: PUBLIC_CODE[h.action] ?? h.action,
          zh: l.zh,
          en: l.en,
          actor: h.actor_name,
          unit: h.department_id ? name(h.department_id) : null,
          opinion: h.opinion,
          outcome: typeof p.outcome === 'string' ? p.outcome : null,
          textVersion: typeof p.textVersion === 'number' ? p.textVersion : null,
          at: iso(h.at)!,
        };
      }),
      countersigns: countersigns.map((x) => ({
        departmentId: x.department_id,
        name: name(x.department_id),
        state: x.state as 'pending' | 'agreed' | 'disagreed',
        opinion: x.opinion,
        actor: x.actor_name,
        textVersion: x.text_version,
        at: iso(x.at),
      })),
      signedBy: row.signed_by_name,
      signedAt: iso(row.signed_at),
      sealed: row.sealed_file_id ? { identifier: row.sealed_identifier!, fileId: row.sealed_file_id, sealName: row.seal_name!, sealedAt: iso(row.sealed_at)! } : null,
      distribution: distributedAt
        ? [
            ...c.mainRecipients.map((d) => ({ departmentId: d, name: name(d), kind: 'main' as const, at: distributedAt })),
            ...c.ccRecipients.map((d) => ({ departmentId: d, name: name(d), kind: 'cc' as const, at: distributedAt })),
            ...c.externalRecipients.map((n) => ({ departmentId: null, name: n, kind: 'external' as const, at: distributedAt })),
          ]
        : [],
      availableActions: this.actionsFor(who, row, def, countersigns),
      editable: this.mayEdit(who, row),
      version: row.version,
      createdAt: iso(row.created_at)!,
      updatedAt: iso(row.updated_at)!,
    };
  }

  /** The buttons a page offers: what the definition allows this person now, less what the area's own rules refuse. */
  private actionsFor(who: Principal, row: DocRow, def: typeof DOCUMENT_WORKFLOW, countersigns: { department_id: string; state: string }[]) {
    const actor = { kind: 'staff' as const, roles: who.roles, departmentId: who.departmentId };
    const codes = uniq(availableActions(def, row.state, actor, row.issuing_department_id).map((a) => PUBLIC_CODE[a.code] ?? a.code));
    return codes
      .filter((code) => {
        if (code === 'submit') return who.accountId === row.drafter_id;
        if (code === 'countersign') return countersigns.some((x) => x.department_id === who.departmentId && x.state === 'pending');
        return true;
      })
      .map((code) => ({ code, ...ACTION_LABELS[code] }));
  }

  private mayEdit(who: Principal, row: DocRow): boolean {
    if (!EDITABLE_STATES.includes(row.state)) return false;
    if (row.state === 'draft' && who.accountId === row.drafter_id && this.ctx.policy.can(who, 'office.draft', { regionCode: row.region_code })) return true;
    return who.departmentId === row.issuing_department_id && this.ctx.policy.can(who, 'office.clerk', { regionCode: row.region_code, departmentId: row.issuing_department_id });
  }

  /** The boxes: my drafts, what waits for me now, everything I may see. Newest first, keyset pages. */
  async list(who: Principal, q: { box?: 'drafts' | 'waiting' | 'all'; after?: string; limit?: number }): Promise<{ items: DocumentSummary[]; next: string | null }> {
    assertAllowed(this.ctx.policy, who, 'office.use');
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.after, 2);
    // A cursor is opaque to clients, but a hand-made one must be refused, not reach the SQL.
    if (cursor && (Number.isNaN(Date.parse(String(cursor[0]))) || !UUID.test(String(cursor[1])))) throw Errors.validation([{ path: '/after', message: 'invalid cursor / 无效的分页游标' }]);
    let query = this.boxQuery(who, q.box ?? 'waiting', this.ctx.k.db);
    if (cursor) query = query.where(sql<boolean>`(d.created_at, d.id) < (${new Date(String(cursor[0]))}, ${String(cursor[1])}::uuid)`);
    const rows = await query
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = pageOf(rows, limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
    const names = await this.names(page.items.map((r) => r.issuing_department_id));
    const def = DOCUMENT_WORKFLOW;
    return {
      items: page.items.map((r) => ({
        id: r.id,
        state: r.state,
        stateZh: def.states[r.state]?.zh ?? r.state,
        stateEn: def.states[r.state]?.en ?? r.state,
        title: r.title,
        docType: r.doc_type,
        docNumber: r.doc_number,
        urgency: r.urgency,
        secrecy: r.secrecy,
        issuingDepartment: { id: r.issuing_department_id, name: names.get(r.issuing_department_id)?.name ?? '' },
        drafter: { id: r.drafter_id, name: r.drafter_name },
        textVersion: r.text_version,
        createdAt: iso(r.created_at)!,
        updatedAt: iso(r.updated_at)!,
        version: r.version,
      })),
      next: page.next,
    };
  }

  /** One indexed query per box; `waiting` is exactly what the action engine would let this person do now. */
  private boxQuery(who: Principal, box: 'drafts' | 'waiting' | 'all', ex: Executor) {
    const p = this.ctx.policy;
    const dept = who.departmentId ?? NO_DEPT;
    const scope = { regionCode: who.regionCode, departmentId: who.departmentId };
    const base = documentsDb(ex)
      .selectFrom('office_document as d')
      .select([
        'd.id',
        'd.state',
        'd.title',
        'd.doc_type',
        'd.doc_number',
        'd.urgency',
        'd.secrecy',
        'd.issuing_department_id',
        'd.drafter_id',
        'd.drafter_name',
        'd.text_version',
        'd.created_at',
        'd.updated_at',
        'd.version',
      ])
      .where('d.region_code', 'like', `${who.regionCode}%`);
    const pendingForMe = sql<boolean>`EXISTS (SELECT 1 FROM office_document_countersign c WHERE c.document_id = d.id AND c.department_id = ${dept}::uuid AND c.state = 'pending')`;
    if (box === 'drafts') return base.where('d.drafter_id', '=', who.accountId).where('d.state', '=', 'draft');
    if (box === 'waiting') {
      const clerk = !!who.departmentId && who.roles.includes('office_clerk') && p.can(who, 'office.clerk', scope);
      const leader = !!who.departmentId && who.roles.includes('leader') && p.can(who, 'office.sign', scope);
      return base.where((eb) =>
        eb.or([
          ...(clerk ? [eb.and([eb('d.issuing_department_id', '=', dept), eb('d.state', 'in', ['reviewing', 'signed', 'numbered', 'sealed'])])] : []),
          ...(leader ? [eb.and([eb('d.issuing_department_id', '=', dept), eb('d.state', '=', 'signing')])] : []),
          ...(clerk || leader ? [eb.and([eb('d.state', '=', 'countersigning'), pendingForMe])] : []),
          sql<boolean>`false`,
        ]),
      );
    }
    if (p.can(who, 'office.supervise', { regionCode: who.regionCode }) || p.can(who, 'office.manage', { regionCode: who.regionCode })) return base;
    return base.where((eb) =>
      eb.or([
        eb('d.issuing_department_id', '=', dept),
        eb('d.drafter_id', '=', who.accountId),
        sql<boolean>`EXISTS (SELECT 1 FROM office_document_countersign c WHERE c.document_id = d.id AND c.department_id = ${dept}::uuid)`,
        eb.and([eb('d.state', '=', 'distributed'), sql<boolean>`${dept}::uuid = ANY (d.recipient_ids)`]),
      ]),
    );
  }

  /** The 待办 source: what waits for this person, with 签发 flagged as a leader's signature. */
  async todos(who: Principal, ex: Executor): Promise<TodoItem[]> {
    if (!this.ctx.policy.can(who, 'office.use')) return [];
    const rows = await this.boxQuery(who, 'waiting', ex).orderBy('d.updated_at').limit(200).execute();
    return rows.map((r) => ({
      kind: 'document' as const,
      id: r.id,
      title: r.title,
      actionZh: TODO_ACTION[r.state]?.[0] ?? r.state,
      actionEn: TODO_ACTION[r.state]?.[1] ?? r.state,
      state: r.state,
      dueAt: null,
      light: null,
      signature: r.state === 'signing',
      link: `/workbench/office/documents/${r.id}`,
      since: iso(r.updated_at)!,
    }));
  }

  async versionText(who: Principal, id: string, n: number) {
    const row = await this.visibleRow(who, id);
    const v = await this.db.selectFrom('office_document_version').selectAll().where('document_id', '=', row.id).where('n', '=', n).executeTakeFirst();
    if (!v) throw DocumentErrors.versionNotFound(n);
    return { n: v.n, at: iso(v.at)!, by: v.by_name, step: v.step, ...v.content };
  }

  async diff(who: Principal, id: string, from: number, to: number): Promise<{ from: number; to: number; changes: Change[] }> {
    if (from >= to) throw DocumentErrors.badRange();
    const row = await this.visibleRow(who, id);
    const vs = await this.db.selectFrom('office_document_version').select(['n', 'content']).where('document_id', '=', row.id).where('n', 'in', [from, to]).execute();
    const a = vs.find((v) => v.n === from);
    const b = vs.find((v) => v.n === to);
    if (!a) throw DocumentErrors.versionNotFound(from);
    if (!b) throw DocumentErrors.versionNotFound(to);
    const ids = [a.content, b.content].flatMap((c) => [...c.mainRecipients, ...c.ccRecipients, ...c.countersignDepartmentIds]);
    const names = await this.names(ids);
    return { from, to, changes: diffContents(a.content, b.content, (d) => names.get(d)?.name ?? d) };
  }

  // ---------- writing the text ----------

  /** The 机关代字 a unit may issue under, its default first. */
  async wordsOf(departmentId: string, regionCode: string, ex: Executor = this.ctx.k.db): Promise<string[]> {
    const dept = (await this.ctx.org.departmentsWithin(regionCode, ex)).find((d) => d.id === departmentId);
    if (!dept) return [];
    const rows = await documentsDb(ex)
      .selectFrom('office_doc_word')
      .select(['word', 'is_default'])
      .where('department_code', '=', dept.code)
      .where('region_code', 'in', uniq([dept.regionCode, dept.regionCode.slice(0, 6)]))
      .orderBy('is_default', 'desc')
      .orderBy('word')
      .execute();
    return rows.map((r) => r.word);
  }

  /** Checks the input against the region's units and files; returns the content to store. */
  private async contentOf(who: Principal, input: DocumentInput, issuing: { id: string; regionCode: string }, ex: Executor, attached: readonly string[] = []): Promise<DocumentContent> {
    const words = await this.wordsOf(issuing.id, issuing.regionCode, ex);
    if (!words.length) throw DocumentErrors.noDocWord();
    const docWord = input.docWord ?? words[0];
    if (!words.includes(docWord)) throw DocumentErrors.docWordNotAllowed(docWord, words);
    const main = uniq(input.mainRecipients);
    const cc = uniq(input.ccRecipients).filter((d) => !main.includes(d));
    const countersign = uniq(input.countersignDepartmentIds);
    if (countersign.includes(issuing.id)) throw DocumentErrors.selfCountersign();
    const known = await this.ctx.org.departmentNames([...main, ...cc, ...countersign], ex);
    const county = issuing.regionCode.slice(0, 6);
    for (const [path, ids] of [
      ['/mainRecipients', main],
      ['/ccRecipients', cc],
      ['/countersignDepartmentIds', countersign],
    ] as const) {
      const bad = ids.filter((d) => {
        const k = known.get(d);
        return !k || !k.active || !k.regionCode.startsWith(county);
      });
      if (bad.length) throw DocumentErrors.unknownDepartments(path, bad);
    }
    const attachments = input.attachments ?? [];
    // An attachment is a file the editor uploaded, or one already on the document: never someone else's upload.
    for (const [i, a] of attachments.entries()) {
      if (!a.fileId || attached.includes(a.fileId)) continue;
      const f = await this.ctx.k.files.find(a.fileId);
      if (!f || f.ownerId !== who.accountId) throw DocumentErrors.unknownFile(i);
    }
    return {
      title: input.title.trim(),
      docType: input.docType,
      docWord,
      urgency: input.urgency ?? null,
      secrecy: input.secrecy ?? null,
      secrecyPeriod: input.secrecy ? (input.secrecyPeriod ?? null) : null,
      mainRecipients: main,
      externalRecipients: uniq((input.externalRecipients ?? []).map((n) => n.trim())).filter(Boolean),
      ccRecipients: cc,
      body: input.body.replace(/\r\n?/g, '\n'),
      attachments: attachments.map((a) => (a.fileId ? { name: a.name, fileId: a.fileId } : { name: a.name })),
      note: input.note?.trim() || null,
      countersignDepartmentIds: countersign,
      public: input.public ?? false,
    };
  }

  private columnsOf(c: DocumentContent) {
    return { title: c.title, doc_type: c.docType, doc_word: c.docWord, urgency: c.urgency, secrecy: c.secrecy, content: JSON.stringify(c), recipient_ids: [...c.mainRecipients, ...c.ccRecipients] };
  }

  /** 拟稿: the issuing unit is the drafter's department; text version 1. */
  async create(who: Principal, input: DocumentInput, requestId?: string): Promise<{ id: string; version: number }> {
    assertAllowed(this.ctx.policy, who, 'office.draft', { regionCode: who.regionCode, departmentId: who.departmentId });
    if (!who.departmentId) throw Errors.forbidden();
    const unit = (await this.ctx.org.departmentNames([who.departmentId])).get(who.departmentId);
    if (!unit) throw Errors.forbidden();
    const content = await this.contentOf(who, input, { id: who.departmentId, regionCode: unit.regionCode }, this.ctx.k.db);
    const id = uuidv7();
    const now = this.ctx.k.clock.now();
    await this.ctx.k.db.transaction().execute(async (trx) => {
      const { version: wf } = await this.workflows.latest(trx);
      const db = documentsDb(trx);
      await db
        .insertInto('office_document')
        .values({
          id,
          region_code: unit.regionCode,
          issuing_department_id: who.departmentId!,
          drafter_id: who.accountId,
          drafter_name: who.name,
          state: 'draft',
          workflow_version: wf,
          ...this.columnsOf(content),
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('office_document_version')
        .values({ document_id: id, n: 1, region_code: unit.regionCode, content: JSON.stringify(content), step: 'draft', by_id: who.accountId, by_name: who.name, at: now })
        .execute();
      await DOCUMENT_LOG.append(trx, id, unit.regionCode, { action: 'draft', from: null, to: 'draft', actor: stepActorOf(who), payload: { textVersion: 1 }, at: now });
      await this.ctx.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'drafted',
        objectType: 'office.document',
        objectId: id,
        regionCode: unit.regionCode,
        change: { title: content.title, docType: content.docType, docWord: content.docWord, textVersion: 1 },
        event: { topic: DOCUMENT_DRAFTED, payload: { id } },
        requestId,
      });
    });
    return { id, version: 1 };
  }

  /** A new text version, by the drafter while drafting or a clerk of the issuing unit until 签发. */
  async update(who: Principal, id: string, input: DocumentUpdate, requestId?: string): Promise<{ id: string; version: number; textVersion: number }> {
    const row = await this.visibleRow(who, id);
    if (!EDITABLE_STATES.includes(row.state)) throw DocumentErrors.signed();
    if (!this.mayEdit(who, row)) throw DocumentErrors.notEditor();
    if (input.expectedVersion !== row.version) throw DocumentErrors.changed();
    const { expectedVersion: _v, ...fields } = input;
    void _v;
    // Leaving out the 机关代字 keeps the one chosen when drafting, not the unit's default.
    const attached = row.content.attachments.flatMap((a) => (a.fileId ? [a.fileId] : []));
    const content = await this.contentOf(who, { ...fields, docWord: fields.docWord ?? row.doc_word }, { id: row.issuing_department_id, regionCode: row.region_code }, this.ctx.k.db, attached);
    // 会签 is asked of the departments listed when review passed; a later list would leave answers orphaned.
    const before = row.content.countersignDepartmentIds;
    if (!['draft', 'reviewing'].includes(row.state) && (before.length !== content.countersignDepartmentIds.length || before.some((d) => !content.countersignDepartmentIds.includes(d))))
      throw DocumentErrors.countersignFixed();
    const n = row.text_version + 1;
    const now = this.ctx.k.clock.now();
    await this.ctx.k.db.transaction().execute(async (trx) => {
      await documentsDb(trx)
        .insertInto('office_document_version')
        .values({ document_id: row.id, n, region_code: row.region_code, content: JSON.stringify(content), step: row.state, by_id: who.accountId, by_name: who.name, at: now })
        .execute();
      const main = documentsDb(trx)
        .updateTable('office_document')
        .set({ ...this.columnsOf(content), text_version: n, version: row.version + 1, updated_at: now })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .returning(['id', 'region_code']);
      const done = await this.ctx.k.tracedWrite(
        trx,
        main,
        {
          actor: actorOf(who),
          action: 'edited',
          objectType: 'office.document',
          objectId: row.id,
          regionCode: row.region_code,
          change: { textVersion: n, state: row.state },
          event: { topic: DOCUMENT_EDITED, payload: { id: row.id, textVersion: n } },
          requestId,
        },
        DOCUMENT_LOG.appendFrom('main', { action: 'edit', from: row.state, to: row.state, actor: stepActorOf(who), payload: { textVersion: n }, at: now }),
      );
      if (done.length === 0) throw DocumentErrors.changed();
    });
    return { id: row.id, version: row.version + 1, textVersion: n };
  }

  // ---------- steps ----------

  /**
   * One step by its public code. 核稿 and 签发 pass or return; 会签 agrees or disagrees, and the
   * last department's answer moves the document on to 签发 in the same step.
   */
  async act(who: Principal, id: string, code: string, body: ActionBody, requestId?: string): Promise<{ id: string; state: string; version: number }> {
    const row = await this.visibleRow(who, id);
    let action = code;
    let outcome: string | undefined = body.outcome;
    const returning = () => ({ reason: body.reason ?? body.opinion });
    let extra: Partial<DocActionInput> = {};
    if (code === 'review') {
      outcome ??= 'pass';
      if (outcome !== 'pass' && outcome !== 'return') throw DocumentErrors.outcome(['pass', 'return']);
      action = outcome === 'return' ? 'review_return' : row.content.countersignDepartmentIds.length ? 'review_pass' : 'review_pass_direct';
      if (outcome === 'return') extra = returning();
    } else if (code === 'countersign') {
      outcome = body.decision ?? body.outcome;
      if (outcome !== 'agree' && outcome !== 'disagree') throw DocumentErrors.outcome(['agree', 'disagree']);
      if (row.state === 'countersigning') {
        const all = await this.countersigns(row.id);
        const mine = all.find((x) => x.department_id === who.departmentId);
        if (!mine) throw DocumentErrors.notCountersigner();
        if (mine.state !== 'pending') throw DocumentErrors.alreadyCountersigned();
        action = all.some((x) => x.state === 'pending' && x.department_id !== who.departmentId) ? 'countersign' : 'countersign_last';
      }
    } else if (code === 'sign') {
      outcome ??= 'approve';
      if (outcome !== 'approve' && outcome !== 'return') throw DocumentErrors.outcome(['approve', 'return']);
      if (
        row.state === 'signing' &&
        !(
          who.roles.includes('leader') &&
          who.departmentId === row.issuing_department_id &&
          this.ctx.policy.can(who, 'office.sign', { regionCode: row.region_code, departmentId: row.issuing_department_id })
        )
      )
        throw DocumentErrors.notIssuingLeader();
      action = outcome === 'return' ? 'sign_return' : 'sign';
      if (outcome === 'return') extra = returning();
    } else if (code === 'number' && row.doc_number) throw DocumentErrors.alreadyNumbered(row.doc_number);
    else if (code === 'seal' && row.sealed_file_id) throw DocumentErrors.alreadySealed();
    else if (!['submit', 'number', 'seal', 'distribute'].includes(code)) throw DocumentErrors.unknownAction(code);
    const r = await act(this.ctx.k, this.kind, who, row.id, { ...body, ...extra, outcome, action }, requestId);
    return { id: row.id, state: r.to, version: r.row.version + 1 };
  }

  // ---------- the PDF ----------

  async model(row: DocRow, now: Date): Promise<OfficialDocumentModel> {
    const c = row.content;
    const names = await this.names([row.issuing_department_id, ...c.mainRecipients, ...c.ccRecipients]);
    return officialModel({
      content: c,
      issuerName: names.get(row.issuing_department_id)?.name ?? '',
      docNumber: row.doc_number,
      docWord: row.doc_word,
      signerName: row.signed_by_name,
      signedAt: row.signed_at ? new Date(row.signed_at) : null,
      now,
      names,
    });
  }

  /** The PDF as GB/T 9704 lays it out, or a clear refusal while the renderer is not there. */
  async renderPdf(row: DocRow, now: Date): Promise<Uint8Array> {
    const model = await this.model(row, now);
    try {
      return await this.render(model);
    } catch (err) {
      this.ctx.k.log.warn({ err, document: row.id }, 'office: rendering a document failed');
      throw DocumentErrors.renderUnavailable();
    }
  }

  /** The sealed PDF once sealed, else a preview render. */
  async pdf(who: Principal, id: string): Promise<{ name: string; stream?: Readable; bytes?: Uint8Array }> {
    const row = await this.visibleRow(who, id);
    if (row.sealed_file_id) {
      const f = await this.ctx.k.files.find(row.sealed_file_id);
      if (!f) throw Errors.notFound('sealed document');
      return { name: f.name, stream: await this.ctx.k.files.open(f) };
    }
    return { name: `${row.title}（样稿）.pdf`, bytes: await this.renderPdf(row, this.ctx.k.clock.now()) };
  }

  // ---------- for the archives area ----------

  /** A distributed 公文 as an archive package is made from; null before it is distributed. */
  async archivable(id: string): Promise<ArchivableRecord | null> {
    if (!UUID.test(id)) return null;
    const row = await this.db.selectFrom('office_document').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.state !== 'distributed' || !row.sealed_file_id) return null;
    const c = row.content;
    const history = await DOCUMENT_LOG.history(this.ctx.k.db, row.id);
    const names = await this.names([row.issuing_department_id, ...c.mainRecipients, ...c.ccRecipients, ...history.map((h) => h.department_id ?? NO_DEPT)]);
    const name = (d: string) => names.get(d)?.name ?? d;
    const label = (code: string) => DOCUMENT_WORKFLOW.actions.find((a) => a.code === code)?.zh ?? ACTION_LABELS[code]?.zh ?? code;
    return {
      kind: 'document',
      id: row.id,
      regionCode: row.region_code,
      departmentId: row.issuing_department_id,
      responsible: name(row.issuing_department_id),
      title: c.title,
      reference: row.doc_number,
      date: new Date(row.signed_at ?? row.sealed_at ?? row.updated_at).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
      secrecy: c.secrecy,
      files: [
        { fileId: row.sealed_file_id, name: `${row.doc_number ?? c.title}.pdf`, role: 'content' as const },
        ...c.attachments.filter((a) => a.fileId).map((a) => ({ fileId: a.fileId!, name: a.name, role: 'attachment' as const })),
      ],
      actionLog: history.map((h) => ({ at: iso(h.at)!, action: label(h.action), actor: h.actor_name, unit: h.department_id ? name(h.department_id) : null, opinion: h.opinion })),
      metadata: {
        docType: c.docType,
        docWord: row.doc_word,
        urgency: c.urgency,
        secrecyPeriod: c.secrecyPeriod,
        mainRecipients: c.mainRecipients.map(name),
        ccRecipients: c.ccRecipients.map(name),
        externalRecipients: c.externalRecipients,
        signedBy: row.signed_by_name,
        sealedIdentifier: row.sealed_identifier,
        sealName: row.seal_name,
        textVersion: row.text_version,
        public: c.public,
      },
    };
  }

  // ---------- 机关代字 (configuration) ----------

  async docWords(who: Principal) {
    assertAllowed(this.ctx.policy, who, 'office.use');
    const rows = await this.db
      .selectFrom('office_doc_word')
      .selectAll()
      .where('region_code', 'like', `${who.regionCode.slice(0, 6)}%`)
      .orderBy('department_code')
      .orderBy('word')
      .execute();
    return rows.map((r) => ({ word: r.word, departmentCode: r.department_code, isDefault: r.is_default }));
  }

  /** A region administrator adds a 机关代字 for one of the region's units. */
  async addDocWord(who: Principal, input: { word: string; departmentCode: string; isDefault?: boolean }, requestId?: string) {
    assertAllowed(this.ctx.policy, who, 'office.manage', { regionCode: who.regionCode });
    const regionCode = who.regionCode.slice(0, 6);
    if (regionCode.length < 6) throw Errors.forbidden();
    const dept = (await this.ctx.org.departmentsWithin(regionCode)).find((d) => d.code === input.departmentCode);
    if (!dept) throw DocumentErrors.unknownDepartments('/departmentCode', [input.departmentCode]);
    await this.ctx.k.db.transaction().execute(async (trx) => {
      const db = documentsDb(trx);
      const taken = await db.selectFrom('office_doc_word').select('word').where('region_code', '=', regionCode).where('word', '=', input.word).executeTakeFirst();
      if (taken) throw DocumentErrors.docWordTaken(input.word);
      if (input.isDefault) await db.updateTable('office_doc_word').set({ is_default: false }).where('region_code', '=', regionCode).where('department_code', '=', input.departmentCode).execute();
      await db
        .insertInto('office_doc_word')
        .values({ region_code: regionCode, word: input.word, department_code: input.departmentCode, is_default: input.isDefault ?? false })
        .execute();
      await this.ctx.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'doc-word-added',
        objectType: 'office.doc_word',
        objectId: `${regionCode}:${input.word}`,
        regionCode,
        change: input,
        event: false,
        requestId,
      });
    });
    return { word: input.word, departmentCode: input.departmentCode, isDefault: input.isDefault ?? false };
  }
}
