import type { OpennessModule } from '../modules/openness/index.ts';
import type { ProactiveModule } from '../modules/proactive/index.ts';

/** 政策找人: a policy document's rule lives on the 主动服务 rules engine, which matches people and companies and tells them. */
export function opennessProactive(openness: OpennessModule, proactive: ProactiveModule): void {
  void proactive;
  openness.useMatching(null);
}
