import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { newId as uuidv7 } from '../../../kernel/ids/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { DomainError, Errors } from '../../../kernel/http/errors.ts';
import type { Kernel } from '../../../kernel/index.ts';
import { actorOf, type Principal } from '../../../kernel/policy/index.ts';
import type { OpennessContext } from '../area.ts';
import type { DocumentInput, LibraryDocument, LibraryYearFigures } from '../ports.ts';
import { DOCUMENT_KINDS, DISCLOSURE_MODES, INTERPRETATION_FORMS, THEMES, type DocumentKind, type Validity } from '../vocabulary.ts';
import { LibraryErrors } from './errors.ts';
import { DOCUMENT, THEME } from './events.ts';
import { librarySettings } from './settings.ts';
import { libraryDb, type OpennessDocumentHistoryTable, type OpennessDocumentTable } from './tables.ts';

export type DocumentRow = Selectable<OpennessDocumentTable>;
type HistoryAction = OpennessDocumentHistoryTable['action'];

/** A document of the 存量文件导入: the input, and optionally its 有效性 when already 失效, and a key later items may point at (`#key`). */
export interface ImportItem extends DocumentInput {
  key?: string | null;
  validity?: 'valid' | 'expired';
  validityNote?: string | null;
}

export interface HistoryEntry {
  id: string;
  action: HistoryAction;
  actorId: string;
  actorName: string;
  at: string;
  reason: string | null;
  reviewId: string | null;
  version: number;
  snapshot: Record<string, unknown>;
}

export interface Theme {
  code: string;
  name: string;
  nameEn: string;
  active: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LINK = /^(https?:\/\/[^\s]+|\/[^\s]*)$/;
export const MAX_BODY = 400_000;
export const MAX_IMPORT = 200;

/** The China Standard Time date of an instant. */
export const cstDay = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const isDay = (s: string) => DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const WRITE_PERMISSIONS = ['openness.edit', 'openness.approve', 'openness.manage'];

type Problem = { path: string; zh: string; en: string };

/**
 * 政策文件库: publication (from review, or the 存量文件导入) with every check, reviewed changes,
 * withdrawals, 有效性 and what replaced a document, the 主题分类 list and the 年度报告 figures. Every
 * write keeps a history row with a snapshot and an audit entry with its event, in the caller's transaction.
 */
export class Library {
  private readonly k: Kernel;
  /** Called after a transaction that changed documents (the search index listens). */
  onChange: () => void = () => {};

  constructor(private readonly ctx: OpennessContext) {
    this.k = ctx.k;
  }

  today(): string {
    return cstDay(this.k.clock.now());
  }

  /* ------------------------------------------------------------------ reads */

  async row(ex: Executor, id: string, lock = false): Promise<DocumentRow | null> {
    if (!UUID.test(id)) return null;
    const q = libraryDb(ex).selectFrom('openness_document').selectAll().where('id', '=', id);
    return (await (lock ? q.forUpdate() : q).executeTakeFirst()) ?? null;
  }

  async rows(ex: Executor = this.k.db, q: { state?: 'published' | 'withdrawn'; ids?: string[]; departmentId?: string; interpretationOf?: string; replacedBy?: string } = {}): Promise<DocumentRow[]> {
    if (q.ids && !q.ids.length) return [];
    return libraryDb(ex)
      .selectFrom('openness_document')
      .selectAll()
      .$if(!!q.state, (qb) => qb.where('state', '=', q.state!))
      .$if(!!q.ids, (qb) => qb.where('id', 'in', q.ids!))
      .$if(!!q.departmentId, (qb) => qb.where('issuer_department_id', '=', q.departmentId!))
      .$if(!!q.interpretationOf, (qb) => qb.where('interpretation_of', '=', q.interpretationOf!))
      .$if(!!q.replacedBy, (qb) => qb.where('replaced_by', '=', q.replacedBy!))
      .orderBy('published_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** Rows as the port's documents, with their 解读 (published ones). */
  async documents(ex: Executor, rows: DocumentRow[]): Promise<LibraryDocument[]> {
    if (!rows.length) return [];
    const interps = await libraryDb(ex)
      .selectFrom('openness_document')
      .select(['id', 'interpretation_of'])
      .where(
        'interpretation_of',
        'in',
        rows.map((r) => r.id),
      )
      .where('state', '=', 'published')
      .orderBy('published_on')
      .orderBy('id')
      .execute();
    const by = new Map<string, string[]>();
    for (const i of interps) by.set(i.interpretation_of!, [...(by.get(i.interpretation_of!) ?? []), i.id]);
    return rows.map((r) => toDocument(r, by.get(r.id) ?? []));
  }

  async get(ex: Executor, id: string): Promise<LibraryDocument | null> {
    const r = await this.row(ex, id);
    return r ? (await this.documents(ex, [r]))[0] : null;
  }

  private themesReady = false;

  /**
   * The 主题分类 list starts as gov.cn's (vocabulary.ts THEMES) the first time it is needed, not in the
   * migration: a migrated database stays empty, so a backup can be restored into it. Only a list seen
   * or written outside a caller's transaction is remembered (that transaction may yet roll back).
   */
  private async ensureThemes(ex: Executor): Promise<void> {
    if (this.themesReady) return;
    const found = await libraryDb(ex).selectFrom('openness_theme').select('code').limit(1).executeTakeFirst();
    if (!found) {
      const now = this.k.clock.now();
      const rows = THEMES.map(([code, name, nameEn], i) => ({ code, name, name_en: nameEn, position: i + 1, active: true, updated_at: now }));
      await libraryDb(ex)
        .insertInto('openness_theme')
        .values(rows)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    if (found || ex === this.k.db) this.themesReady = true;
  }

  async themes(ex: Executor = this.k.db, all = false): Promise<Theme[]> {
    await this.ensureThemes(ex);
    const rows = await libraryDb(ex)
      .selectFrom('openness_theme')
      .selectAll()
      .$if(!all, (qb) => qb.where('active', '=', true))
      .orderBy('position')
      .execute();
    return rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en, active: r.active }));
  }

  async history(who: Principal, id: string): Promise<HistoryEntry[]> {
    const row = await this.row(this.k.db, id);
    if (!row) throw LibraryErrors.notFound();
    this.assertCanEdit(who, row);
    const rows = await libraryDb(this.k.db).selectFrom('openness_document_history').selectAll().where('document_id', '=', id).orderBy('at').orderBy('id').execute();
    return rows.map((h) => ({
      id: h.id,
      action: h.action,
      actorId: h.actor_id,
      actorName: h.actor_name,
      at: new Date(h.at).toISOString(),
      reason: h.reason,
      reviewId: h.review_id,
      version: h.version,
      snapshot: h.snapshot,
    }));
  }

  /* ------------------------------------------------------------------ checks */

  /** openness.edit of the issuing department (or any, for an outside issuer) or openness.manage of the region. */
  canEdit(who: Principal | null, row: Pick<DocumentRow, 'region_code' | 'issuer_department_id'>): boolean {
    const p = this.ctx.policy;
    return (
      p.can(who, 'openness.manage', { regionCode: row.region_code }) ||
      p.can(who, 'openness.edit', { regionCode: row.region_code, departmentId: row.issuer_department_id ?? who?.departmentId ?? null })
    );
  }

  private assertCanEdit(who: Principal | null, row: Pick<DocumentRow, 'region_code' | 'issuer_department_id'>): void {
    if (!who) throw Errors.unauthenticated();
    if (!this.canEdit(who, row)) throw Errors.forbidden();
  }

  /** A port write (publish, change, withdraw) needs one of the openness permissions in the document's region. */
  private assertCanWrite(who: Principal, regionCode: string): void {
    if (!WRITE_PERMISSIONS.some((p) => this.ctx.policy.can(who, p, { regionCode }))) throw Errors.forbidden();
  }

  /** The shape of an input: every field problem at once (422). */
  private async shapeProblems(ex: Executor, input: DocumentInput): Promise<Problem[]> {
    const problems: Problem[] = [];
    const text = (path: string, v: unknown, max: number, zh: string, en: string, required = true) => {
      if (v === undefined || v === null || v === '') {
        if (required) problems.push({ path, zh: `${zh}不能为空`, en: `${en} is required` });
        return;
      }
      if (typeof v !== 'string') problems.push({ path, zh: `${zh}应为文字`, en: `${en} must be text` });
      else if (!v.trim()) problems.push({ path, zh: `${zh}不能为空`, en: `${en} is required` });
      else if (v.length > max) problems.push({ path, zh: `${zh}不能超过 ${max} 字`, en: `${en} may have at most ${max} characters` });
      else if (path !== '/body' && CONTROL.test(v)) problems.push({ path, zh: `${zh}含有控制字符`, en: `${en} contains control characters` });
    };
    text('/title', input.title, 300, '标题', 'The title');
    text('/titleEn', input.titleEn, 500, '英文标题', 'The English title', false);
    text('/body', input.body, MAX_BODY, '正文', 'The text');
    text('/summary', input.summary, 200, '内容概述', 'The summary', false);
    text('/number', input.number, 100, '文号', 'The document number', false);
    text('/issuerName', input.issuerName, 200, '发文机关', 'The issuer', !input.issuerDepartmentId);
    if (!(input.kind in DOCUMENT_KINDS)) problems.push({ path: '/kind', zh: `未知的文件类型“${String(input.kind)}”`, en: `Unknown document kind “${String(input.kind)}”` });
    if (!(input.disclosure in DISCLOSURE_MODES)) problems.push({ path: '/disclosure', zh: `未知的公开方式“${String(input.disclosure)}”`, en: `Unknown disclosure mode “${String(input.disclosure)}”` });
    await this.ensureThemes(ex);
    const theme = typeof input.themeCode === 'string' ? await libraryDb(ex).selectFrom('openness_theme').select(['code', 'active']).where('code', '=', input.themeCode).executeTakeFirst() : undefined;
    if (!theme || !theme.active) problems.push({ path: '/themeCode', zh: `未知的主题分类“${String(input.themeCode)}”`, en: `Unknown theme “${String(input.themeCode)}”` });
    if (input.issuerDepartmentId) {
      const d = UUID.test(input.issuerDepartmentId) ? (await this.ctx.org.departmentNames([input.issuerDepartmentId], ex)).get(input.issuerDepartmentId) : undefined;
      if (!d || !d.active) problems.push({ path: '/issuerDepartmentId', zh: '发文机关（部门）不存在或已停用', en: 'The issuing department does not exist or is inactive' });
    }
    const writtenOk = typeof input.writtenOn === 'string' && isDay(input.writtenOn);
    if (!writtenOk) problems.push({ path: '/writtenOn', zh: '成文日期应为有效日期（YYYY-MM-DD）', en: 'The date written must be a valid date (YYYY-MM-DD)' });
    const publishOn = input.publishOn ?? this.today();
    if (typeof publishOn !== 'string' || !isDay(publishOn))
      problems.push({ path: '/publishOn', zh: '发布日期应为有效日期（YYYY-MM-DD）', en: 'The publication date must be a valid date (YYYY-MM-DD)' });
    else {
      if (writtenOk && publishOn < input.writtenOn)
        problems.push({
          path: '/publishOn',
          zh: `发布日期（${publishOn}）不能早于成文日期（${input.writtenOn}）`,
          en: `The publication date (${publishOn}) cannot be before the date written (${input.writtenOn})`,
        });
      if (publishOn > this.today()) problems.push({ path: '/publishOn', zh: `发布日期（${publishOn}）不能晚于今天`, en: `The publication date (${publishOn}) cannot be in the future` });
    }
    if (writtenOk && input.writtenOn > this.today()) problems.push({ path: '/writtenOn', zh: '成文日期不能晚于今天', en: 'The date written cannot be in the future' });
    const keywords = input.keywords ?? [];
    if (!Array.isArray(keywords) || keywords.length > 20 || keywords.some((w) => typeof w !== 'string' || !w.trim() || w.length > 50 || CONTROL.test(w)))
      problems.push({ path: '/keywords', zh: '主题词至多 20 个，每个 1–50 字', en: 'At most 20 keywords of 1–50 characters each' });
    const links = input.links ?? [];
    for (const [i, l] of links.entries()) {
      if (!l || typeof l.label !== 'string' || !l.label.trim() || l.label.length > 200 || typeof l.url !== 'string' || l.url.length > 2000 || !LINK.test(l.url))
        problems.push({ path: `/links/${i}`, zh: '链接须有名称，地址须以 http(s):// 或 / 开头', en: 'A link needs a label and an http(s):// or / address' });
    }
    if (links.length > 20) problems.push({ path: '/links', zh: '链接至多 20 个', en: 'At most 20 links' });
    const attachments = input.attachments ?? [];
    if (attachments.length > 20) problems.push({ path: '/attachments', zh: '附件至多 20 个', en: 'At most 20 attachments' });
    for (const [i, a] of attachments.entries()) {
      // The file store's own read would take a second connection inside the caller's transaction: read its row here.
      const f = a && typeof a.fileId === 'string' && UUID.test(a.fileId) ? (await sql<{ id: string }>`SELECT id FROM kernel_file WHERE id = ${a.fileId}`.execute(ex)).rows[0] : null;
      if (!f) problems.push({ path: `/attachments/${i}/fileId`, zh: '附件文件不存在', en: 'The attached file does not exist' });
      if (!a || typeof a.name !== 'string' || !a.name.trim() || a.name.length > 200 || CONTROL.test(a.name) || /[\\/]/.test(a.name))
        problems.push({ path: `/attachments/${i}/name`, zh: '附件名称有误', en: 'The attachment name is not valid' });
    }
    const isInterp = input.kind === 'interpretation';
    if (isInterp && !input.interpretationOf) problems.push({ path: '/interpretationOf', zh: '解读须指明其解读的原文', en: 'An interpretation must name the document it interprets' });
    if (!isInterp && input.interpretationOf) problems.push({ path: '/kind', zh: '指明原文的文件类型须为“政策解读”', en: 'A document that interprets another must be of kind “interpretation”' });
    if (input.interpretationForm != null && !(input.interpretationForm in INTERPRETATION_FORMS))
      problems.push({ path: '/interpretationForm', zh: '未知的解读形式', en: 'Unknown interpretation form' });
    if (input.interpretationForm && !isInterp) problems.push({ path: '/interpretationForm', zh: '只有解读才有解读形式', en: 'Only an interpretation has a form' });
    if (isInterp && (input.interpretationForm === 'graphic' || input.interpretationForm === 'video') && !links.length)
      problems.push({ path: '/links', zh: '图解或视频解读须附链接', en: 'A graphic or video interpretation needs its links' });
    if (isInterp && input.replaces?.length) problems.push({ path: '/replaces', zh: '解读不能废止或修订其他文件', en: 'An interpretation cannot repeal or amend documents' });
    return problems;
  }

  /**
   * Checks an input as publishing would, without writing (the port's `check`): shape (422 with every
   * problem), a 解读's 原文 published no later than the 解读 (422), what it replaces (422), and its
   * 文号 unused by another document (409 naming that document).
   */
  async check(ex: Executor, input: DocumentInput, replacing?: string | null): Promise<void> {
    const problems = await this.shapeProblems(ex, input);
    const publishOn = input.publishOn ?? this.today();
    if (input.kind === 'interpretation' && input.interpretationOf) {
      const orig = await this.row(ex, input.interpretationOf);
      if (!orig) problems.push({ path: '/interpretationOf', zh: '所解读的原文不存在', en: 'The document it interprets does not exist' });
      else if (orig.state !== 'published')
        problems.push({
          path: '/interpretationOf',
          zh: `所解读的原文《${orig.title}》尚未发布（或已撤回），解读不能先于原文发布`,
          en: `The document it interprets, “${orig.title}”, is not published; an interpretation cannot be published before its original`,
        });
      else if (orig.kind === 'interpretation') problems.push({ path: '/interpretationOf', zh: '不能解读另一份解读', en: 'An interpretation cannot interpret another interpretation' });
      else if (orig.id === replacing) problems.push({ path: '/interpretationOf', zh: '文件不能解读自身', en: 'A document cannot interpret itself' });
      else if (typeof publishOn === 'string' && publishOn < orig.published_on)
        problems.push({
          path: '/publishOn',
          zh: `解读的发布日期（${publishOn}）不能早于原文的发布日期（${orig.published_on}）`,
          en: `The interpretation (${publishOn}) cannot be published before its original (${orig.published_on})`,
        });
    }
    for (const [i, r] of (input.replaces ?? []).entries()) {
      const old = r && typeof r.id === 'string' ? await this.row(ex, r.id) : null;
      if (!r || (r.as !== 'repealed' && r.as !== 'amended')) problems.push({ path: `/replaces/${i}/as`, zh: '应为废止或修订', en: 'Must be repealed or amended' });
      if (!old || old.state !== 'published')
        problems.push({ path: `/replaces/${i}/id`, zh: '被废止或修订的文件不存在或未发布', en: 'The document to repeal or amend does not exist or is not published' });
      else if (old.id === replacing) problems.push({ path: `/replaces/${i}/id`, zh: '文件不能废止或修订自身', en: 'A document cannot replace itself' });
      else if (old.kind === 'interpretation') problems.push({ path: `/replaces/${i}/id`, zh: '解读不能被废止或修订，请撤回', en: 'An interpretation is withdrawn, not repealed' });
    }
    if (problems.length) throw LibraryErrors.invalid(problems);
    if (input.number) {
      const other = await libraryDb(ex)
        .selectFrom('openness_document')
        .select(['id', 'title', 'index_no'])
        .where('number', '=', input.number.trim())
        .$if(!!replacing && UUID.test(replacing), (qb) => qb.where('id', '!=', replacing!))
        .executeTakeFirst();
      if (other) throw LibraryErrors.numberTaken(input.number.trim(), { id: other.id, title: other.title, indexNo: other.index_no });
    }
  }

  /* ------------------------------------------------------------------ writes */

  private async regionOf(ex: Executor, departmentId: string | null): Promise<{ regionCode: string; deptCode: string | null; deptName: string | null }> {
    if (!departmentId) return { regionCode: this.k.config.regionCode, deptCode: null, deptName: null };
    const names = (await this.ctx.org.departmentNames([departmentId], ex)).get(departmentId);
    const within = await this.ctx.org.departmentsWithin(names?.regionCode ?? this.k.config.regionCode, ex);
    const dept = within.find((x) => x.id === departmentId);
    return { regionCode: names?.regionCode ?? this.k.config.regionCode, deptCode: dept?.code ?? null, deptName: names?.name ?? null };
  }

  /** The next 索引号 for an issuer in a year, by the region's scheme (setting openness.library). */
  private async nextIndexNo(trx: Tx, regionCode: string, deptCode: string | null, year: number): Promise<string> {
    const s = await librarySettings(this.k.settings, regionCode, trx);
    const org = deptCode ? (s.creditCodes[deptCode] ?? `${regionCode}${deptCode}`) : regionCode;
    const r = await libraryDb(trx)
      .insertInto('openness_index_counter')
      .values({ prefix: org, year, last: 1 })
      .onConflict((oc) => oc.columns(['prefix', 'year']).doUpdateSet({ last: sql`openness_index_counter.last + 1` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    return s.indexScheme
      .replace('{org}', org)
      .replace('{region}', regionCode)
      .replace('{dept}', deptCode ?? '')
      .replace('{year}', String(year))
      .replace('{seq}', String(r.last).padStart(s.seqDigits, '0'));
  }

  private async addHistory(trx: Tx, who: Principal, row: DocumentRow, action: HistoryAction, reason: string | null, reviewId: string | null): Promise<void> {
    await libraryDb(trx)
      .insertInto('openness_document_history')
      .values({
        id: uuidv7(),
        document_id: row.id,
        region_code: row.region_code,
        action,
        actor_id: who.accountId,
        actor_name: who.name,
        at: this.k.clock.now(),
        reason,
        review_id: reviewId,
        version: row.version,
        snapshot: JSON.stringify(snapshotOf(row)),
      })
      .execute();
  }

  private async record(trx: Tx, who: Principal, row: DocumentRow, action: HistoryAction, change: Record<string, unknown>, requestId?: string): Promise<void> {
    await this.k.recordChange(trx, {
      actor: actorOf(who),
      action,
      objectType: DOCUMENT,
      objectId: row.id,
      regionCode: row.region_code,
      change,
      summary: { indexNo: row.index_no, kind: row.kind, state: row.state, validity: row.validity },
      requestId,
    });
  }

  private valuesOf(input: DocumentInput, issuerName: string) {
    return {
      title: input.title.trim(),
      title_en: input.titleEn?.trim() || null,
      kind: input.kind,
      theme_code: input.themeCode,
      issuer_department_id: input.issuerDepartmentId ?? null,
      issuer_name: issuerName,
      number: input.number?.trim() || null,
      written_on: input.writtenOn,
      published_on: input.publishOn ?? this.today(),
      disclosure: input.disclosure,
      summary: input.summary?.trim() || null,
      body: input.body.replace(/\r\n?/g, '\n'),
      keywords: [...new Set((input.keywords ?? []).map((w) => w.trim()))],
      attachments: JSON.stringify((input.attachments ?? []).map((a) => ({ fileId: a.fileId, name: a.name.trim() }))),
      links: JSON.stringify((input.links ?? []).map((l) => ({ label: l.label.trim(), url: l.url.trim() }))),
      interpretation_of: input.interpretationOf ?? null,
      interpretation_form: input.kind === 'interpretation' ? (input.interpretationForm ?? 'text') : null,
    };
  }

  /** Marks what a document repeals or amends, each with its history and audit entry. */
  private async replace(trx: Tx, who: Principal, by: DocumentRow, replaces: DocumentInput['replaces'], requestId?: string): Promise<void> {
    for (const r of replaces ?? []) {
      const old = await libraryDb(trx)
        .updateTable('openness_document')
        .set({
          validity: r.as,
          replaced_by: by.id,
          validity_note: `${r.as === 'repealed' ? '已被废止' : '已被修订'}：${by.title}${by.number ? `（${by.number}）` : ''}`,
          updated_at: this.k.clock.now(),
          version: sql`version + 1`,
        })
        .where('id', '=', r.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.addHistory(trx, who, old, 'replaced', old.validity_note, by.review_id);
      await this.record(trx, who, old, 'replaced', { validity: { to: r.as }, replacedBy: by.id }, requestId);
    }
  }

  /** Publishes a reviewed (or imported) document; returns its id and 索引号. */
  async publish(
    trx: Tx,
    who: Principal,
    input: DocumentInput,
    why: { reviewId: string | null; note?: string },
    opts: { origin?: 'review' | 'import'; validity?: 'valid' | 'expired'; validityNote?: string | null; requestId?: string } = {},
  ): Promise<{ id: string; indexNo: string }> {
    await this.check(trx, input, null);
    const { regionCode, deptCode, deptName } = await this.regionOf(trx, input.issuerDepartmentId ?? null);
    this.assertCanWrite(who, regionCode);
    const values = this.valuesOf(input, input.issuerName?.trim() || deptName || '');
    const id = uuidv7();
    const indexNo = await this.nextIndexNo(trx, regionCode, deptCode, Number(values.published_on.slice(0, 4)));
    const now = this.k.clock.now();
    const origin = opts.origin ?? 'review';
    const row = await libraryDb(trx)
      .insertInto('openness_document')
      .values({
        id,
        region_code: regionCode,
        index_no: indexNo,
        ...values,
        validity: opts.validity ?? 'valid',
        validity_note: opts.validity === 'expired' ? opts.validityNote?.trim() || '已失效' : null,
        replaced_by: null,
        state: 'published',
        withdrawn_reason: null,
        origin,
        review_id: why.reviewId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const action = origin === 'import' ? 'imported' : 'published';
    await this.addHistory(trx, who, row, action, why.note?.trim() || null, why.reviewId);
    await this.record(trx, who, row, action, { title: row.title, number: row.number, publishedOn: row.published_on, reviewId: why.reviewId, interpretationOf: row.interpretation_of }, opts.requestId);
    await this.replace(trx, who, row, input.replaces, opts.requestId);
    this.onChange();
    return { id, indexNo };
  }

  /** A reviewed change: a new version, the old one kept in the history. */
  async change(trx: Tx, who: Principal, id: string, input: DocumentInput, why: { reviewId: string | null; note: string }): Promise<void> {
    const old = await this.row(trx, id, true);
    if (!old) throw LibraryErrors.notFound();
    if (old.state !== 'published') throw LibraryErrors.withdrawn();
    this.assertCanWrite(who, old.region_code);
    if (!why.note?.trim()) throw LibraryErrors.invalid([{ path: '/note', zh: '须说明修改理由', en: 'A reason for the change is required' }]);
    await this.check(trx, { ...input, publishOn: input.publishOn ?? old.published_on }, id);
    if (old.kind === 'interpretation' ? input.kind !== 'interpretation' : input.kind === 'interpretation')
      throw LibraryErrors.invalid([{ path: '/kind', zh: '原文与解读不能互相改变', en: 'A document cannot become an interpretation or stop being one' }]);
    const { deptName } = await this.regionOf(trx, input.issuerDepartmentId ?? null);
    const values = this.valuesOf({ ...input, publishOn: input.publishOn ?? old.published_on }, input.issuerName?.trim() || deptName || '');
    const row = await libraryDb(trx)
      .updateTable('openness_document')
      .set({ ...values, review_id: why.reviewId ?? old.review_id, updated_at: this.k.clock.now(), version: sql`version + 1` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // 解读 published before the original's new date would break the rule: refuse.
    const early = await libraryDb(trx)
      .selectFrom('openness_document')
      .select('id')
      .where('interpretation_of', '=', id)
      .where('state', '=', 'published')
      .where('published_on', '<', row.published_on)
      .executeTakeFirst();
    if (early) throw LibraryErrors.invalid([{ path: '/publishOn', zh: '原文的发布日期不能晚于其已发布的解读', en: 'The original cannot be dated after its published interpretations' }]);
    const changed = Object.fromEntries(
      Object.keys(values)
        .filter((key) => JSON.stringify((old as Record<string, unknown>)[key]) !== JSON.stringify((row as Record<string, unknown>)[key]))
        .map((key) => [key, { from: (old as Record<string, unknown>)[key], to: (row as Record<string, unknown>)[key] }]),
    );
    delete changed.body;
    await this.addHistory(trx, who, row, 'changed', why.note.trim(), why.reviewId);
    await this.record(trx, who, row, 'changed', { ...changed, bodyChanged: old.body !== row.body, reviewId: why.reviewId, note: why.note.trim() });
    await this.replace(trx, who, row, input.replaces);
    this.onChange();
  }

  /** 撤回: no longer shown to the public; the reason kept. Its 解读 are withdrawn with it. */
  async withdraw(trx: Tx, who: Principal, id: string, reason: string, requestId?: string): Promise<void> {
    const old = await this.row(trx, id, true);
    if (!old) throw LibraryErrors.notFound();
    if (old.state !== 'published') throw LibraryErrors.withdrawn();
    this.assertCanWrite(who, old.region_code);
    if (typeof reason !== 'string' || !reason.trim() || reason.length > 2000 || CONTROL.test(reason))
      throw LibraryErrors.invalid([{ path: '/reason', zh: '须说明撤回理由（至多 2000 字）', en: 'A reason for the withdrawal is required (at most 2000 characters)' }]);
    const ids = [id, ...(await libraryDb(trx).selectFrom('openness_document').select('id').where('interpretation_of', '=', id).where('state', '=', 'published').execute()).map((r) => r.id)];
    for (const x of ids) {
      const why = x === id ? reason.trim() : `原文已撤回：${reason.trim()}`;
      const row = await libraryDb(trx)
        .updateTable('openness_document')
        .set({ state: 'withdrawn', withdrawn_reason: why, updated_at: this.k.clock.now(), version: sql`version + 1` })
        .where('id', '=', x)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.addHistory(trx, who, row, 'withdrawn', why, null);
      await this.record(trx, who, row, 'withdrawn', { state: { from: 'published', to: 'withdrawn' }, reason: why }, requestId);
    }
    this.onChange();
  }

  /** 有效性: 失效 (with a reason) or back to 有效, by the issuing department's editor or a manager; the expected version guards against two at once. */
  async setValidity(who: Principal, id: string, input: { validity: 'valid' | 'expired'; reason: string; expectedVersion: number }, requestId?: string): Promise<LibraryDocument> {
    const doc = await this.k.db.transaction().execute(async (trx) => {
      const old = await this.row(trx, id, true);
      if (!old) throw LibraryErrors.notFound();
      this.assertCanEdit(who, old);
      if (old.state !== 'published') throw LibraryErrors.withdrawn();
      if (old.version !== input.expectedVersion) throw LibraryErrors.stale();
      if (old.kind === 'interpretation')
        throw LibraryErrors.invalid([{ path: '/validity', zh: '解读随原文，不单独标注有效性', en: 'An interpretation follows its original and has no validity of its own' }]);
      if (old.validity === 'repealed' || old.validity === 'amended')
        throw LibraryErrors.invalid([{ path: '/validity', zh: '已被废止或修订的文件不能改变有效性', en: 'A repealed or amended document keeps that validity' }]);
      if (!input.reason.trim() || CONTROL.test(input.reason)) throw LibraryErrors.invalid([{ path: '/reason', zh: '须说明理由', en: 'A reason is required' }]);
      if (old.validity === input.validity) throw LibraryErrors.invalid([{ path: '/validity', zh: '有效性没有变化', en: 'The validity is already so' }]);
      const row = await libraryDb(trx)
        .updateTable('openness_document')
        .set({ validity: input.validity, validity_note: input.validity === 'expired' ? input.reason.trim() : null, updated_at: this.k.clock.now(), version: sql`version + 1` })
        .where('id', '=', id)
        .where('version', '=', input.expectedVersion)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw LibraryErrors.stale();
      await this.addHistory(trx, who, row, 'validity', input.reason.trim(), null);
      await this.record(trx, who, row, 'validity', { validity: { from: old.validity, to: row.validity }, reason: input.reason.trim() }, requestId);
      return (await this.documents(trx, [row]))[0];
    });
    this.onChange();
    return doc;
  }

  /**
   * 存量文件导入: documents already published elsewhere, each through every check, recorded as an
   * import; all or nothing. A later item may point at an earlier one by `#key` (its 原文, or what it replaces).
   */
  async import(who: Principal, items: ImportItem[], requestId?: string): Promise<{ key: string | null; id: string; indexNo: string }[]> {
    if (!this.ctx.policy.can(who, 'openness.manage', { regionCode: who.regionCode || this.k.config.regionCode })) throw who ? Errors.forbidden() : Errors.unauthenticated();
    const out = await this.k.db.transaction().execute(async (trx) => {
      const keys = new Map<string, string>();
      const done: { key: string | null; id: string; indexNo: string }[] = [];
      const resolve = (path: string, ref: string | null | undefined) => {
        if (!ref || !ref.startsWith('#')) return ref ?? null;
        const id = keys.get(ref.slice(1));
        if (!id) throw LibraryErrors.invalid([{ path, zh: `导入批次中找不到“${ref}”`, en: `“${ref}” is not an earlier item of this import` }]);
        return id;
      };
      for (const [i, item] of items.entries()) {
        const { key, validity, validityNote, ...input } = item;
        const resolved: DocumentInput = {
          ...input,
          interpretationOf: resolve(`/items/${i}/interpretationOf`, input.interpretationOf),
          replaces: input.replaces?.map((r, j) => ({ ...r, id: resolve(`/items/${i}/replaces/${j}/id`, r.id)! })),
        };
        try {
          const r = await this.publish(trx, who, resolved, { reviewId: null, note: '存量文件导入' }, { origin: 'import', validity, validityNote, requestId });
          if (key) {
            if (keys.has(key)) throw LibraryErrors.invalid([{ path: `/items/${i}/key`, zh: `导入批次中的标识“${key}”重复`, en: `The key “${key}” is used twice in this import` }]);
            keys.set(key, r.id);
          }
          done.push({ key: key ?? null, ...r });
        } catch (e) {
          // Say which item failed: its problems' paths are put under /items/<i>.
          if (e instanceof DomainError && e.errors?.length)
            throw new DomainError(
              e.code,
              e.status,
              `第 ${i + 1} 件：${e.zh}`,
              `Item ${i + 1}: ${e.en}`,
              e.errors.map((p) => ({ ...p, path: p.path.startsWith('/items/') ? p.path : `/items/${i}${p.path}` })),
            );
          throw e;
        }
      }
      return done;
    });
    this.onChange();
    return out;
  }

  /** The 主题分类 list as a whole: codes may be added, renamed, reordered or deactivated; a used code is never removed. */
  async saveThemes(who: Principal, themes: Theme[], requestId?: string): Promise<Theme[]> {
    const regionCode = who.regionCode || this.k.config.regionCode;
    if (!this.ctx.policy.can(who, 'openness.manage', { regionCode })) throw Errors.forbidden();
    const problems: Problem[] = [];
    const seen = new Set<string>();
    for (const [i, t] of themes.entries()) {
      if (!/^[0-9A-Za-z_-]{1,20}$/.test(t.code)) problems.push({ path: `/themes/${i}/code`, zh: '代码为 1–20 位字母、数字', en: 'A code is 1–20 letters or digits' });
      if (seen.has(t.code)) problems.push({ path: `/themes/${i}/code`, zh: `代码 ${t.code} 重复`, en: `Code ${t.code} appears twice` });
      seen.add(t.code);
      if (!t.name.trim() || t.name.length > 100 || CONTROL.test(t.name)) problems.push({ path: `/themes/${i}/name`, zh: '名称为 1–100 字', en: 'A name has 1–100 characters' });
      if (t.nameEn.length > 200 || CONTROL.test(t.nameEn)) problems.push({ path: `/themes/${i}/nameEn`, zh: '英文名称至多 200 字', en: 'An English name has at most 200 characters' });
    }
    if (!themes.some((t) => t.active)) problems.push({ path: '/themes', zh: '至少保留一个启用的主题分类', en: 'At least one theme must stay active' });
    if (problems.length) throw LibraryErrors.invalid(problems);
    await this.k.db.transaction().execute(async (trx) => {
      const before = await this.themes(trx, true);
      for (const old of before) if (!seen.has(old.code)) throw LibraryErrors.themeInUse(old.code);
      const now = this.k.clock.now();
      for (const [i, t] of themes.entries()) {
        await libraryDb(trx)
          .insertInto('openness_theme')
          .values({ code: t.code, name: t.name.trim(), name_en: t.nameEn.trim(), position: i + 1, active: t.active, updated_at: now })
          .onConflict((oc) => oc.column('code').doUpdateSet({ name: t.name.trim(), name_en: t.nameEn.trim(), position: i + 1, active: t.active, updated_at: now }))
          .execute();
      }
      await this.k.recordChange(trx, { actor: actorOf(who), action: 'saved', objectType: THEME, objectId: regionCode, regionCode, change: { before, after: themes }, requestId });
    });
    return this.themes(this.k.db, true);
  }

  /** 年度报告 第二部分 and the documents published in the year, from the documents and their history. */
  async yearFigures(ex: Executor, year: number): Promise<LibraryYearFigures> {
    const rows = await libraryDb(ex).selectFrom('openness_document').selectAll().execute();
    const history = await libraryDb(ex).selectFrom('openness_document_history').select(['document_id', 'at', 'snapshot', 'action']).orderBy('at').orderBy('id').execute();
    const byDoc = new Map<string, { at: Date; validity: Validity; state: string }[]>();
    for (const h of history) {
      const list = byDoc.get(h.document_id) ?? [];
      list.push({ at: new Date(h.at), validity: h.snapshot.validity as Validity, state: String(h.snapshot.state) });
      byDoc.set(h.document_id, list);
    }
    const end = new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000);
    const start = new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000);
    const y = String(year);
    const at = (id: string, when: Date) => {
      const list = byDoc.get(id) ?? [];
      return [...list].reverse().find((h) => h.at < when) ?? list[0];
    };
    const figures = (kind: DocumentKind) => {
      const docs = rows.filter((r) => r.kind === kind && r.published_on.slice(0, 4) <= y);
      const made = docs.filter((r) => r.published_on.startsWith(y)).length;
      let repealed = 0;
      let inForce = 0;
      for (const r of docs) {
        const before = r.published_on.startsWith(y) ? 'valid' : (at(r.id, start)?.validity ?? 'valid');
        const after = at(r.id, end);
        if (!after) continue;
        if (after.state === 'published' && after.validity === 'valid') inForce++;
        if (before === 'valid' && after.validity !== 'valid') repealed++;
      }
      return { made, repealed, inForce };
    };
    const published: Partial<Record<DocumentKind, number>> = {};
    for (const r of rows) if (r.published_on.startsWith(y) && r.disclosure === 'proactive') published[r.kind] = (published[r.kind] ?? 0) + 1;
    return { regulation: figures('regulation'), normative: figures('normative'), published };
  }
}

function snapshotOf(r: DocumentRow): Record<string, unknown> {
  return {
    indexNo: r.index_no,
    title: r.title,
    titleEn: r.title_en,
    kind: r.kind,
    themeCode: r.theme_code,
    issuerDepartmentId: r.issuer_department_id,
    issuerName: r.issuer_name,
    number: r.number,
    writtenOn: r.written_on,
    publishedOn: r.published_on,
    disclosure: r.disclosure,
    summary: r.summary,
    body: r.body,
    keywords: r.keywords,
    attachments: r.attachments,
    links: r.links,
    validity: r.validity,
    validityNote: r.validity_note,
    replacedBy: r.replaced_by,
    interpretationOf: r.interpretation_of,
    interpretationForm: r.interpretation_form,
    state: r.state,
    withdrawnReason: r.withdrawn_reason,
  };
}

export function toDocument(r: DocumentRow, interpretations: string[]): LibraryDocument {
  return {
    id: r.id,
    indexNo: r.index_no,
    title: r.title,
    titleEn: r.title_en,
    kind: r.kind,
    themeCode: r.theme_code,
    issuerDepartmentId: r.issuer_department_id,
    issuerName: r.issuer_name,
    number: r.number,
    writtenOn: r.written_on,
    publishedOn: r.published_on,
    disclosure: r.disclosure,
    summary: r.summary,
    body: r.body,
    keywords: r.keywords,
    attachments: r.attachments,
    links: r.links,
    validity: r.validity,
    replacedBy: r.replaced_by,
    interpretationOf: r.interpretation_of,
    interpretationForm: r.interpretation_form,
    interpretations,
    state: r.state,
    version: r.version,
    regionCode: r.region_code,
  };
}
