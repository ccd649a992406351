/**
 * The fair floors every HTTP figure is printed beside (see bench/README.md, "Floors"):
 *   raw     the database operation itself, run in this process from the same number of connections;
 *   bare    a bare Fastify server in this process (no platform hooks: no auth, audit, rate limit,
 *           logging) whose route does the same SQL as the measured path, under the same load;
 *   healthz `GET /healthz` of the platform, the cheapest route through all of its hooks.
 * Each measurement also reports the CPU this process (the server, and on PGlite the database too)
 * spent per call: on two shared cores, CPU per call is the steadier figure.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import type { LoadSpec } from './wrk.ts';

const run = promisify(execFile);

export interface Measured {
  /** Calls answered with 2xx per second. */
  rate: number;
  p50: number;
  p99: number;
  /** CPU of this process per successful call, in microseconds. */
  cpuUsPerCall: number;
  ok: number;
  failed: number;
}

const cpuMicros = (u: NodeJS.CpuUsage) => u.user + u.system;

/** Drives `spec` from a load generator in its own process while this process (the server) is measured. */
export async function httpMeasure(spec: LoadSpec): Promise<Measured> {
  // Through a file: a spec with many bodies would not fit on a command line.
  const file = path.join(os.tmpdir(), `yw-load-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(spec));
  try {
    const cpu0 = process.cpuUsage();
    const out = await run(process.execPath, ['bin/run-ts.js', 'bench/http-load.ts', `@${file}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const cpu = cpuMicros(process.cpuUsage(cpu0));
    const r = JSON.parse(out.stdout.trim().split('\n').pop()!) as { ok: number; non2xx: number; errors: number; p50: number; p99: number };
    return { rate: r.ok / spec.seconds, p50: r.p50, p99: r.p99, cpuUsPerCall: r.ok ? cpu / r.ok : 0, ok: r.ok, failed: r.non2xx + r.errors };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Runs `op` from `connections` loops at once for `seconds` in this process: the raw floor. */
export async function inProcessMeasure(seconds: number, connections: number, op: (i: number) => Promise<unknown>): Promise<Measured> {
  await op(-1);
  const times: number[] = [];
  let n = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await op(n++);
        times.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpu = cpuMicros(process.cpuUsage(cpu0));
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0);
  return { rate: times.length / elapsed, p50: at(0.5), p99: at(0.99), cpuUsPerCall: times.length ? cpu / times.length : 0, ok: times.length, failed: 0 };
}

/**
 * A bare Fastify server in this process for the "same SQL, nothing else" floor. `register` adds the
 * routes; they share the platform's connection pool, so the database side is the same.
 */
export async function bareServer(register: (app: FastifyInstance) => void): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify({ logger: false });
  register(app);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}
