import { sql, type Selectable } from 'kysely';
import { cstDate } from '../../../kernel/calendar/index.ts';
import type { Executor, Tx } from '../../../kernel/db/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { newId } from '../../../kernel/ids/index.ts';
import { decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import { actorOf, assertAllowed, type Principal } from '../../../kernel/policy/index.ts';
import { need, type OpennessContext } from '../area.ts';
import type { RequestProgress } from '../ports.ts';
import { ReportErrors } from './errors.ts';
import { reportsDb, type OpennessReportTable, type ReportAction, type ReportFigures, type ReportState, type ReportTexts } from './tables.ts';
import { buildTables, EMPTY_ENTERED, outcomesTotal, requestTable, REVIEW_GROUPS, tablesCsv, type Check, type EnteredFigures, type Label, type ReportTable, type ReviewOutcomes } from './template.ts';

/** The first year a report can be for: the 2008 条例 began the yearly reports. */
export const FIRST_YEAR = 2008;
const TEXT_MAX = 20_000;
const MANAGE = 'openness.manage';

type Row = Selectable<OpennessReportTable>;

/** What an editor may change in a draft: the entered figures (each part whole) and the texts. */
export interface ReportEdit {
  expectedVersion: number;
  entered?: {
    active?: EnteredFigures['active'];
    reconsideration?: ReviewOutcomes & { total?: number };
    litigationDirect?: ReviewOutcomes & { total?: number };
    litigationAfterReconsideration?: ReviewOutcomes & { total?: number };
    processingFees?: EnteredFigures['processingFees'];
  };
  texts?: Partial<ReportTexts>;
}

export interface ReportActionView {
  action: ReportAction;
  actorName: string;
  note: string | null;
  at: string;
}

export interface EditionView {
  edition: number;
  state: ReportState;
  publishedAt: string | null;
  correctionReason: string | null;
}

export interface ReportView {
  id: string;
  regionCode: string;
  year: number;
  edition: number;
  state: ReportState;
  title: Label;
  computedAt: string;
  generatedBy: string;
  publishedAt: string | null;
  publishedBy: string | null;
  texts: ReportTexts;
  entered: EnteredFigures;
  tables: ReportTable[];
  checks: Check[];
  explanation: string | null;
  correctionReason: string | null;
  /** The year's editions (published and superseded; a draft only for staff). */
  editions: EditionView[];
  /** Who did what (staff only). */
  actions?: ReportActionView[];
  version: number;
}

export interface ReportSummary {
  year: number;
  edition: number;
  state: ReportState;
  title: Label;
  publishedAt: string | null;
  updatedAt: string;
  checks: number;
}

export interface Overview {
  year: number;
  asOf: string;
  received: number;
  carriedIn: number;
  answered: number;
  /** From RequestsPort.progress when the requests area provides it; null otherwise (open: not answered by the year's end). */
  answeredOnTime: number | null;
  answeredLate: number | null;
  open: number | null;
  overdue: number | null;
  outcomes: { key: string; label: Label; count: number }[];
  published: number;
  report: { edition: number; state: ReportState; version: number } | null;
}

/**
 * 政府信息公开工作年度报告: the 政务公开办 (openness.manage) generates a region's report for a year from
 * the library's and the requests' figures, enters what the platform cannot know, writes the texts and
 * publishes it. Publishing needs no further approval: openness.manage is the 政务公开办's (and the
 * region administrator's) permission, and the report is a summary of records already approved one by one.
 */
export class Reports {
  constructor(private readonly ctx: OpennessContext) {}

  private get k() {
    return this.ctx.k;
  }

  private get region() {
    return this.k.config.regionCode;
  }

  /** The year as a report may name it: 2008 up to this year (China time). */
  assertYear(year: number): void {
    const last = Number(cstDate(this.k.clock.now()).slice(0, 4));
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > last) throw ReportErrors.yearOutOfRange(FIRST_YEAR, last);
  }

  /* ── public ─────────────────────────────────────────────────────────────────────────── */

  /** Published reports, newest year first. */
  async years(q: { after?: string; limit?: number }): Promise<{ items: ReportSummary[]; next: string | null }> {
    const limit = Math.min(Math.max(q.limit ?? 20, 1), 50);
    const after = decodeCursor(q.after, 1);
    const rows = await reportsDb(this.k.db)
      .selectFrom('openness_report')
      .selectAll()
      .where('region_code', '=', this.region)
      .where('state', '=', 'published')
      .$if(!!after, (qb) => qb.where('year', '<', Number(after![0])))
      .orderBy('year', 'desc')
      .limit(limit + 1)
      .execute();
    const pg = pageOf(rows, limit, (r) => [r.year]);
    const name = await this.regionName();
    return { items: pg.items.map((r) => this.summary(r, name)), next: pg.next };
  }

  /** The published report of a year (or an earlier, superseded edition of it). */
  async published(year: number, edition?: number): Promise<ReportView> {
    this.assertYear(year);
    const r = await reportsDb(this.k.db)
      .selectFrom('openness_report')
      .selectAll()
      .where('region_code', '=', this.region)
      .where('year', '=', year)
      .$if(edition === undefined, (qb) => qb.where('state', '=', 'published'))
      .$if(edition !== undefined, (qb) => qb.where('edition', '=', edition!).where('state', '!=', 'draft'))
      .executeTakeFirst();
    if (!r) throw ReportErrors.notPublished(year);
    return this.view(r, false);
  }

  async publishedCsv(year: number, lang: 'zh' | 'en'): Promise<{ name: string; body: string }> {
    return this.csvOf(await this.published(year), lang);
  }

  /* ── staff ──────────────────────────────────────────────────────────────────────────── */

  /** Every year's latest edition (draft or published), newest year first. */
  async list(who: Principal | null, q: { after?: string; limit?: number }): Promise<{ items: ReportSummary[]; next: string | null }> {
    assertAllowed(this.ctx.policy, who, MANAGE, { regionCode: this.region });
    const limit = Math.min(Math.max(q.limit ?? 20, 1), 50);
    const after = decodeCursor(q.after, 1);
    const rows = await reportsDb(this.k.db)
      .selectFrom('openness_report')
      .selectAll()
      .where('region_code', '=', this.region)
      .where('state', '!=', 'superseded')
      .$if(!!after, (qb) => qb.where('year', '<', Number(after![0])))
      .orderBy('year', 'desc')
      .orderBy('edition', 'desc')
      .limit(2 * (limit + 1))
      .execute();
    // A year with a published edition and a correction draft: the draft (newer edition) stands for it.
    const latest = rows.filter((r, i) => i === 0 || rows[i - 1].year !== r.year).slice(0, limit + 1);
    const pg = pageOf(latest, limit, (r) => [r.year]);
    const name = await this.regionName();
    return { items: pg.items.map((r) => this.summary(r, name)), next: pg.next };
  }

  /** A year's draft, with its checks and history. */
  async draft(who: Principal | null, year: number): Promise<ReportView> {
    assertAllowed(this.ctx.policy, who, MANAGE, { regionCode: this.region });
    this.assertYear(year);
    return this.view(await this.draftRow(this.k.db, year), true);
  }

  async draftCsv(who: Principal | null, year: number, lang: 'zh' | 'en'): Promise<{ name: string; body: string }> {
    return this.csvOf(await this.draft(who, year), lang);
  }

  /** A new draft of a year computed from the records now; refused when a draft or a published edition exists. */
  async generate(who: Principal | null, year: number, requestId?: string): Promise<ReportView> {
    assertAllowed(this.ctx.policy, who, MANAGE, { regionCode: this.region });
    this.assertYear(year);
    const existing = await reportsDb(this.k.db).selectFrom('openness_report').select(['state']).where('region_code', '=', this.region).where('year', '=', year).execute();
    if (existing.some((r) => r.state === 'draft')) throw ReportErrors.draftExists(year);
    if (existing.length) throw ReportErrors.alreadyPublished(year);
    const row = await this.k.db.transaction().execute(async (trx) => {
      const figures = await this.figures(trx, year);
      const { tables, checks } = buildTables(figures.library, figures.requests, EMPTY_ENTERED);
      const now = this.k.clock.now();
      const texts: ReportTexts = { overview: this.suggestedOverview(year, figures), problems: '', other: '' };
      const r = await reportsDb(trx)
        .insertInto('openness_report')
        .values({
          id: newId(),
          region_code: this.region,
          year,
          edition: 1,
          state: 'draft',
          figures: JSON.stringify(figures),
          computed_at: now,
          entered: JSON.stringify(EMPTY_ENTERED),
          texts: JSON.stringify(texts),
          tables: JSON.stringify(tables),
          checks: JSON.stringify(checks),
          explanation: null,
          corrects: null,
          correction_reason: null,
          generated_by: who.accountId,
          generated_by_name: who.name,
          published_by: null,
          published_by_name: null,
          published_at: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      // Two managers generating at once: the second finds the first's draft.
      if (!r) throw ReportErrors.draftExists(year);
      await this.trace(trx, who, r, 'generated', null, { figures, checks: checks.length }, requestId);
      return r;
    });
    return this.view(row, true);
  }

  /** Recomputes a draft's figures from the records now; entered figures and texts stay. */
  async regenerate(who: Principal | null, year: number, expectedVersion: number, requestId?: string): Promise<ReportView> {
    assertAllowed(this.ctx.policy, who, MANAGE, { regionCode: this.region });
    this.assertYear(year);
    const before = await this.draftRow(this.k.db, year);
    const row = await this.k.db.transaction().execute(async (trx) => {
      const figures = await this.figures(trx, year);
      const { tables, checks } = buildTables(figures.library, figures.requests, before.entered);
      const now = this.k.clock.now();
      const r = await this.update(trx, before, expectedVersion, {
        figures: JSON.stringify(figures),
        computed_at: now,
        tables: JSON.stringify(tables),
        checks: JSON.stringify(checks),
      });
      await this.trace(trx, who, r, 'regenerated', null, { figures: { from: before.figures, to: figures }, checks: checks.length }, requestId);
      return r;
    });
    return this.view(row, true);
  }

  /** Entered figures (each part given is replaced whole) and texts of a draft, validated. */
  async edit(who: Principal | null, year: number, input: ReportEdit, requestId?: string): Promise<ReportView> {
    assertAllowed(this.ctx.policy, who, MANAGE, { regionCode: this.region });
    this.assertYear(year);
    const before = await this.draftRow(this.k.db, year);
    const entered: EnteredFigures = structuredClone(before.entered);
    const e = input.entered ?? {};
    if (e.active) entered.active = { ...e.active };
    if (e.processingFees) entered.processingFees = { ...e.processingFees };
    for (const [g] of REVIEW_GROUPS) {
      const o = e[g];
      if (!o) continue;
      const { total, ...parts } = o;
      const sum = outcomesTotal(parts);
      if (total !== undefined && total !== sum) throw ReportErrors.totalMismatch(`/entered/${g}/total`, sum);
      entered[g] = parts;
    }
    const texts: ReportTexts = { ...before.texts };
    for (const key of ['overview', 'problems', 'other'] as const) {
      const v = input.texts?.[key];
      if (v === undefined) continue;
      const t = v.trim();
      if ([...t].length > TEXT_MAX) throw Errors.validation([{ path: `/texts/${key}`, message: `at most ${TEXT_MAX} characters / 不超过 ${TEXT_MAX} 字` }]);
      texts[key] = t;
    }
    const { tables, checks } = buildTables(before.figures.library, before.figures.requests, entered);
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await this.update(trx, before, input.expectedVersion, {
        entered: JSON.stringify(entered),
        texts: JSON.stringify(texts),
        tables: JSON.stringify(tables),
        checks: JSON.stringify(checks),
      });
      await this.trace(trx, who, r, 'edited', null, { entered: { from: before.entered, to: entered }, texts: changedTexts(before.texts, texts) }, requestId);
      return r;
    });
    return this.view(row, true);
  }

  /**
   * Publishes a draft: its year must be over and 总体情况 written; figures that break the template's
   * identities need an explanation, published with the report. A correction supersedes the edition it corrects.
   */
  async publish(who: Principal | null, year: number, input: { expectedVersion: number; explanation?: string }, requestId?: string): Promise<ReportView> {
    assertAllowed(this.ctx.policy, who, MANAGE, { regionCode: this.region });
    this.assertYear(year);
    const before = await this.draftRow(this.k.db, year);
    if (cstDate(this.k.clock.now()) < `${year + 1}-01-01`) throw ReportErrors.yearNotOver(year);
    if (!before.texts.overview.trim()) throw ReportErrors.textMissing('/texts/overview');
    const explanation = input.explanation?.trim() || null;
    if (explanation && [...explanation].length > TEXT_MAX) throw Errors.validation([{ path: '/explanation', message: `at most ${TEXT_MAX} characters / 不超过 ${TEXT_MAX} 字` }]);
    if (before.checks.length && !explanation) throw ReportErrors.inconsistent(before.checks.map((c) => ({ path: `/tables/requests/${c.row}/${c.column}`, message: `${c.zh} / ${c.en}` })));
    const now = this.k.clock.now();
    const row = await this.k.db.transaction().execute(async (trx) => {
      if (before.corrects) {
        const old = await reportsDb(trx)
          .updateTable('openness_report')
          .set({ state: 'superseded', updated_at: now, version: sql`version + 1` })
          .where('id', '=', before.corrects)
          .where('state', '=', 'published')
          .returningAll()
          .executeTakeFirst();
        if (old) await this.action(trx, who, old, 'superseded', `第 ${before.edition} 版更正 / corrected by edition ${before.edition}`);
      }
      const r = await this.update(trx, before, input.expectedVersion, {
        state: 'published',
        explanation: before.checks.length ? explanation : null,
        published_by: who.accountId,
        published_by_name: who.name,
        published_at: now,
      });
      await this.trace(trx, who, r, 'published', explanation, { state: { from: 'draft', to: 'published' }, explanation, supersedes: before.corrects }, requestId);
      return r;
    });
    return this.view(row, true);
  }

  /** A correction of the published report: a new draft (next edition) with its figures and texts, and why. */
  async correct(who: Principal | null, year: number, reason: string, requestId?: string): Promise<ReportView> {
    assertAllowed(this.ctx.policy, who, MANAGE, { regionCode: this.region });
    this.assertYear(year);
    const why = reason.trim();
    if (!why) throw ReportErrors.blank('/reason');
    if ([...why].length > 2000) throw Errors.validation([{ path: '/reason', message: 'at most 2000 characters / 不超过 2000 字' }]);
    const all = await reportsDb(this.k.db).selectFrom('openness_report').selectAll().where('region_code', '=', this.region).where('year', '=', year).orderBy('edition', 'desc').execute();
    if (all.some((r) => r.state === 'draft')) throw ReportErrors.draftExists(year);
    const pub = all.find((r) => r.state === 'published');
    if (!pub) throw ReportErrors.notPublished(year);
    const now = this.k.clock.now();
    const row = await this.k.db.transaction().execute(async (trx) => {
      const r = await reportsDb(trx)
        .insertInto('openness_report')
        .values({
          id: newId(),
          region_code: this.region,
          year,
          edition: all[0].edition + 1,
          state: 'draft',
          figures: JSON.stringify(pub.figures),
          computed_at: pub.computed_at,
          entered: JSON.stringify(pub.entered),
          texts: JSON.stringify(pub.texts),
          tables: JSON.stringify(pub.tables),
          checks: JSON.stringify(pub.checks),
          explanation: pub.explanation,
          corrects: pub.id,
          correction_reason: why,
          generated_by: who.accountId,
          generated_by_name: who.name,
          published_by: null,
          published_by_name: null,
          published_at: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!r) throw ReportErrors.draftExists(year);
      await this.trace(trx, who, r, 'corrected', why, { corrects: pub.id, edition: r.edition, reason: why }, requestId);
      return r;
    });
    return this.view(row, true);
  }

  /** The 政务公开办's view of a year so far: requests received, answered (on time / late), open and overdue. */
  async overview(who: Principal | null, year: number): Promise<Overview> {
    assertAllowed(this.ctx.policy, who, MANAGE, { regionCode: this.region });
    this.assertYear(year);
    const requests = need(this.ctx, 'requests');
    const [f, progress, lib] = await Promise.all([
      requests.yearFigures(this.k.db, year),
      requests.progress ? requests.progress(this.k.db, year) : Promise.resolve<RequestProgress | null>(null),
      this.ctx.ports.library ? this.ctx.ports.library.yearFigures(this.k.db, year) : Promise.resolve(null),
    ]);
    const { table } = requestTable(f);
    const totalAt = table.columns.length - 1;
    const outcomes = table.rows.filter((r) => r.level >= 1 && r.cells && r.key !== 'answered').map((r) => ({ key: r.key, label: r.label, count: r.cells![totalAt] }));
    const report = await reportsDb(this.k.db)
      .selectFrom('openness_report')
      .select(['edition', 'state', 'version'])
      .where('region_code', '=', this.region)
      .where('year', '=', year)
      .where('state', '!=', 'superseded')
      .orderBy('edition', 'desc')
      .executeTakeFirst();
    return {
      year,
      asOf: this.k.clock.now().toISOString(),
      received: f.received.total,
      carriedIn: f.carriedIn.total,
      answered: f.answered.total,
      answeredOnTime: progress?.answeredOnTime ?? null,
      answeredLate: progress?.answeredLate ?? null,
      // Without progress(): those not answered by the end of the year, i.e. for this year those open now.
      open: progress?.open ?? f.carriedOut.total,
      overdue: progress?.overdue ?? null,
      outcomes,
      published: lib ? Object.values(lib.published).reduce((a, n) => a + (n ?? 0), 0) : 0,
      report: report ?? null,
    };
  }

  /* ── inside ─────────────────────────────────────────────────────────────────────────── */

  private async figures(ex: Executor, year: number): Promise<ReportFigures> {
    const [library, requests] = await Promise.all([need(this.ctx, 'library').yearFigures(ex, year), need(this.ctx, 'requests').yearFigures(ex, year)]);
    return { library, requests };
  }

  private async draftRow(ex: Executor, year: number): Promise<Row> {
    const r = await reportsDb(ex).selectFrom('openness_report').selectAll().where('region_code', '=', this.region).where('year', '=', year).where('state', '=', 'draft').executeTakeFirst();
    if (!r) throw ReportErrors.noDraft(year);
    return r;
  }

  /** Writes a draft's change if nobody changed it since `expectedVersion` (409 otherwise). */
  private async update(trx: Tx, before: Row, expectedVersion: number, set: Record<string, unknown>): Promise<Row> {
    const r = await reportsDb(trx)
      .updateTable('openness_report')
      .set({ ...set, updated_at: this.k.clock.now(), version: sql`version + 1` })
      .where('id', '=', before.id)
      .where('state', '=', 'draft')
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (!r) throw ReportErrors.stale();
    return r;
  }

  private async action(trx: Tx, who: Principal, r: Row, action: ReportAction, note: string | null): Promise<void> {
    await reportsDb(trx)
      .insertInto('openness_report_history')
      .values({ id: newId(), report_id: r.id, region_code: r.region_code, action, actor_id: who.accountId, actor_name: who.name, note, at: this.k.clock.now() })
      .execute();
  }

  /** The action row, the audit entry and the event of one change. */
  private async trace(trx: Tx, who: Principal, r: Row, action: Exclude<ReportAction, 'superseded'>, note: string | null, change: unknown, requestId?: string): Promise<void> {
    await this.action(trx, who, r, action, note);
    await this.k.recordChange(trx, {
      actor: actorOf(who),
      action,
      objectType: 'openness.report',
      objectId: r.id,
      regionCode: r.region_code,
      change,
      summary: { year: r.year, edition: r.edition },
      requestId,
    });
  }

  private regionNameCache: string | null = null;
  private async regionName(): Promise<string> {
    if (this.regionNameCache === null) {
      const r = await this.ctx.org.region(this.region).catch(() => null);
      this.regionNameCache = r?.name ?? '';
    }
    return this.regionNameCache;
  }

  private titleOf(year: number, name: string): Label {
    return { zh: `${name}${year}年政府信息公开工作年度报告`, en: `${year} annual report on government information disclosure${name ? ` (${name})` : ''}` };
  }

  private summary(r: Row, name: string): ReportSummary {
    return {
      year: r.year,
      edition: r.edition,
      state: r.state,
      title: this.titleOf(r.year, name),
      publishedAt: r.published_at?.toISOString() ?? null,
      updatedAt: r.updated_at.toISOString(),
      checks: r.checks.length,
    };
  }

  private async view(r: Row, staff: boolean): Promise<ReportView> {
    const editions = await reportsDb(this.k.db)
      .selectFrom('openness_report')
      .select(['edition', 'state', 'published_at', 'correction_reason'])
      .where('region_code', '=', r.region_code)
      .where('year', '=', r.year)
      .$if(!staff, (qb) => qb.where('state', '!=', 'draft'))
      .orderBy('edition')
      .execute();
    const actions = staff ? await reportsDb(this.k.db).selectFrom('openness_report_history').selectAll().where('report_id', '=', r.id).orderBy('at').orderBy('id').execute() : null;
    return {
      id: r.id,
      regionCode: r.region_code,
      year: r.year,
      edition: r.edition,
      state: r.state,
      title: this.titleOf(r.year, await this.regionName()),
      computedAt: r.computed_at.toISOString(),
      generatedBy: r.generated_by_name,
      publishedAt: r.published_at?.toISOString() ?? null,
      publishedBy: r.published_by_name,
      texts: r.texts,
      entered: r.entered,
      tables: r.tables,
      checks: r.checks,
      explanation: r.explanation,
      correctionReason: r.correction_reason,
      editions: editions.map((e) => ({ edition: e.edition, state: e.state, publishedAt: e.published_at?.toISOString() ?? null, correctionReason: e.correction_reason })),
      ...(actions ? { actions: actions.map((a) => ({ action: a.action, actorName: a.actor_name, note: a.note, at: a.at.toISOString() })) } : {}),
      version: r.version,
    };
  }

  private csvOf(v: ReportView, lang: 'zh' | 'en'): { name: string; body: string } {
    return { name: `openness-report-${v.year}-${v.edition}${v.state === 'draft' ? '-draft' : ''}.csv`, body: tablesCsv(v.title[lang], v.tables, lang) };
  }

  /** A first 总体情况 the editor rewrites: the year's figures in a sentence. */
  private suggestedOverview(year: number, f: ReportFigures): string {
    const published = Object.values(f.library.published).reduce((a, n) => a + (n ?? 0), 0);
    const r = f.requests;
    return (
      `${year}年，本级政府坚持以公开为常态、不公开为例外，全年主动公开政府信息${published}条，其中制发行政规范性文件${f.library.normative.made}件、废止${f.library.normative.repealed}件；` +
      `新收政府信息公开申请${r.received.total}件，上年结转${r.carriedIn.total}件，办结${r.answered.total}件，结转下年度继续办理${r.carriedOut.total}件。`
    );
  }
}

function changedTexts(a: ReportTexts, b: ReportTexts): Record<string, { from: string; to: string }> {
  const out: Record<string, { from: string; to: string }> = {};
  for (const k of ['overview', 'problems', 'other'] as const) if (a[k] !== b[k]) out[k] = { from: a[k], to: b[k] };
  return out;
}
