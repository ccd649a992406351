/**
 * 智能导办 latency and seeding speed:
 *
 *   seed:    the whole demo catalogue (ALL_DEMO_ITEMS) written in one batch, then synthetic copies
 *            until the catalogue holds BENCH_ITEMS items (default 1,200)
 *   search:  every name, alias and example question of the demo items asked in turn (not logged),
 *            p50 / p99 / max in milliseconds over the warm in-memory index; the first search,
 *            which builds the index, is reported on its own
 *
 * Uses DATABASE_URL when set, else embedded PGlite.
 */
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { CITY_DEPARTMENTS, PARENT_OF } from '../seed/departments.ts';
import { demoContentWithWords, seedCatalogue } from '../seed/service-demo.ts';
import { ALL_DEMO_ITEMS } from '../seed/service-items.ts';
import { benchPlatform } from './baseline.ts';
import { searchForBench } from './understanding/search.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_200);
const { p, close } = await benchPlatform(4);
const deptIds = new Map<string, string>();
for (const [code, name] of CITY_DEPARTMENTS) {
  const parentId = PARENT_OF[code] ? deptIds.get(PARENT_OF[code]) : undefined;
  deptIds.set(code, (await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code, name, ...(parentId ? { parentId } : {}) })).id);
}
let t0 = performance.now();
const seeded = await seedCatalogue(p, deptIds);
const seedMs = performance.now() - t0;
const copies = [];
for (let n = 1; seeded.size + copies.length < ITEMS; n++)
  for (const d of ALL_DEMO_ITEMS) {
    if (seeded.size + copies.length >= ITEMS) break;
    const c = demoContentWithWords(d, deptIds.get(d.dept)!);
    copies.push({ code: `${d.code}-C${n}`, regionCode: '152201', content: { ...c, name: `${c.name}（试点${n}）` } });
  }
t0 = performance.now();
await p.services.catalogue.createMany(SYSTEM_PRINCIPAL, copies, 'bench');
const copyMs = performance.now() - t0;

const questions = [...new Set(ALL_DEMO_ITEMS.flatMap((d) => [d.name, ...(d.aliases ?? []), ...(d.asks ?? [])]))];
const first = await searchForBench(p, questions[0]);
const times: number[] = [];
for (let round = 0; round < 3; round++) for (const q of questions) times.push((await searchForBench(p, q)).ms);
times.sort((a, b) => a - b);
const at = (f: number) => times[Math.min(times.length - 1, Math.floor(f * times.length))].toFixed(2);
console.log(
  JSON.stringify(
    {
      items: seeded.size + copies.length,
      seedDemoItems: seeded.size,
      seedMs: Math.round(seedMs),
      copyItems: copies.length,
      copyMs: Math.round(copyMs),
      firstSearchMs: Number(first.ms.toFixed(1)),
      searches: times.length,
      p50Ms: Number(at(0.5)),
      p99Ms: Number(at(0.99)),
      maxMs: Number(times[times.length - 1].toFixed(2)),
    },
    null,
    2,
  ),
);
await close();
