import type { Kernel } from '../kernel/index.ts';
import type { ProactiveModule } from '../modules/proactive/index.ts';
import { APPLICATION_STEPPED, APPLICATION_SUBMITTED, type ApplicationStepped, type ApplicationSubmitted, type ServicesModule } from '../modules/services/index.ts';

/**
 * 政策找人 → 办件: a matched person or enterprise who applies for the policy's 事项 counts as
 * applied, and as granted when the application is approved (the policy owner's reach figures). It
 * also tells the proactive module where an item is applied for, so 您可能符合 links to the form.
 */
export function matchesOnApplications(k: Kernel, services: ServicesModule, proactive: ProactiveModule): void {
  const step = async (trx: Parameters<Parameters<typeof k.events.subscribe>[1]>[1], id: string, s: 'applied' | 'granted') => {
    // Which items the policies name first (one read): the application is read only when it may be for one.
    const items = await proactive.applicationItems(trx);
    if (items.size === 0) return;
    const a = await services.applicationFacts(trx, id);
    if (a && items.has(a.itemCode))
      await proactive.applicationStep(trx, { itemCode: a.itemCode, applicationId: a.id, applicantAccountId: a.applicantAccountId, enterpriseId: a.enterpriseId, step: s });
  };
  k.events.subscribe<typeof ApplicationSubmitted>(APPLICATION_SUBMITTED, async (e, trx) => step(trx, e.payload.id, 'applied'));
  k.events.subscribe<typeof ApplicationStepped>(APPLICATION_STEPPED, async (e, trx) => {
    if (e.payload.outcome === 'approved') await step(trx, e.payload.id, 'granted');
  });
  // Item ids by code, reloaded after five minutes or when a code is not (yet) known.
  let ids: { at: number; byCode: Map<string, string> } | null = null;
  const load = async () => {
    // Every page: a region's catalogue holds more than one page of items (a demo's has several hundred).
    const byCode = new Map<string, string>();
    let after: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await services.catalogue.list({ limit: 200, ...(after ? { after } : {}) }, null, { log: false });
      for (const item of page.items) byCode.set(item.code, item.id);
      if (!page.next) break;
      after = page.next;
    }
    ids = { at: Date.now(), byCode };
    return ids;
  };
  proactive.useItemLinks(async (code) => {
    const cached = ids && Date.now() - ids.at < 300_000 ? ids : null;
    let known = cached ?? (await load());
    if (cached && !known.byCode.has(code)) known = await load();
    const id = known.byCode.get(code);
    return id ? `/services/${id}/apply` : null;
  });
}
