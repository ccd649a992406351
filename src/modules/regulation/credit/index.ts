import type { RegulationArea, RegulationContext } from '../area.ts';
import type { CreditPort, FactSource } from '../ports.ts';
import { creditEvents } from './events.ts';
import { Facts } from './facts.ts';
import { creditRoutes } from './routes.ts';
import { CreditRuns } from './runs.ts';
import { declareCreditSettings } from './settings.ts';
import { classesOf, currentOf, historyOf } from './store.ts';

export { CREDIT_SETTINGS_KEY, CREDIT_SETTINGS_DEFAULT, type CreditSettings } from './settings.ts';

export interface CreditArea extends RegulationArea {
  /** What other areas use (also set as `ctx.ports.credit`). */
  port: CreditPort;
  /** An area or flow adds facts to the indicators (the tasks area: inspections, penalties; profiles: complaints). */
  addFactSource(name: string, source: FactSource): void;
  /** Queues this month's classification of a region unless it is done or open (what the timer does); the run id or null. */
  monthly(regionCode: string): Promise<string | null>;
  /** The runs: queue, view, progress (seeds and tests). */
  runs: CreditRuns;
}

/**
 * 信用风险分类 A–D: configurable indicators per region (k.settings), whole-region runs monthly and
 * on demand, one entity recomputed after an event, the current class with its reasons and the
 * history of every change.
 */
export function createCreditArea(ctx: RegulationContext): CreditArea {
  const { k } = ctx;
  declareCreditSettings(k.settings);
  const facts = new Facts(ctx);
  const runs = new CreditRuns(ctx, facts);
  const addFactSource = (name: string, source: FactSource) => facts.add(name, source);
  const port: CreditPort = {
    classes: (ex, codes) => classesOf(ex, codes),
    recomputeLater: (trx, code, reason) => runs.recomputeLater(trx, code, reason),
    history: (ex, code) => historyOf(ex, code),
    current: (ex, code) => currentOf(ex, code),
    addFactSource,
  };
  ctx.ports.credit = port;
  return {
    events: creditEvents,
    routes: creditRoutes(ctx, runs),
    port,
    addFactSource,
    monthly: (regionCode) => k.db.transaction().execute((trx) => runs.queueMonthly(trx, regionCode)),
    runs,
  };
}
