/**
 * 主动服务's matching: who qualifies for a rule, over the whole population, beside the same rule
 * evaluated per record in JavaScript, all in one run on the same database:
 *
 *   sql:         data.facts.match — the rule compiled to one parameterised SQL condition, one pass
 *                over 200,000 people (and 20,000 entities for 稳岗返还)
 *   per person:  what a per-record engine does in production: fetch one subject's facts, then
 *                evaluate (json-rules-engine); timed on a sample and scaled to the population
 *   in memory:   the facts of everyone already loaded (the load is timed apart), then evaluated
 *                per record with json-rules-engine, json-logic-js and our evaluator
 *
 * Every path must find the same people; the run stops if they differ. Prints ratios to the SQL pass.
 * Uses DATABASE_URL when set, else embedded PGlite. BENCH_PEOPLE (default 200000).
 */
import jsonLogic from 'json-logic-js';
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { loadSyntheticBase } from '../src/modules/data/index.ts';
import { evaluate, factCatalog, parseAmount, parseRule, type FactValues, type Rule, type RuleNode, type Subject } from '../src/kernel/rules/index.ts';
import { benchPlatform } from './baseline.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200_000);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 2000);
const AS_OF = new Date().toISOString().slice(0, 10);

const RULES: { name: string; subject: Subject; rule: Rule; amount?: unknown }[] = [
  {
    name: '高龄津贴',
    subject: 'person',
    rule: { and: [{ '==': [{ var: 'regionCode' }, '152201'] }, { '>=': [{ var: 'age' }, 80] }, { var: 'alive' }] },
    amount: { tiers: [{ when: { '>=': [{ var: 'age' }, 100] }, fen: 30000 }, { when: { '>=': [{ var: 'age' }, 90] }, fen: 6000 }, { fen: 3000 }] },
  },
  {
    name: '困难残疾人生活补贴',
    subject: 'person',
    rule: { and: [{ '!=': [{ var: 'disabilityGrade' }, null] }, { in: [{ var: 'assistanceKind' }, ['低保', '特困']] }, { var: 'alive' }] },
  },
  {
    name: '稳岗返还',
    subject: 'entity',
    rule: {
      and: [
        { '==': [{ var: 'status' }, '存续'] },
        { '>=': [{ var: 'unemploymentMonthsPaid' }, 12] },
        { or: [{ '<=': [{ var: 'layoffRatePct' }, 5.5] }, { and: [{ '<=': [{ var: 'insuredStaff' }, 30] }, { '<=': [{ var: 'layoffRatePct' }, 20] }] }] },
        { '!': { var: 'blackListed' } },
      ],
    },
    amount: { tiers: [{ when: { var: 'isSme' }, percentOf: { fact: 'lastYearContributionFen', percent: 60 } }, { percentOf: { fact: 'lastYearContributionFen', percent: 30 } }] },
  },
];

/** The same rule for json-rules-engine (a per-record engine with its own condition format). */
function toRulesEngine(n: RuleNode): NestedCondition {
  const OPS = { '==': 'equal', '!=': 'notEqual', '>': 'greaterThan', '>=': 'greaterThanInclusive', '<': 'lessThan', '<=': 'lessThanInclusive' } as const;
  switch (n.kind) {
    case 'and':
      return { all: n.items.map(toRulesEngine) };
    case 'or':
      return { any: n.items.map(toRulesEngine) };
    case 'not':
      return { not: toRulesEngine(n.item) };
    case 'cmp':
      return { fact: n.fact.code, operator: OPS[n.op], value: n.value };
    case 'in':
      return { fact: n.fact.code, operator: 'in', value: n.values };
    case 'between':
      return {
        all: [
          { fact: n.fact.code, operator: n.strict ? 'greaterThan' : 'greaterThanInclusive', value: n.lo },
          { fact: n.fact.code, operator: n.strict ? 'lessThan' : 'lessThanInclusive', value: n.hi },
        ],
      };
    case 'known':
      return { fact: n.fact.code, operator: n.known ? 'notEqual' : 'equal', value: null };
  }
}

/**
 * json-rules-engine and json-logic-js treat a missing value as a value (`!` of a null comparison is
 * true); for these rules, where any unknown fact leaves the answer unknown, skipping records with
 * one keeps them to "unknown never grants", so all paths must count the same people.
 */
const known = (v: FactValues, facts: string[]) => facts.every((f) => v[f] !== null);

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = async (n: number, f: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await f();
    times.push(ms(t0));
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
};

const { p, close } = await benchPlatform(4);
const t0 = process.hrtime.bigint();
await loadSyntheticBase(p.kernel, { people: PEOPLE, entities: PEOPLE / 10 });
console.log(`base data: ${PEOPLE} people, ${PEOPLE / 10} entities loaded in ${(ms(t0) / 1000).toFixed(1)} s (${p.kernel.dbKind})`);

for (const r of RULES) {
  const facts = factCatalog(p.data.facts.catalog(r.subject));
  const { node, facts: used } = parseRule(r.rule, facts);
  const tiers = r.amount ? parseAmount(r.amount as never, facts) : undefined;
  const sqlMs = await median(3, () => p.data.facts.match(r.subject, node, AS_OF, tiers));
  const matched = await p.data.facts.match(r.subject, node, AS_OF, tiers);

  const tl = process.hrtime.bigint();
  const all: { key: string; values: FactValues }[] = [];
  for (let after: string | undefined; ;) {
    const page = await p.data.facts.page(r.subject, AS_OF, { after, limit: 20_000 });
    all.push(...page);
    if (page.length < 20_000) break;
    after = page.at(-1)!.key;
  }
  const loadMs = ms(tl);

  const engine = new Engine([{ conditions: toRulesEngine(node) as TopLevelCondition, event: { type: 'eligible' } }], { allowUndefinedFacts: true });
  const te = process.hrtime.bigint();
  let viaEngine = 0;
  for (const x of all) if (known(x.values, used) && (await engine.run({ ...x.values })).events.length) viaEngine++;
  const engineMs = ms(te);

  const tj = process.hrtime.bigint();
  let viaLogic = 0;
  for (const x of all) if (known(x.values, used) && jsonLogic.apply(r.rule as jsonLogic.RulesLogic, x.values) === true) viaLogic++;
  const logicMs = ms(tj);

  const to = process.hrtime.bigint();
  const viaOurs = all.filter((x) => evaluate(node, x.values).result === true).length;
  const oursMs = ms(to);

  // Person by person, as a per-record engine runs in production: fetch one subject's facts, then decide.
  const sample = all.slice(0, SAMPLE);
  const tp = process.hrtime.bigint();
  for (const x of sample) {
    const one = await p.data.facts.valuesOf(r.subject, { key: x.key }, AS_OF);
    await engine.run({ ...one!.values });
  }
  const perPersonMs = (ms(tp) / sample.length) * all.length;

  const agree = [viaLogic, viaOurs, viaEngine].every((n) => n === matched.length);
  console.log(
    `\n${r.name} (${r.subject}, ${all.length} subjects): ${matched.length} qualify${tiers ? `, ${(matched.reduce((a, m) => a + (m.amountFen ?? 0), 0) / 100).toFixed(0)} yuan in total` : ''}; paths agree: ${agree ? 'yes' : `NO (json-logic ${viaLogic}, ours ${viaOurs}, json-rules-engine ${viaEngine})`}`,
  );
  console.log(`  SQL, whole population, one pass:                 ${sqlMs.toFixed(0).padStart(8)} ms   1×`);
  console.log(`  per person (fetch + json-rules-engine), scaled:  ${perPersonMs.toFixed(0).padStart(8)} ms   ${(perPersonMs / sqlMs).toFixed(0)}× the SQL pass  (sample ${sample.length})`);
  console.log(`  load everyone's facts into memory:               ${loadMs.toFixed(0).padStart(8)} ms   ${(loadMs / sqlMs).toFixed(1)}×`);
  console.log(`    then json-rules-engine per record:             ${engineMs.toFixed(0).padStart(8)} ms   ${((loadMs + engineMs) / sqlMs).toFixed(1)}× with the load`);
  console.log(`    then json-logic-js per record:                 ${logicMs.toFixed(0).padStart(8)} ms   ${((loadMs + logicMs) / sqlMs).toFixed(1)}× with the load`);
  console.log(`    then our evaluator (with explanation):         ${oursMs.toFixed(0).padStart(8)} ms   ${((loadMs + oursMs) / sqlMs).toFixed(1)}× with the load`);
  if (!agree) process.exitCode = 1;
}
await close();
