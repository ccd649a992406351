// The same load as autocannon's, driven by wrk (Debian package `wrk`) when it is installed: wrk is C
// and spends a fraction of the CPU per request, which matters on a two-core machine where the load
// generator, the server and PostgreSQL share the cores.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface LoadSpec {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  bodies?: string[];
  seconds: number;
  connections: number;
}
export interface LoadResult {
  ok: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
  loader: string;
}

export function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    // wrk --version prints its usage and exits 1: installed all the same.
    return (e as { code?: string }).code !== 'ENOENT';
  }
}

// Each request takes the next body in turn (bodies are one per line, JSON has no raw newlines).
const SCRIPT = `
local bodies = {}
local file = os.getenv("WRK_BODIES")
if file then for line in io.lines(file) do bodies[#bodies + 1] = line end end
local i = 0
request = function()
  if #bodies == 0 then return wrk.format() end
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
`;

const ms = (v: string, unit: string) => Number(v) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);

export async function runWrk(spec: LoadSpec): Promise<LoadResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-wrk-'));
  try {
    const script = path.join(dir, 'load.lua');
    fs.writeFileSync(script, `wrk.method = "${spec.method ?? 'GET'}"\n${SCRIPT}`);
    const bodies = spec.bodies ?? (spec.body ? [spec.body] : []);
    const env = { ...process.env };
    if (bodies.length) {
      env.WRK_BODIES = path.join(dir, 'bodies.txt');
      fs.writeFileSync(env.WRK_BODIES, bodies.join('\n') + '\n');
    }
    const headers = Object.entries(spec.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
    // One thread: the server under test gets the rest of the machine.
    const { stdout } = await promisify(execFile)('wrk', ['-t1', `-c${spec.connections}`, `-d${spec.seconds}s`, '--latency', '-s', script, ...headers, spec.url], { env, encoding: 'utf8' });
    const total = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0);
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
    const errs = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
    const pct = (p: string) => {
      const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`).exec(stdout);
      return m ? Math.round(ms(m[1], m[2]) * 10) / 10 : NaN;
    };
    return { ok: total - non2xx, non2xx, errors: errs ? errs.slice(1).reduce((a, b) => a + Number(b), 0) : 0, p50: pct('50'), p99: pct('99'), loader: 'wrk' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
