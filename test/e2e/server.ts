import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/testing/ports.ts';

export interface RunningServer {
  url: string;
  /** The port it listens on (plain http on 127.0.0.1). */
  port: number;
  /** The server's data folder (the development SMS sink writes `outgoing-messages.txt` there). */
  dataDir: string;
  /** Resolves once no background work (jobs, outbox events) is due: the start-up timers have run. */
  settle(timeoutMs?: number): Promise<void>;
  /** Stops the server; its data folder is removed unless `keep`. */
  stop(opts?: { keep?: boolean }): Promise<void>;
}

/**
 * Starts the real platform (`yiwang start`) on a free port with a fresh data folder and the demo seed.
 * `env` adds or overrides settings (e.g. a PUBLIC_URL behind a proxy). When the run's global setup
 * seeded a template (`YW_E2E_TEMPLATE`, see global-setup.ts), the folder starts as a copy of it, so
 * each file gets its own fresh platform without seeding the demo region again.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-e2e-'));
  const template = process.env.YW_E2E_TEMPLATE;
  if (template) fs.cpSync(template, dataDir, { recursive: true });
  return serve(dataDir, env);
}

/** Runs `yiwang start` on a data folder until /readyz answers; seeds the demo region if the folder has none. */
export async function serve(dataDir: string, env: Record<string, string> = {}, startMs = Number(process.env.E2E_START_MS ?? 200_000)): Promise<RunningServer> {
  // Asked of the OS: two test files run at once, and a random pick could collide.
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['bin/yiwang.js', 'start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, YIWANG_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // A loaded shared machine may need longer to seed the demo region: E2E_START_MS (with --hookTimeout).
  const deadline = Date.now() + startMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    port,
    dataDir,
    async settle(timeoutMs = startMs) {
      // Zero twice in a row: a finished job may queue the next (a sweep its items).
      let zeros = 0;
      const until = Date.now() + timeoutMs;
      while (zeros < 2) {
        if (Date.now() > until) throw new Error('the background work did not finish');
        // A kept-alive connection the busy server has just closed resets: ask again on the next round.
        const metrics = await fetch(`${url}/metrics`)
          .then((r) => r.text())
          .catch(() => '');
        const due = metrics.split('\n').filter((l) => l.startsWith('yiwang_background_backlog{'));
        zeros = due.length === 2 && due.every((l) => Number(l.split(' ')[1]) === 0) ? zeros + 1 : 0;
        await new Promise((r) => setTimeout(r, 1000));
      }
    },
    async stop(opts: { keep?: boolean } = {}) {
      if (child.exitCode === null) {
        // A folder that is kept is closed cleanly; one about to be removed needs no clean close
        // (SIGTERM drains and writes the embedded database back to disk: seconds per file).
        child.kill(opts.keep ? 'SIGTERM' : 'SIGKILL');
        await new Promise((r) => child.once('exit', r));
      }
      if (!opts.keep) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
