/**
 * The last line of `npm run bench`: every figure the benches recorded in bench/.results/, one row
 * each, with its ratio to each floor, CPU per call and whether the issue's target was met.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR, targetText, type BenchRecord, type Figure } from './report.ts';
import type { Measured } from './floors.ts';

const files = fs.existsSync(RESULTS_DIR) ? fs.readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json')) : [];
const records = files.map((f) => JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, f), 'utf8')) as BenchRecord);
const ratio = (f: Figure, m?: Measured) => (m && m.rate ? `${((f.ours.rate / m.rate) * 100).toFixed(0)} %` : '—');
const rows = records.flatMap((r) =>
  r.figures.map((f) => ({
    bench: r.bench,
    db: r.database,
    figure: f.name,
    'ours /s': Math.round(f.ours.rate),
    'µs/call': Math.round(f.ours.cpuUsPerCall),
    'vs raw': ratio(f, f.raw),
    'vs bare': ratio(f, f.bare),
    'vs healthz': ratio(f, f.healthz),
    'bare µs/call': f.bare ? Math.round(f.bare.cpuUsPerCall) : '—',
    target: targetText(f) || '—',
  })),
);
if (!rows.length) console.log('no bench results yet: run `npm run bench`');
else {
  console.log(`Summary (${records.map((r) => `${r.bench} ${r.at.slice(0, 16)} load ${r.load[0].toFixed(1)}`).join('; ')})`);
  console.table(rows);
}
