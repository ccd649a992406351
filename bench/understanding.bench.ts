/**
 * How well the platform understands people, on evaluation sets written apart from its training data
 * (bench/understanding/README.md says who wrote them and how). Nothing here trains or tunes anything.
 *
 *   dispatch:  12345 calls → handling department, top-1 and top-3, by department and by category,
 *              the share sent to 需人工判断, the 属地 street when the caller names it, latency;
 *              beside a baseline: always the most frequent department (what a guess earns).
 *   search:    citizens' questions → the service item, top-1 and top-3, zero-result rate, latency;
 *              beside a baseline: every-word matching on the same catalogue (what the portal did).
 *
 * Runs on the demo region as `npm start` seeds it (embedded PGlite unless DATABASE_URL is set).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/kernel/config/index.ts';
import { createPlatform } from '../src/platform.ts';
import { seedDemo } from '../seed/demo.ts';
import { classifyForBench } from './understanding/dispatch.ts';
import { searchForBench } from './understanding/search.ts';
import { everyWordSearch } from './understanding/every-word.ts';

interface Call {
  text: string;
  unit: string;
  category: string | null;
  street: string | null;
}
interface Question {
  q: string;
  codes: string[];
}

const here = path.dirname(new URL(import.meta.url).pathname);
const lines = (file: string) =>
  fs
    .readFileSync(path.join(here, 'understanding', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
const calls: Call[] = lines('calls.jsonl').map((l) => JSON.parse(l));
const questions: Question[] = lines('questions.jsonl').map((l) => JSON.parse(l));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-understanding-'));
const config = loadConfig({ LOG_LEVEL: 'silent' }, { dataDir, seedDemo: false }, dataDir);
const p = await createPlatform({ config });
await p.migrate();
const t0 = performance.now();
await seedDemo(p, { basePeople: 1_000, baseEntities: 200 });
console.log(`demo region seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

// ---- dispatch -------------------------------------------------------------------------------
type Tally = { n: number; top1: number; top3: number };
const tally = () => ({ n: 0, top1: 0, top3: 0 });
const counts = new Map<string, number>();
for (const c of calls) counts.set(c.unit, (counts.get(c.unit) ?? 0) + 1);
const byUnit = new Map<string, Tally>();
const byCategory = new Map<string, Tally>();
const all = tally();
let manual = 0;
let manualRight = 0;
let firstRight = 0;
let streetAsked = 0;
let streetRight = 0;
const times: number[] = [];
for (const c of calls) {
  const r = await classifyForBench(p, c.text);
  times.push(r.ms);
  if (r.manual) manual++;
  const expectManual = c.unit === 'manual';
  const top1 = expectManual ? r.manual : !r.manual && r.units[0] === c.unit;
  const top3 = expectManual ? r.manual : r.units.slice(0, 3).includes(c.unit);
  if (expectManual && r.manual) manualRight++;
  if (!expectManual && r.units[0] === c.unit) firstRight++;
  for (const t of [all, byUnit.get(c.unit) ?? byUnit.set(c.unit, tally()).get(c.unit)!, ...(c.category ? [byCategory.get(c.category) ?? byCategory.set(c.category, tally()).get(c.category)!] : [])]) {
    t.n++;
    if (top1) t.top1++;
    if (top3) t.top3++;
  }
  if (c.street) {
    streetAsked++;
    if (r.street && (r.street === c.street || r.street.startsWith(c.street) || c.street.startsWith(r.street))) streetRight++;
  }
}
const [majority, majorityN] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];

console.log(`\n== 12345 dispatch: ${calls.length} calls (bench/understanding/calls.jsonl)`);
console.log(`department top-1   ${pct(all.top1, all.n)}   (target ≥ 85 %; baseline "always ${majority}": ${pct(majorityN, calls.length)}, ratio ${(all.top1 / majorityN).toFixed(1)}×)`);
console.log(`first suggestion   ${pct(firstRight, calls.length - (counts.get('manual') ?? 0))}   (the department listed first, also when the console says 需人工判断; calls labelled manual left out)`);
console.log(`department top-3   ${pct(all.top3, all.n)}   (target ≥ 95 %)`);
console.log(`sent to 需人工判断   ${pct(manual, calls.length)}   (target ≤ 10 %; of calls labelled manual, caught: ${manualRight}/${counts.get('manual') ?? 0})`);
console.log(`属地 street named   ${pct(streetRight, streetAsked)} of ${streetAsked} calls that name one`);
console.log(`classification     p50 ${ms(quantile(times, 0.5))}, p99 ${ms(quantile(times, 0.99))}   (target p99 ≤ 5 ms)`);
const table = (title: string, m: Map<string, Tally>) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...m.entries()].sort((a, b) => b[1].n - a[1].n))
    console.log(`  ${k.padEnd(10)} n=${String(t.n).padStart(3)}  top-1 ${pct(t.top1, t.n).padStart(7)}  top-3 ${pct(t.top3, t.n).padStart(7)}`);
};
table('by department:', byUnit);
table('by category:', byCategory);

// ---- search ---------------------------------------------------------------------------------
const s = { n: 0, top1: 0, top3: 0, zero: 0 };
const base = { top1: 0, top3: 0, zero: 0 };
const stimes: number[] = [];
const btimes: number[] = [];
const misses: string[] = [];
for (const q of questions) {
  const r = await searchForBench(p, q.q);
  stimes.push(r.ms);
  s.n++;
  if (!r.codes.length) s.zero++;
  if (q.codes.includes(r.codes[0])) s.top1++;
  if (r.codes.slice(0, 3).some((c) => q.codes.includes(c))) s.top3++;
  else if (misses.length < 15) misses.push(`  ${q.q} → ${r.codes.slice(0, 3).join(', ') || '(nothing)'} (wanted ${q.codes.join(' or ')})`);
  const b = await everyWordSearch(p, q.q);
  btimes.push(b.ms);
  if (!b.codes.length) base.zero++;
  if (q.codes.includes(b.codes[0])) base.top1++;
  if (b.codes.slice(0, 3).some((c) => q.codes.includes(c))) base.top3++;
}
const items = await p.kernel.db
  .selectFrom('services_item')
  .select((e) => e.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
console.log(`\n== 智能导办 search: ${questions.length} questions (bench/understanding/questions.jsonl), ${items.n} items`);
console.log(`top-1          ${pct(s.top1, s.n)}   (target ≥ 80 %; baseline every-word match: ${pct(base.top1, s.n)})`);
console.log(`top-3          ${pct(s.top3, s.n)}   (target ≥ 95 %; baseline: ${pct(base.top3, s.n)})`);
console.log(`zero results   ${pct(s.zero, s.n)}   (target ≤ 2 %; baseline: ${pct(base.zero, s.n)})`);
console.log(
  `latency        p50 ${ms(quantile(stimes, 0.5))}, p99 ${ms(quantile(stimes, 0.99))}   (target p99 ≤ 50 ms; baseline p99 ${ms(quantile(btimes, 0.99))}, ratio ${(quantile(stimes, 0.99) / Math.max(0.01, quantile(btimes, 0.99))).toFixed(2)}×)`,
);
if (misses.length) console.log(`some misses:\n${misses.join('\n')}`);

await p.close();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
