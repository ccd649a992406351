import type { Executor } from '../../../kernel/db/index.ts';
import type { RegulationContext } from '../area.ts';
import type { BaseEntity, FactSource, IndicatorFacts } from '../ports.ts';
import { mergeFacts } from './score.ts';

/** 登记状态 that count as 经营异常 (the register's words vary by source). */
const ABNORMAL = /异常|吊销|责令关闭|撤销/;
const YEAR_MS = 365.25 * 86_400_000;
/** Entities per page read from the legal-entity base. */
export const BASE_PAGE = 5000;

/** The facts the legal-entity base and the credit register give about one entity. */
export function baseFacts(e: BaseEntity, now: Date): IndicatorFacts {
  const established = e.establishedOn ? Date.parse(`${e.establishedOn.slice(0, 10)}T00:00:00+08:00`) : NaN;
  return {
    ...(Number.isFinite(established) ? { ageYears: Math.max(0, (now.getTime() - established) / YEAR_MS) } : {}),
    registeredCapital: e.registeredCapital,
    abnormalStatus: !!e.status && ABNORMAL.test(e.status),
    blackListed: e.blackListed,
    penaltiesOnRecord: e.penaltiesOnRecord,
  };
}

/**
 * Gathers the indicator facts of many entities at once: the base (read once per run, page by page,
 * and joined in memory), the licences module's counts when it is plugged in, and every fact source
 * the other areas registered (inspections, penalties, complaints …). A source that fails fails the
 * computation: leaving its facts out would quietly raise classes (a penalty forgotten).
 */
export class Facts {
  private readonly sources = new Map<string, FactSource>();

  constructor(private readonly ctx: RegulationContext) {}

  add(name: string, source: FactSource): void {
    this.sources.set(name, source);
  }

  /** The whole region of the base, keyed by credit code (one keyset scan, not one call per entity). */
  async baseOf(regionCode: string): Promise<Map<string, BaseEntity>> {
    const entities = this.ctx.ports.entities;
    const out = new Map<string, BaseEntity>();
    if (!entities) return out;
    for (let after: string | null = null; ;) {
      const page = await entities.page(regionCode, after, BASE_PAGE);
      for (const e of page) out.set(e.creditCode, e);
      if (page.length < BASE_PAGE) break;
      after = page[page.length - 1].creditCode;
    }
    return out;
  }

  async of(ex: Executor, codes: string[], base: Map<string, BaseEntity>, now: Date): Promise<Map<string, IndicatorFacts>> {
    const out = new Map<string, IndicatorFacts>();
    for (const c of codes) {
      const b = base.get(c);
      out.set(c, b ? baseFacts(b, now) : {});
    }
    const licences = this.ctx.ports.licences;
    if (licences) {
      const counts = await licences.counts(codes);
      for (const [c, n] of counts) if (out.has(c)) mergeFacts(out.get(c)!, { licencesValid: n.valid, licencesRevoked: n.revoked });
    }
    for (const source of this.sources.values()) {
      const facts = await source(ex, codes);
      for (const [c, f] of facts) if (out.has(c)) mergeFacts(out.get(c)!, f);
    }
    return out;
  }
}
