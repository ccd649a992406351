/**
 * 双随机 draw (src/modules/regulation/draws/sortition.ts) over 20,000 candidates at the demo rates
 * (A 3 %, B 10 %, C 20 %, D 100 %), 2 inspectors per object from a pool of 60 in two departments
 * with 回避 pairs, beside raw SM3 hashing of step inputs of the same length on the same machine.
 *
 *   picks/s  = (objects drawn + inspectors drawn) / time of the whole draw (filtering, strata, 回避)
 *   hashes/s = SM3 of u16be(i) ‖ key ‖ label ‖ u16be(i), nothing else
 *   ratio    = picks/s ÷ hashes/s (1.0 would mean the draw costs nothing beyond its hashes)
 *
 * BENCH_CANDIDATES (default 20000), BENCH_SECONDS (default 3) per measurement.
 */
import { sm3Bytes } from '../src/modules/regulation/draws/hash.ts';
import { draw, keyString, stepInput, type DrawInput } from '../src/modules/regulation/draws/sortition.ts';

const N = Number(process.env.BENCH_CANDIDATES ?? 20_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const RATES = { A: { bp: 300, min: 0 }, B: { bp: 1000, min: 0 }, C: { bp: 2000, min: 0 }, D: { bp: 10_000, min: 0 } };

// A fixed, plausible class mix (most entities A/B, few D), by position so every run is the same.
const classOf = (i: number) => (i % 100 < 40 ? 'A' : i % 100 < 85 ? 'B' : i % 100 < 97 ? 'C' : 'D');
const code = (i: number) => `91152201MA${String(i).padStart(7, '0')}X`;
const candidates = Array.from({ length: N }, (_, i) => ({ creditCode: code(i), class: classOf(i) }));
const inspectors = Array.from({ length: 60 }, (_, i) => ({ id: `insp-${String(i).padStart(3, '0')}`, departmentId: i % 3 === 0 ? 'WJW' : 'SCJG' }));
const avoid = new Map<string, Set<string>>();
for (let i = 0; i < N; i += 7) avoid.set(code(i), new Set([`insp-${String(i % 60).padStart(3, '0')}`]));
const input: DrawInput = {
  key: keyString([
    [3, 9, 14, 22, 27, 31, 8],
    [4, 0, 7],
  ]),
  candidates,
  rates: RATES,
  inspectors,
  departments: ['SCJG', 'WJW'],
  avoid,
  perObject: 2,
};

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

// The draw: repeat for SECONDS, keep the best (least disturbed) run.
let best = Infinity;
let picks: number;
let objects: number;
const until = Date.now() + SECONDS * 1000;
do {
  const { value, ms } = timed(() => draw(sm3Bytes, input));
  objects = value.objects.length;
  picks = objects + value.objects.reduce((n, o) => n + o.inspectors.length, 0);
  best = Math.min(best, ms);
} while (Date.now() < until);
const picksPerSecond = picks / (best / 1000);

// Raw SM3 over inputs of the same shape (key + a label of the inspector kind, the longer one).
const sample = stepInput(1234, input.key, `insp:${code(1234)}`);
let hashes = 0;
const t0 = performance.now();
const hashUntil = t0 + SECONDS * 1000;
while (performance.now() < hashUntil) {
  for (let k = 0; k < 1000; k++) sm3Bytes(sample);
  hashes += 1000;
}
const hashesPerSecond = hashes / ((performance.now() - t0) / 1000);

const f = (x: number) => Math.round(x).toLocaleString('en');
console.log(`draw of ${f(N)} candidates at A 3 % / B 10 % / C 20 % / D 100 %: ${f(objects)} objects, ${f(picks)} picks (objects + inspectors) in ${best.toFixed(1)} ms`);
console.log(`  draw:      ${f(picksPerSecond)} picks/s`);
console.log(`  raw SM3:   ${f(hashesPerSecond)} hashes/s (${sample.length}-byte step inputs)`);
console.log(`  ratio:     ${(picksPerSecond / hashesPerSecond).toFixed(3)} (picks/s ÷ hashes/s)`);
