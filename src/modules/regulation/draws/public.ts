import type { Executor } from '../../../kernel/db/index.ts';
import { DomainError } from '../../../kernel/http/errors.ts';
import { MAX_PAGE, decodeCursor, pageOf } from '../../../kernel/paging/index.ts';
import type { RegulationContext } from '../area.ts';
import { avoidanceText, candidatesText, canonicalJson, commitmentText, inspectorsText } from './canonical.ts';
import { DrawErrors } from './errors.ts';
import { drawFromFrozen, loadFrozen } from './frozen.ts';
import { sm3Hex } from './hash.ts';
import { committedPlan, type PlanRow, type Plans } from './plans.ts';
import { drawsDb } from './tables.ts';

const PUBLIC_STATES = ['committed', 'drawn', 'cancelled'] as const;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** A digest as committed beside the one recomputed now from the stored rows. */
const part = (committed: string | null, recomputed: string | null) => ({ committed, recomputed, match: !!committed && committed === recomputed });

/**
 * 一公开 of the draw: every input and the result, without sign-in, from the moment of commit; and a
 * server-side recomputation from the stored published inputs (the web page and the script do the
 * same on the visitor's own machine).
 */
export class PublicDraws {
  constructor(
    private readonly ctx: RegulationContext,
    private readonly plans: Plans,
  ) {}

  private async publicRow(ex: Executor, id: string): Promise<PlanRow> {
    const p = await this.plans.row(ex, id);
    if (!(PUBLIC_STATES as readonly string[]).includes(p.state) || !p.committed_at) throw DrawErrors.notFound();
    return p;
  }

  async list(q: { after?: string; limit?: number; regionCode?: string }) {
    const limit = Math.min(q.limit ?? 50, MAX_PAGE);
    const after = decodeCursor(q.after, 1);
    let s = drawsDb(this.ctx.k.db)
      .selectFrom('regulation_plan')
      .selectAll()
      .where('state', 'in', [...PUBLIC_STATES])
      .where('committed_at', 'is not', null);
    if (q.regionCode) s = s.where('region_code', 'like', `${q.regionCode}%`);
    if (after) s = s.where('id', '<', String(after[0]));
    const rows = await s
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = pageOf(rows, limit, (r) => [r.id]);
    const views = await this.plans.views(page.items);
    return {
      items: views.map((v) => ({
        id: v.id,
        number: v.number,
        name: v.name,
        regionCode: v.regionCode,
        year: v.year,
        batch: v.batch,
        checkType: v.checkType,
        state: v.state,
        lead: v.lead,
        joint: v.joint,
        candidatesCount: v.candidatesCount,
        committedAt: v.committedAt,
        seedAvailableAt: v.seedAvailableAt,
        drawnAt: v.drawnAt,
      })),
      next: page.next,
    };
  }

  /** Everything a visitor needs to recompute the draw. */
  async get(id: string) {
    const ex = this.ctx.k.db;
    const p = await this.publicRow(ex, id);
    const [view] = await this.plans.views([p]);
    const f = await loadFrozen(ex, id);
    const d = await drawsDb(ex).selectFrom('regulation_draw').selectAll().where('plan_id', '=', id).executeTakeFirst();
    const items = await this.itemNames(ex, p.item_ids);
    return {
      id: p.id,
      state: p.state,
      plan: committedPlan(p),
      lead: view.lead,
      joint: view.joint,
      items,
      committedAt: iso(p.committed_at)!,
      seedSources: p.seed_sources ?? [],
      seedAvailableAt: iso(p.seed_available_at)!,
      digests: { candidates: p.candidates_digest!, inspectors: p.inspectors_digest!, avoidance: p.avoidance_digest!, commitment: p.commitment_digest! },
      candidates: f.candidates.map((c) => ({ creditCode: c.creditCode, class: c.class, name: c.name })),
      inspectors: f.inspectors,
      avoidance: f.pairs,
      draw: d
        ? {
            values: d.seed_values,
            key: d.key,
            drawnAt: iso(d.drawn_at)!,
            resultDigest: d.result_digest,
            tasks: d.task_ids.length,
            result: d.result,
          }
        : null,
    };
  }

  /** The supervision items' names, when the items area answers (the page still stands without them). */
  private async itemNames(ex: Executor, ids: string[]) {
    const port = this.ctx.ports.items;
    const found = port ? await port.get(ex, ids).catch(() => []) : [];
    const byId = new Map(found.map((x) => [x.id, x]));
    return ids.map((id) => ({ id, code: byId.get(id)?.code ?? null, name: byId.get(id)?.name ?? null }));
  }

  /**
   * Recomputes, from the stored published inputs, every digest and the draw itself, and says part by
   * part whether it matches what was committed and published. A row edited after commit shows here.
   */
  async check(id: string) {
    const ex = this.ctx.k.db;
    const p = await this.publicRow(ex, id);
    const f = await loadFrozen(ex, id);
    const candidates = sm3Hex(candidatesText(f.candidates));
    const inspectors = sm3Hex(inspectorsText(f.inspectors));
    const avoidance = sm3Hex(avoidanceText(f.pairs));
    const commitment = sm3Hex(
      commitmentText({
        plan: committedPlan(p),
        candidatesDigest: candidates,
        inspectorsDigest: inspectors,
        avoidanceDigest: avoidance,
        seedSources: p.seed_sources ?? [],
        seedAvailableAt: iso(p.seed_available_at)!,
      }),
    );
    const parts: Record<string, { committed: string | null; recomputed: string | null; match: boolean; problem?: { zh: string; en: string } }> = {
      candidates: part(p.candidates_digest, candidates),
      inspectors: part(p.inspectors_digest, inspectors),
      avoidance: part(p.avoidance_digest, avoidance),
      commitment: part(p.commitment_digest, commitment),
    };
    const d = await drawsDb(ex).selectFrom('regulation_draw').selectAll().where('plan_id', '=', id).executeTakeFirst();
    if (d) {
      parts.published = part(d.result_digest, sm3Hex(canonicalJson(d.result)));
      try {
        const { key, result } = drawFromFrozen(p, f, d.seed_values);
        parts.key = part(d.key, key);
        parts.result = part(d.result_digest, sm3Hex(canonicalJson(result)));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        parts.result = { ...part(d.result_digest, null), problem: { zh: err.zh, en: err.en } };
      }
    }
    return { id, state: p.state, match: Object.values(parts).every((x) => x.match), parts };
  }
}
