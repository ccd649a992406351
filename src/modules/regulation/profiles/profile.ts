import { creditCodeProblem } from '../../../kernel/ids/index.ts';
import { assertAllowed, regionWithin, type Principal } from '../../../kernel/policy/index.ts';
import { Errors } from '../../../kernel/http/errors.ts';
import { CREDIT_CLASSES, type CreditClassOf, type TaskFigures } from '../ports.ts';
import { need, type RegulationContext } from '../area.ts';
import type { Approvals } from './approvals.ts';
import type { Complaints } from './complaints.ts';
import { ProfilesErrors } from './errors.ts';
import type { Figures, Profile } from './schema.ts';

/** A task still to be done: no result recorded yet. */
const isOpen = (t: { inspectedOn: string | null; state: string }) => t.inspectedOn === null && !['cancelled', 'closed', 'done', 'published'].includes(t.state);
const ratio = (n: number, d: number) => ({ numerator: n, denominator: d, rate: d ? Math.round((n / d) * 10000) / 10000 : null });
const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 10000 : null);
const classView = (c: CreditClassOf) => ({ class: c.class, score: c.score, reasons: c.reasons, computedAt: c.computedAt });

/**
 * 企业画像: one page per market entity from every source regulation reads. A source that is not
 * plugged in or fails is shown as unavailable, so one missing system does not hide the rest.
 */
export class Profiles {
  constructor(
    readonly ctx: RegulationContext,
    private readonly complaints: Complaints,
    private readonly approvals: Approvals,
  ) {}

  /** Search by name (contains) or credit code (prefix) within the caller's jurisdiction. */
  async search(who: Principal, q: string, limit = 20) {
    assertAllowed(this.ctx.policy, who, 'regulation.read', { regionCode: who.regionCode });
    const hits = await need(this.ctx, 'objects').search(this.ctx.k.db, q.trim(), who.regionCode, limit);
    return hits.map((o) => ({ creditCode: o.creditCode, name: o.name, entityType: o.entityType, regionCode: o.regionCode, status: o.status }));
  }

  async get(who: Principal, rawCode: string): Promise<Profile> {
    const { k, policy, ports } = this.ctx;
    const creditCode = rawCode.toUpperCase();
    if (creditCodeProblem(creditCode)) throw ProfilesErrors.badCreditCode();
    const object = await need(this.ctx, 'objects').get(k.db, creditCode);
    const base = await this.optional(() => ports.entities?.one(creditCode));
    if (!object && !base.value) throw ProfilesErrors.entityUnknown();
    const regionCode = object?.regionCode ?? base.value!.regionCode;
    assertAllowed(policy, who, 'regulation.read', { regionCode });

    const [licences, inspections, penalties, current, history] = await Promise.all([
      this.optional(() => ports.licences?.of(creditCode)),
      this.optional(() => ports.tasks?.ofEntity(k.db, creditCode)),
      this.optional(() => ports.tasks?.penaltiesOf(k.db, creditCode)),
      this.optional(() => ports.credit?.current(k.db, creditCode)),
      this.optional(() => ports.credit?.history(k.db, creditCode)),
    ]);
    const complaints = await this.complaints.of(k.db, creditCode);
    const approvals = await this.approvals.of(k.db, creditCode);
    const b = base.value;
    const tasks = inspections.value ?? [];
    // 告知承诺 still to verify: open verification tasks (with the approval that raised them), and
    // approvals under commitment that got no task (the problem says why).
    const raisedBy = new Map(approvals.flatMap((a) => a.taskIds.map((id) => [id, a] as const)));
    const commitments = [
      ...tasks
        .filter((t) => t.kind === 'commitment' && isOpen(t))
        .map((t) => {
          const a = raisedBy.get(t.id);
          return { applicationNumber: a?.applicationNumber ?? null, serviceItemName: a?.serviceItemName ?? null, taskId: t.id, state: t.state, dueOn: a?.dueOn ?? null, problem: null };
        }),
      ...approvals
        .filter((a) => a.commitment && a.taskIds.length === 0)
        .map((a) => ({ applicationNumber: a.applicationNumber, serviceItemName: a.serviceItemName, taskId: null, state: null, dueOn: null, problem: a.problem })),
    ];
    return {
      creditCode,
      entity: {
        available: !!b,
        name: b?.name ?? object!.name,
        entityType: b?.entityType ?? object?.entityType ?? null,
        regionCode,
        establishedOn: b?.establishedOn ?? null,
        registeredCapital: b?.registeredCapital ?? null,
        status: b?.status ?? object?.status ?? null,
        address: b?.address ?? null,
        legalRepName: b?.legalRepName ?? null,
        blackListed: b ? b.blackListed : null,
        industries: object?.industries ?? [],
        source: object?.source ?? null,
      },
      licences: {
        available: licences.available,
        items: (licences.value ?? []).map((l) => ({ id: l.id, typeName: l.typeName, number: l.number, state: l.state, issuedAt: l.issuedAt, expiresAt: l.expiresAt, issuerName: l.issuerName })),
      },
      complaints: { available: true, items: complaints },
      inspections: {
        available: inspections.available,
        items: tasks.map((t) => ({ id: t.id, kind: t.kind, state: t.state, conclusion: t.conclusion, inspectedOn: t.inspectedOn, publishedAt: t.publishedAt })),
      },
      penalties: { available: penalties.available, items: penalties.value ?? [] },
      commitments: { available: inspections.available, items: commitments },
      approvals: { available: true, items: approvals },
      credit: {
        available: current.available && history.available,
        current: current.value ? classView(current.value) : null,
        history: (history.value ?? []).map(classView),
      },
    };
  }

  /** 监管效能 of a region's year, for leaders. */
  async figures(who: Principal, q: { year?: number; regionCode?: string }): Promise<Figures> {
    const { k, policy, ports } = this.ctx;
    const regionCode = q.regionCode ?? who.regionCode;
    if (who.regionCode && !regionWithin(regionCode, who.regionCode)) throw Errors.forbidden();
    assertAllowed(policy, who, 'regulation.figures', { regionCode });
    const year = q.year ?? Number(new Date(k.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4));
    const unavailable: string[] = [];
    const note = <T>(name: string, r: { available: boolean; value: T | null | undefined }) => {
      if (!r.available) unavailable.push(name);
      return r.value ?? null;
    };
    const tf: TaskFigures | null = note('tasks', await this.optional(() => ports.tasks?.figures(k.db, regionCode, year)));
    const objects = note('objects', await this.optional(() => ports.objects?.inScope(k.db, { regionCodes: [regionCode] }))) ?? [];
    const codes = objects.map((o) => o.creditCode);
    const classes = note('credit', await this.optional(() => ports.credit?.classes(k.db, codes))) ?? new Map();
    const inspected = ports.tasks?.inspectedCodes ? new Set(note('inspections', await this.optional(() => ports.tasks!.inspectedCodes!(k.db, regionCode, year))) ?? []) : null;
    const byClass = CREDIT_CLASSES.map((c) => {
      const of = codes.filter((x) => (classes.get(x) ?? 'B') === c);
      const done = inspected ? of.filter((x) => inspected.has(x)).length : null;
      return { class: c, objects: of.length, inspected: done, rate: done === null ? null : rate(done, of.length) };
    });
    const complaints = await this.complaints.figures(k.db, regionCode, year);
    const approvals = await this.approvals.figures(k.db, regionCode, year);
    const c = tf?.commitments ?? { onTime: 0, late: 0, open: 0, overdue: 0 };
    const inspectedObjects = tf?.inspectedObjects ?? 0;
    return {
      year,
      regionCode,
      unavailable,
      coverage: { objects: objects.length, inspected: inspectedObjects, rate: rate(inspectedObjects, objects.length), byClass },
      problemsFound: ratio(tf?.results.problemsFound ?? 0, tf?.results.recorded ?? 0),
      filedForPenalty: tf?.results.filedForPenalty ?? 0,
      tasks: { total: tf?.tasks.total ?? 0, open: tf?.tasks.open ?? 0, overdue: tf?.tasks.overdue ?? 0, byKind: { ...(tf?.tasks.byKind ?? {}) } },
      results: { recorded: tf?.results.recorded ?? 0, publishedLate: tf?.results.publishedLate ?? 0, unpublishedPastDeadline: tf?.results.unpublishedPastDeadline ?? 0 },
      penalties: tf?.penalties ?? { count: 0, amountYuan: 0 },
      commitments: {
        approvals: approvals.approvals,
        underCommitment: approvals.commitments,
        withoutTask: approvals.withoutTask,
        ...c,
        onTimeRate: rate(c.onTime, c.onTime + c.late),
      },
      complaints: { ...complaints, clueRate: rate(complaints.clues, complaints.linked) },
      months: tf?.months ?? Array.from({ length: 12 }, (_, i) => ({ month: i + 1, created: 0, recorded: 0 })),
    };
  }

  /** A source's answer, or unavailable when it is not plugged in or fails (logged). */
  private async optional<T>(read: () => Promise<T> | undefined): Promise<{ available: boolean; value: T | null }> {
    try {
      const p = read();
      if (p === undefined) return { available: false, value: null };
      return { available: true, value: await p };
    } catch (err) {
      this.ctx.k.log.warn({ err }, '画像: a source could not be read');
      return { available: false, value: null };
    }
  }
}
