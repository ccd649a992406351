import type { OpennessArea, OpennessContext } from '../area.ts';
import { matchingEvents } from './events.ts';
import { DocumentRules } from './rules.ts';
import { matchingRoutes } from './routes.ts';

export interface MatchingArea extends OpennessArea {
  rules: Pick<DocumentRules, 'attach' | 'detach' | 'run' | 'view' | 'appliesTo' | 'list'>;
  /** The document a 主动服务 policy's notices link to (wired to the proactive module by a flow). */
  sourceOf(policyCode: string): Promise<{ link: string; title: string } | null>;
}

/** 政策找人: a policy document carries a 主动服务 rule that says whom it applies to; matched people and companies are told, with the reasons and a link to apply. */
export function createMatchingArea(ctx: OpennessContext): MatchingArea {
  const rules = new DocumentRules(ctx);
  return { events: matchingEvents, routes: matchingRoutes(rules), rules, sourceOf: (code) => rules.sourceOf(code) };
}
