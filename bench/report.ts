/**
 * Each benchmark records its figures with their floors in bench/.results/<bench>.json; `npm run bench`
 * ends with bench/summary.ts, which prints them all as one table of ratios.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Measured } from './floors.ts';

export interface Figure {
  /** What a reader would call it: "application submission", "gateway verify". */
  name: string;
  ours: Measured;
  raw?: Measured;
  bare?: Measured;
  healthz?: Measured;
  /**
   * A figure of this platform to compare with that is not a floor: e.g. the same path served by one
   * app node beside the figure for two (bench/scale.bench.ts). Printed as a ratio, never as a target.
   */
  baseline?: { name: string; m: Measured };
  /** Further facts of this measurement worth keeping with it (the database's CPU per call, machine busy share). */
  detail?: Record<string, number | string>;
  /** The target: a share of a floor (`of` + `ratio`), or an absolute rate per second. */
  target?: { of: 'raw' | 'bare' | 'healthz'; ratio: number } | { rate: number };
}

export interface BenchRecord {
  bench: string;
  database: string;
  at: string;
  cpus: number;
  load: number[];
  figures: Figure[];
}

export const RESULTS_DIR = path.join(import.meta.dirname, '.results');

/** Writes this run's figures for `bench` and prints them with their ratios. */
export function record(bench: string, database: string, figures: Figure[]): void {
  const rec: BenchRecord = { bench, database, at: new Date().toISOString(), cpus: os.cpus().length, load: os.loadavg(), figures };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `${bench}.json`), JSON.stringify(rec, null, 2));
  for (const f of figures) console.log(describe(f));
}

const pct = (a: number, b?: Measured) => (b && b.rate ? `${((a / b.rate) * 100).toFixed(1)} %` : '—');

/** One line per figure: the rate, each floor's rate and the ratio to it, CPU per call. */
export function describe(f: Figure): string {
  const part = (label: string, m?: Measured) => (m ? `${label} ${m.rate.toFixed(0)}/s (${pct(f.ours.rate, m)}, ${m.cpuUsPerCall.toFixed(0)} µs)` : '');
  return [
    `${f.name}: ${f.ours.rate.toFixed(0)}/s p50 ${f.ours.p50} ms, ${f.ours.cpuUsPerCall.toFixed(0)} µs CPU/call`,
    part('raw', f.raw),
    part('bare', f.bare),
    part('healthz', f.healthz),
    part(f.baseline?.name ?? '', f.baseline?.m),
    detailText(f),
    targetText(f),
  ]
    .filter(Boolean)
    .join(' · ');
}

const detailText = (f: Figure) =>
  f.detail
    ? Object.entries(f.detail)
        .map(([k, v]) => `${k} ${typeof v !== 'number' ? v : Math.abs(v) >= 10 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)}`)
        .join(', ')
    : '';

/** "target ≥ 50 % of bare: met" or "… not met". */
export function targetText(f: Figure): string {
  const t = f.target;
  if (!t) return '';
  if ('rate' in t) return `target ≥ ${t.rate}/s: ${f.ours.rate >= t.rate ? 'met' : 'not met'}`;
  const floor = f[t.of];
  const met = floor ? f.ours.rate >= t.ratio * floor.rate : false;
  return `target ≥ ${t.ratio * 100} % of ${t.of}: ${met ? 'met' : 'not met'}`;
}
