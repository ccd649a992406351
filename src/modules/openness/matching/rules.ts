import type { Selectable } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, type Principal } from '../../../kernel/policy/index.ts';
import { DepartmentNames } from '../../org/index.ts';
import { need, type OpennessContext } from '../area.ts';
import type { LibraryDocument, MatchingDescription, MatchingPolicy } from '../ports.ts';
import { MatchingErrors } from './errors.ts';
import { matchingDb, type OpennessDocumentRuleTable } from './tables.ts';

type RuleRow = Selectable<OpennessDocumentRuleTable>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
/** Where the public reads a policy document (the library's portal page). */
export const documentLink = (id: string) => `/openness/documents/${id}`;
const UNIQUE = (e: unknown) => (e as { code?: string }).code === '23505';

/** Why a policy cannot be carried by a document, or null when it can. */
function refusal(p: MatchingPolicy, departmentId: string | null) {
  if (p.mode !== 'application') return MatchingErrors.automatic();
  if (!p.published) return MatchingErrors.unpublished();
  if (departmentId && p.departmentId !== departmentId) return MatchingErrors.otherDepartment();
  return null;
}

/**
 * 政策找人 on the policy library: a published 原文 carries (at most) one 主动服务 policy in 政策找人
 * mode — a policy of its issuing department, defined, tested and published in the proactive module —
 * whose rule says whom it applies to. Attaching and detaching are audited and kept; a run asks the
 * rules engine to match the population and tell the matched people, with the reasons, the
 * application page and this document.
 */
export class DocumentRules {
  private readonly names: DepartmentNames;
  constructor(private readonly ctx: OpennessContext) {
    this.names = new DepartmentNames(ctx.org);
  }

  private requireStaff(who: Principal, regionCode?: string) {
    if (!this.ctx.policy.can(who, 'openness.edit', { regionCode }) && !this.ctx.policy.can(who, 'openness.manage', { regionCode })) throw Errors.forbidden();
  }

  private async document(id: string): Promise<LibraryDocument> {
    const doc = await need(this.ctx, 'library').get(this.ctx.k.db, id);
    if (!doc) throw MatchingErrors.documentNotFound();
    return doc;
  }

  /** The department whose editors may give the document a rule: its issuer, or (for a body outside the region) the policy's. */
  private mayEdit(who: Principal, doc: LibraryDocument, policyDepartmentId: string | null): boolean {
    const { policy } = this.ctx;
    if (policy.can(who, 'openness.manage', { regionCode: doc.regionCode })) return true;
    const dept = doc.issuerDepartmentId ?? policyDepartmentId;
    return !!dept && policy.can(who, 'openness.edit', { regionCode: doc.regionCode, departmentId: dept });
  }

  private requireEdit(who: Principal, doc: LibraryDocument, row: RuleRow | null) {
    if (!this.mayEdit(who, doc, row?.department_id ?? null)) throw Errors.forbidden();
  }

  private live(documentId: string) {
    return matchingDb(this.ctx.k.db).selectFrom('openness_document_rule').selectAll().where('document_id', '=', documentId).where('detached_at', 'is', null).executeTakeFirst();
  }

  /** The policies the document may carry, each marked attachable or with the reason it is not. */
  async candidates(who: Principal, documentId: string) {
    this.requireStaff(who);
    const doc = await this.document(documentId);
    this.requireStaff(who, doc.regionCode);
    const all = await need(this.ctx, 'matching').policies(who);
    // Of the issuing department; for a document of a body outside the region, those the caller may give it.
    const mine = all.filter((p) => (doc.issuerDepartmentId ? p.departmentId === doc.issuerDepartmentId : this.mayEdit(who, doc, p.departmentId)));
    const codes = mine.map((p) => p.code);
    const taken = new Set(
      codes.length
        ? (await matchingDb(this.ctx.k.db).selectFrom('openness_document_rule').select('policy_code').where('detached_at', 'is', null).where('policy_code', 'in', codes).execute()).map(
            (r) => r.policy_code,
          )
        : [],
    );
    const names = await this.names.of([...new Set(mine.map((p) => p.departmentId))]);
    return mine.map((p) => {
      const why = refusal(p, doc.issuerDepartmentId) ?? (taken.has(p.code) ? MatchingErrors.policyTaken() : null);
      return {
        code: p.code,
        name: p.name,
        nameEn: p.nameEn,
        mode: p.mode,
        subject: p.subject,
        published: p.published,
        departmentName: names.get(p.departmentId) ?? '',
        attachable: why === null,
        problem: why ? { code: why.code, zh: why.zh, en: why.en } : null,
      };
    });
  }

  /** Gives a published document a 政策找人 rule (a published 政策找人 policy of its department); audited. */
  async attach(who: Principal, documentId: string, input: { policyCode: string; note?: string }, requestId?: string) {
    this.requireStaff(who);
    const doc = await this.document(documentId);
    this.requireStaff(who, doc.regionCode);
    if (doc.state !== 'published') throw MatchingErrors.documentWithdrawn();
    if (doc.kind === 'interpretation' || doc.interpretationOf) throw MatchingErrors.interpretation();
    const p = (await need(this.ctx, 'matching').policies(who)).find((x) => x.code === input.policyCode);
    if (!p) throw MatchingErrors.policyNotFound(input.policyCode);
    if (!this.mayEdit(who, doc, p.departmentId)) throw Errors.forbidden();
    const why = refusal(p, doc.issuerDepartmentId);
    if (why) throw why;
    const now = this.ctx.k.clock.now();
    const id = uuidv7();
    const note = input.note?.trim() || null;
    try {
      await this.ctx.k.db.transaction().execute(async (trx) => {
        const db = matchingDb(trx);
        // One read, so one snapshot: two reads could see a rival's rule on this document only in
        // the second and call it "taken elsewhere".
        const live = await db
          .selectFrom('openness_document_rule')
          .select(['document_id', 'policy_code'])
          .where('detached_at', 'is', null)
          .where((w) => w.or([w('document_id', '=', documentId), w('policy_code', '=', p.code)]))
          .execute();
        const has = live.find((r) => r.document_id === documentId);
        if (has) throw MatchingErrors.hasRule(has.policy_code);
        if (live.length) throw MatchingErrors.policyTaken();
        await db
          .insertInto('openness_document_rule')
          .values({
            id,
            region_code: doc.regionCode,
            document_id: documentId,
            policy_code: p.code,
            policy_name: p.name,
            subject: p.subject,
            department_id: p.departmentId,
            note,
            attached_by: who.accountId,
            attached_by_name: who.name,
            attached_at: now,
            detached_by: null,
            detached_by_name: null,
            detached_at: null,
            detach_reason: null,
            retold_at: null,
            last_run_at: null,
            last_matched: null,
            last_told: null,
          })
          .execute();
        await this.ctx.k.recordChange(trx, {
          actor: actorOf(who),
          action: 'attached',
          objectType: 'openness.rule',
          objectId: id,
          regionCode: doc.regionCode,
          change: { documentId, policyCode: p.code, note },
          summary: { documentId, policyCode: p.code },
          requestId,
        });
      });
    } catch (e) {
      // Two clerks at once: the live indexes let one through; the other hears what happened.
      if (UNIQUE(e)) throw MatchingErrors.hasRule(p.code);
      throw e;
    }
    return this.view(who, documentId);
  }

  /** Ends the document's rule; the row stays as history, with who, when and why. */
  async detach(who: Principal, documentId: string, reason: string, requestId?: string) {
    this.requireStaff(who);
    const doc = await this.document(documentId);
    const row = await this.live(documentId);
    this.requireEdit(who, doc, row ?? null);
    if (!row) throw MatchingErrors.noRule();
    const why = reason.trim();
    if (!why) throw MatchingErrors.reasonRequired();
    const now = this.ctx.k.clock.now();
    await this.ctx.k.db.transaction().execute(async (trx) => {
      const done = await matchingDb(trx)
        .updateTable('openness_document_rule')
        .set({ detached_at: now, detached_by: who.accountId, detached_by_name: who.name, detach_reason: why })
        .where('id', '=', row.id)
        .where('detached_at', 'is', null)
        .returning('id')
        .execute();
      // Another clerk detached it a moment ago.
      if (!done.length) throw MatchingErrors.noRule();
      await this.ctx.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'detached',
        objectType: 'openness.rule',
        objectId: row.id,
        regionCode: row.region_code,
        change: { documentId, policyCode: row.policy_code, reason: why },
        summary: { documentId, policyCode: row.policy_code },
        requestId,
      });
    });
    return this.view(who, documentId);
  }

  /**
   * Runs the document's rule now: the rules engine matches the whole population and tells the newly
   * matched. The first run after attaching also tells, once, those matched earlier who have not
   * applied (they learn of the document); later runs tell only the newly matched.
   */
  async run(who: Principal, documentId: string, requestId?: string) {
    this.requireStaff(who);
    const doc = await this.document(documentId);
    const row = await this.live(documentId);
    this.requireEdit(who, doc, row ?? null);
    if (!row) throw MatchingErrors.noRule();
    if (doc.state !== 'published') throw MatchingErrors.documentWithdrawn();
    const r = await need(this.ctx, 'matching').run(who, row.policy_code, { retell: row.retold_at === null });
    const now = this.ctx.k.clock.now();
    await this.ctx.k.db.transaction().execute(async (trx) => {
      await matchingDb(trx)
        .updateTable('openness_document_rule')
        .set((eb) => ({ last_run_at: now, last_matched: r.matched, last_told: r.told, runs: eb('runs', '+', 1), retold_at: row.retold_at ?? now }))
        .where('id', '=', row.id)
        .execute();
      await this.ctx.k.recordChange(trx, {
        actor: actorOf(who),
        action: 'ran',
        objectType: 'openness.rule',
        objectId: row.id,
        regionCode: row.region_code,
        change: { documentId, policyCode: row.policy_code, matched: r.matched, told: r.told, retold: row.retold_at === null },
        summary: { documentId, policyCode: row.policy_code, matched: r.matched, told: r.told },
        requestId,
      });
    });
    return { documentId, policyCode: row.policy_code, matched: r.matched, told: r.told, ranAt: now.toISOString() };
  }

  /** The document's rule for staff: the live one with its words and reach, and every earlier attachment. */
  async view(who: Principal, documentId: string) {
    this.requireStaff(who);
    const doc = await this.document(documentId);
    this.requireStaff(who, doc.regionCode);
    const rows = await matchingDb(this.ctx.k.db).selectFrom('openness_document_rule').selectAll().where('document_id', '=', documentId).orderBy('attached_at', 'desc').limit(100).execute();
    const live = rows.find((r) => r.detached_at === null) ?? null;
    const d = live ? await need(this.ctx, 'matching').describe(live.policy_code) : null;
    return {
      documentId,
      documentTitle: doc.title,
      canEdit: this.mayEdit(who, doc, live?.department_id ?? null),
      rule: live ? { ...this.line(live), ...this.words(d, live) } : null,
      history: rows.map((r) => this.line(r)),
    };
  }

  private line(r: RuleRow) {
    return {
      id: r.id,
      policyCode: r.policy_code,
      policyName: r.policy_name,
      subject: r.subject,
      note: r.note,
      attachedBy: r.attached_by_name,
      attachedAt: iso(r.attached_at)!,
      detachedBy: r.detached_by_name,
      detachedAt: iso(r.detached_at),
      detachReason: r.detach_reason,
      lastRunAt: iso(r.last_run_at),
      lastMatched: r.last_matched,
      lastTold: r.last_told,
      runs: Number(r.runs),
    };
  }

  private words(d: MatchingDescription | null, r: RuleRow) {
    return {
      policyNameEn: d?.nameEn ?? r.policy_name,
      conditionsZh: d?.conditionsZh ?? [],
      conditionsEn: d?.conditionsEn ?? [],
      matched: d?.matched ?? 0,
      told: d?.told ?? 0,
      applied: d?.applied ?? 0,
      applyLink: d?.applyLink ?? null,
      itemCode: d?.itemCode ?? null,
    };
  }

  /** 政策找人 for the workbench: documents carrying a live rule, newest first, with their reach. */
  async list(who: Principal, q: { after?: string; limit?: number }) {
    this.requireStaff(who);
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.after, 1);
    let sel = matchingDb(this.ctx.k.db)
      .selectFrom('openness_document_rule')
      .selectAll()
      .where('detached_at', 'is', null)
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (who.regionCode) sel = sel.where('region_code', 'like', `${who.regionCode}%`);
    if (after) sel = sel.where('id', '<', String(after[0]));
    const page = pageOf(await sel.execute(), limit, (r) => [r.id]);
    const lib = need(this.ctx, 'library');
    const engine = need(this.ctx, 'matching');
    const items = [];
    for (const r of page.items) {
      const doc = await lib.get(this.ctx.k.db, r.document_id);
      const d = await engine.describe(r.policy_code);
      items.push({
        documentId: r.document_id,
        documentTitle: doc?.title ?? '',
        documentNumber: doc?.number ?? null,
        documentState: doc?.state ?? 'withdrawn',
        canEdit: doc ? this.mayEdit(who, doc, r.department_id) : false,
        ...this.line(r),
        ...this.words(d, r),
      });
    }
    return { items, next: page.next };
  }

  /**
   * 政策找人 on the public document page: whom it applies to in words (zh and en), how many were
   * matched, told and applied, and where to apply. 404 when the document carries no rule (or is not
   * shown to the public).
   */
  async appliesTo(documentId: string) {
    const doc = await need(this.ctx, 'library').get(this.ctx.k.db, documentId);
    if (!doc || doc.state !== 'published') throw MatchingErrors.documentNotFound();
    const row = await this.live(documentId);
    if (!row) throw MatchingErrors.noRule();
    const d = await need(this.ctx, 'matching').describe(row.policy_code);
    if (!d || !d.published) throw MatchingErrors.noRule();
    const names = await this.names.of([d.departmentId]);
    return {
      documentId,
      policyCode: d.code,
      name: d.name,
      nameEn: d.nameEn,
      subject: d.subject,
      departmentName: names.get(d.departmentId) ?? '',
      conditionsZh: d.conditionsZh,
      conditionsEn: d.conditionsEn,
      matched: d.matched,
      told: d.told,
      applied: d.applied,
      itemCode: d.itemCode,
      applyLink: d.applyLink,
      matchesLink: '/my/matches',
    };
  }

  /** The document a policy's notices link to (the flow hands this to the proactive module), or null. */
  async sourceOf(policyCode: string): Promise<{ link: string; title: string } | null> {
    const row = await matchingDb(this.ctx.k.db).selectFrom('openness_document_rule').select('document_id').where('policy_code', '=', policyCode).where('detached_at', 'is', null).executeTakeFirst();
    if (!row || !this.ctx.ports.library) return null;
    const doc = await this.ctx.ports.library.get(this.ctx.k.db, row.document_id);
    if (!doc || doc.state !== 'published') return null;
    return { link: documentLink(doc.id), title: doc.title };
  }
}
