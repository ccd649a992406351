import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, openTestDatabase, type Database } from '../db/index.ts';

const root = path.resolve(import.meta.dirname, '../../..');

interface Server {
  url: string;
  token: string;
  departmentId: string;
  /** The signal or exit code the process ended with. */
  ended: Promise<string | number | null>;
  stop(): Promise<string | number | null>;
}

/** Starts crash-server.fixture.ts in a process of its own and waits (at most two minutes) until it serves. */
function serve(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['bin/run-ts.js', 'src/testing/crash-server.fixture.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ended = new Promise<string | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server was not ready within two minutes: ${err}`));
    }, 120_000);
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{') && l.endsWith('}'));
      if (!line) return;
      clearTimeout(timer);
      resolve({ ...JSON.parse(line), ended, stop: () => (child.kill('SIGTERM'), ended) });
    });
    void ended.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server ended before it was ready: ${err}`));
    });
  });
}

describe('Idempotency-Key across a crash of the app process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-crash-'));
  // On PostgreSQL the test keeps its own connection to the server's schema; a PGlite folder is
  // opened by one process at a time, so the test reads it only while no server runs.
  let shared: Database | null = null;
  const env: Record<string, string> = { YW_DATA_DIR: dataDir };
  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      shared = await openTestDatabase(2);
      env.YW_SCHEMA = shared.schema!;
    }
  });
  afterAll(async () => {
    await shared?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function entries(title: string): Promise<string[]> {
    const read = async (db: Database) => (await sql<{ id: string }>`SELECT id FROM data_list_entry WHERE title = ${title}`.execute(db.db)).rows.map((r) => r.id);
    if (shared) return read(shared);
    const db = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
    try {
      return await read(db);
    } finally {
      await db.close();
    }
  }

  const post = (s: Server, key: string, body: Record<string, unknown>) =>
    fetch(`${s.url}/api/data/lists`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json', 'idempotency-key': key, 'accept-language': 'en' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });

  it('answers a retry after kill -9 between the write and its answer without writing again', async () => {
    // The first attempt writes its entry and the process dies before the answer is stored.
    const first = await serve({ ...env, YW_KILL_BEFORE_ANSWER: '1' });
    const body = { list: 'duty', departmentId: first.departmentId, title: '故障前写入的条目' };
    const answered = await post(first, 'crash-key-0001', body).then(
      (r) => r.status,
      () => 'no answer',
    );
    expect(answered).toBe('no answer');
    expect(await first.ended).toBe('SIGKILL');
    const written = await entries(body.title);
    expect(written).toHaveLength(1);

    // A minute later (the claim is stale), the client retries the same request in a fresh process.
    const second = await serve({ ...env, YW_CLOCK_AHEAD_MS: '61000' });
    try {
      for (let i = 0; i < 2; i++) {
        const retry = await post(second, 'crash-key-0001', body);
        expect(retry.status).toBe(409);
        expect(retry.headers.get('idempotent-replayed')).toBe('true');
        const problem = await retry.json();
        expect(problem.code).toBe('IDEMPOTENCY_ANSWER_LOST');
        expect(problem.en).toContain(written[0]);
      }
      // The fresh process itself writes normally.
      const other = await post(second, 'crash-key-0002', { ...body, title: '恢复后写入的条目' });
      expect(other.status).toBe(201);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(await entries(body.title)).toEqual(written);
    expect(await entries('恢复后写入的条目')).toHaveLength(1);
  }, 300_000);
});
