/**
 * Tunes and checks the dispatch classifier on the training history only: the seed's calls
 * (seed/case-calls), filled in as the seed fills them, split 80/20 by a fixed seed. Prints
 * department accuracy (top-1, top-3), the share sent to manual at the chosen threshold, and the
 * time per call. Never reads an evaluation set.
 *
 *   npx tsx bench/understanding/holdout.ts
 */
import { CASE_CATEGORIES, CASE_DUTIES } from '../../seed/case-categories.ts';
import { CASE_CALLS } from '../../seed/case-calls/index.ts';
import { CONFUSED, ESTATES, PREFIXES, ROADS, SUFFIXES, TIMES } from '../../seed/case-texts.ts';
import { caseFeatures, mainAndAside, weightedFeatures } from '../../src/modules/cases/classifier-features.ts';
import { addCase, DEFAULT_PARAMS, emptyCounts, NaiveBayes, type ModelParams } from '../../src/modules/cases/classifier-model.ts';
import { departmentScores } from '../../src/modules/cases/classifier-departments.ts';

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const duty = new Map(CASE_DUTIES.map(([c, u]) => [c, u]));
const leaves = Object.keys(CASE_CALLS).filter((c) => CASE_CALLS[c].length && duty.has(c));
const r = rng(2026);
const history: { text: string; category: string; unit: string; template: string }[] = [];
// As the seed draws them: every written call once (shuffled), then at random, 4,500 in all.
const order = leaves.flatMap((leaf) => CASE_CALLS[leaf].map((call) => ({ leaf, call })));
for (let i = order.length - 1; i > 0; i--) {
  const j = r.int(0, i);
  [order[i], order[j]] = [order[j], order[i]];
}
for (let i = 0; i < 4500; i++) {
  const drawn =
    order[i] ??
    (() => {
      const leaf = r.pick(leaves);
      return { leaf, call: r.pick(CASE_CALLS[leaf]) };
    })();
  const matter = drawn.leaf;
  const category = CONFUSED[matter] && duty.has(CONFUSED[matter]) && r.int(1, 100) <= 10 ? CONFUSED[matter] : matter;
  const spot = r.int(0, 1) ? `${r.pick(ESTATES)}${r.int(1, 30)}号楼` : `${r.pick(ROADS)}${r.int(1, 300)}号`;
  const fill = (x: string) =>
    x
      .replace('{p}', spot)
      .replace('{t}', r.pick(TIMES))
      .replace('{n}', String(r.int(2, 15)));
  const aside = r.int(1, 100) <= 15 ? `另外，${fill(r.pick(CASE_CALLS[r.pick(leaves)])).replace(spot, '附近')}。` : '';
  const template = drawn.call;
  const content = `${r.pick(PREFIXES)}${fill(template)}。${aside}${r.pick(SUFFIXES)}`;
  history.push({ text: `${content.slice(0, 30)} 市民来电反映：${content}`, category, unit: duty.get(category)!, template });
}
// A random fifth held out, by a fixed seed.
// --by-template holds out a fifth of the call wordings instead, so every held-out call is worded
// in a way the model never saw (closer to new callers than a random fifth of repeated wordings).
const split = rng(7);
const byTemplate = process.argv.includes('--by-template');
const heldTemplates = new Set(
  Object.values(CASE_CALLS)
    .flat()
    .filter(() => split.next() < 0.2),
);
// --raw (with --by-template): the held-out wordings as the console receives them, one each, without
// the history's title, 市民来电反映 preamble and closing phrase (which lengthen every training text
// and so make the model surer of them than of a bare call).
const raw = byTemplate && process.argv.includes('--raw');
const heldHistory = byTemplate ? history.filter((h) => heldTemplates.has(h.template)) : history.filter(() => split.next() < 0.2);
const train = history.filter((h) => !heldHistory.includes(h));
const held = raw
  ? Object.entries(CASE_CALLS).flatMap(([c, calls]) =>
      duty.has(c) ? calls.filter((t) => heldTemplates.has(t)).map((t) => ({ text: t.replace('{p}', `${r.pick(ESTATES)}${r.int(1, 30)}号楼`), category: c, unit: duty.get(c)!, template: t })) : [],
    )
  : heldHistory;

const codes = CASE_CATEGORIES.map(([c]) => c).filter((c) => duty.has(c));
const names = new Map(CASE_CATEGORIES.map(([c, n]) => [c, n]));
const keywords = new Map(CASE_DUTIES.map(([c, , k]) => [c, process.argv.includes('--names') ? [...k, names.get(c)!] : k]));
const unitOf = (c: string) => duty.get(c) ?? null;

function evaluate(params: ModelParams, threshold: number) {
  const counts = emptyCounts();
  // As the classifier learns: from the main complaint, not a side remark.
  for (const h of train) addCase(counts, h.category, caseFeatures(mainAndAside(h.text)[0]));
  const model = new NaiveBayes(counts, codes, keywords, params);
  let top1 = 0;
  let top3 = 0;
  let manual = 0;
  let autoRight = 0;
  const ms: number[] = [];
  const confs: number[] = [];
  for (const h of held) {
    const t0 = performance.now();
    const deps = departmentScores(model.score(weightedFeatures(h.text)), unitOf);
    ms.push(performance.now() - t0);
    const best = deps[0];
    confs.push(best?.confidence ?? 0);
    if (best?.unit === h.unit) top1++;
    else if (process.argv.includes('--errors') && Math.random() < 0.05) console.log(h.unit, h.category, '→', best?.unit, best?.categoryCode, best?.confidence.toFixed(2), h.text);
    if (deps.slice(0, 3).some((d) => d.unit === h.unit)) top3++;
    if (!best || best.confidence < threshold) manual++;
    else if (best.unit === h.unit) autoRight++;
  }
  ms.sort((a, b) => a - b);
  confs.sort((a, b) => a - b);
  const n = held.length;
  return {
    n,
    top1: top1 / n,
    top3: top3 / n,
    manual: manual / n,
    autoAccuracy: autoRight / Math.max(1, n - manual),
    p99ms: ms[Math.floor(n * 0.99)],
    conf10: confs[Math.floor(n * 0.1)],
    conf5: confs[Math.floor(n * 0.05)],
  };
}

const grid: ModelParams[] = [];
for (const bigram of [0.1, 0.25]) for (const pinyin of [0.3, 0.6, 1]) for (const keywordShare of [4, 8]) grid.push({ ...DEFAULT_PARAMS, weight: { word: 1, bigram, pinyin }, keywordShare });
const only = process.argv.includes('--default');
const temp = process.argv.find((a) => a.startsWith('--temperature='));
if (temp) DEFAULT_PARAMS.temperature = Number(temp.split('=')[1]);
const results = (only ? [DEFAULT_PARAMS] : grid).map((p) => ({ p, r: evaluate(p, 0) }));
results.sort((a, b) => b.r.top1 - a.r.top1 || b.r.top3 - a.r.top3);
for (const { p, r } of results.slice(0, 8)) console.log(JSON.stringify(p), JSON.stringify(r));
const best = results[0];
console.log('train', train.length, 'held out', held.length);
console.log('default', JSON.stringify(evaluate(DEFAULT_PARAMS, 0)));
for (const th of process.argv.includes('--raw') ? [0.1, 0.11, 0.12, 0.13, 0.15, 0.2] : [0.6, 0.7, 0.75, 0.8, 0.85, 0.9]) console.log('threshold', th, JSON.stringify(evaluate(best.p, th)));
