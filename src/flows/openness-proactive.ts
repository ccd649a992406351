import type { OpennessModule } from '../modules/openness/index.ts';
import type { ProactiveModule } from '../modules/proactive/index.ts';
import { actorOf } from '../kernel/policy/index.ts';

/**
 * 政策找人: a policy document's rule lives on the 主动服务 rules engine, which matches people and
 * companies and tells them — with the conditions in words, the 事项's application page and, through
 * the source link plugged in here, the policy document that carries the rule.
 */
export function opennessProactive(openness: OpennessModule, proactive: ProactiveModule): void {
  openness.useMatching({
    policies: async (who) =>
      (await proactive.policies.briefs())
        .filter((p) => !who.regionCode || p.regionCode.startsWith(who.regionCode))
        .map((p) => ({ code: p.code, name: p.name, nameEn: p.nameEn, published: p.published, subject: p.subject, mode: p.mode, departmentId: p.departmentId })),
    run: async (who, code, opts) => {
      const r = await proactive.runs.runByCode(code, actorOf(who), { retell: opts?.retell });
      return { matched: r.matched, told: r.notified };
    },
    describe: async (code) => {
      const [p] = await proactive.policies.briefs({ code });
      if (!p) return null;
      const reach = await proactive.runs.reachOf(p);
      return {
        code: p.code,
        name: p.name,
        nameEn: p.nameEn,
        subject: p.subject,
        mode: p.mode,
        departmentId: p.departmentId,
        published: p.published,
        conditionsZh: p.conditionsZh,
        conditionsEn: p.conditionsEn,
        itemCode: p.itemCode,
        applyLink: p.itemCode ? await proactive.itemLink(p.itemCode) : null,
        matched: reach.matched,
        told: reach.notified,
        applied: reach.applied,
      };
    },
  });
  proactive.useSourceLinks((code) => openness.matching.sourceOf(code));
}
