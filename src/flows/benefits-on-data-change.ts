import type { Kernel } from '../kernel/index.ts';
import { DATA_BASE_CHANGED, type DataBaseChanged } from '../modules/data/index.ts';
import type { ProactiveModule } from '../modules/proactive/index.ts';

/**
 * 免申即享 on data changes: when a register of the base data changes for one person or enterprise
 * (a death, a disability, a 低保 record, insurance figures), that subject is re-checked against every
 * published policy, in the event's transaction: a death stops a benefit, a new 低保 offers one.
 * The data backbone never imports a pillar, so this flow carries its event to the proactive module.
 */
export function benefitsOnDataChange(k: Kernel, proactive: ProactiveModule): void {
  k.events.subscribe<typeof DataBaseChanged>(DATA_BASE_CHANGED, async (e, trx) => {
    await proactive.queueRecheck(trx, e.payload.subject, e.payload.key);
  });
}
