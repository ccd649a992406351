import type { CasesModule } from '../modules/cases/index.ts';
import type { OpennessModule } from '../modules/openness/index.ts';

/** 统一知识问答库: answered public questions live in the 12345 knowledge base, whose public entries citizens search. */
export function opennessKnowledge(openness: OpennessModule, cases: CasesModule): void {
  openness.useKnowledge({
    publish: (trx, who, entry) => cases.knowledge.publishPublic(trx, who, entry),
    unpublish: (trx, who, id) => cases.knowledge.unpublishPublic(trx, who, id),
    searchPublic: async (q, limit) => (await cases.knowledge.searchPublic(q, limit)).map((e) => ({ id: e.id, title: e.title, body: e.body, updatedAt: e.updatedAt, ref: e.publicRef })),
  });
}
