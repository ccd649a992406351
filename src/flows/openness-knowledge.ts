import type { CasesModule } from '../modules/cases/index.ts';
import type { OpennessModule } from '../modules/openness/index.ts';

/** 统一知识问答库: answered public questions live in the 12345 knowledge base, whose public entries citizens search. */
export function opennessKnowledge(openness: OpennessModule, cases: CasesModule): void {
  void cases;
  openness.useKnowledge(null);
}
