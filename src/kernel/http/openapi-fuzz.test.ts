import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationsOf, seededRandom, variants, type FuzzRequest } from '../../testing/fuzz.ts';
import { TEST_PASSWORD, bearer, department, personToken, staffToken, startTestPlatform, type TestPlatform } from '../../testing/platform.ts';
import { itemContent } from '../../testing/services.ts';
import { makeCitizenId } from '../ids/index.ts';
import { AIGUO, report, setupCases } from '../../testing/cases.ts';

/** Fixed, so a failure found once is found again; FUZZ_SEED=n explores other corners. */
const SEED = Number(process.env.FUZZ_SEED ?? 15);
/**
 * Bounds the run (about a minute on two quiet cores): at most this many variants per operation and
 * caller. FUZZ_PER_OPERATION=100000 sends every variant (~18,000 requests); FUZZ_REPORT=file.json
 * writes the failures there in full.
 */
const PER_OPERATION = Number(process.env.FUZZ_PER_OPERATION ?? 30);
/** Who sends the requests; FUZZ_AS=anonymous,admin,citizen adds a real-name verified person. */
type Caller = 'anonymous' | 'admin' | 'citizen';
const CALLERS = (process.env.FUZZ_AS ?? 'anonymous,admin').split(',') as Caller[];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Failure {
  who: string;
  request: string;
  status: number;
  body: string;
}

/** What is wrong with an answer to a malformed request, or null: no 5xx, and every 4xx explains itself in both languages. */
function verdict(path: string, res: { statusCode: number; headers: Record<string, unknown>; body: string }): string | null {
  if (res.statusCode >= 500) return 'server error';
  if (res.statusCode < 400) return null;
  // GeoReport v2 has its own error format (a list of code + description) in JSON or XML, in the
  // real endpoint and in its sandbox alike.
  if (/^\/open311\/v2(-test)?\//.test(path)) {
    if (/<errors>|^\s*\[\s*\{\s*"code"/.test(res.body) || String(res.headers['content-type']).startsWith('application/problem+json')) return null;
    return 'not a GeoReport error';
  }
  // CKAN's Action API answers in CKAN's envelope, which CKAN clients read; ours adds the Chinese text.
  // (A URL the platform refuses before routing — undecodable, too long — is still a problem document.)
  if (/^\/api\/(3$|3\/|action\/)/.test(path) && !String(res.headers['content-type']).startsWith('application/problem+json')) {
    try {
      const b = JSON.parse(res.body);
      if (b.success === false && b.error?.__type && b.error?.message && b.error?.zh) return null;
    } catch {
      // not JSON: not a CKAN error either
    }
    return 'not a CKAN error';
  }
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) return 'not a problem document';
  try {
    const p = JSON.parse(res.body);
    if (p.status !== res.statusCode || !p.code || !p.zh || !p.en) return 'problem without status, code, zh and en';
  } catch {
    return 'problem document is not JSON';
  }
  return null;
}

/** Every string named `id` that is a UUID, anywhere in a response. */
function collectIds(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && /id$/i.test(k) && UUID.test(v)) into.add(v);
    else collectIds(v, into, depth + 1);
  }
}

describe('malformed requests to every operation of the OpenAPI document', () => {
  let t: TestPlatform;
  const callers = {} as Record<Exclude<Caller, 'anonymous'>, { username: string; token: string }>;
  let admin: string;
  const ids = new Set<string>();

  beforeAll(async () => {
    t = await startTestPlatform();
    const dept = await department(t);
    admin = await staffToken(t, ['platform_admin'], dept.id, 'fuzz.admin');
    callers.admin = { username: 'fuzz.admin', token: admin };
    if (CALLERS.includes('citizen')) {
      const citizen = await personToken(t, { realName: { name: '王建国', idNumber: makeCitizenId('152201', '1985-06-15', 31) } });
      callers.citizen = { username: citizen.phone, token: citizen.token };
    }
    // A few real records, so that well-formed path parameters reach services and their checks.
    const item = await t.app.inject({ method: 'POST', url: '/api/services/items', headers: bearer(admin), payload: { code: 'FUZZ-0001', regionCode: '152201', content: itemContent(dept.id) } });
    expect(item.statusCode, item.body).toBe(201);
    const world = await setupCases(t);
    const reported = await report(t, world.agent, {
      kind: 'complaint',
      content: '万佳社区3号楼门前垃圾堆放好几天了没人清运',
      callerName: '王女士',
      callerPhone: '13904821234',
      lon: AIGUO[0],
      lat: AIGUO[1],
      address: '万佳社区3号楼',
    });
    expect(reported.status).toBe(201);
  });
  afterAll(() => t.close());

  /** The caller's headers; signs them in again when a fuzzed request ended their sessions (sign out everywhere, say). */
  async function headersFor(who: Caller): Promise<Record<string, string>> {
    if (who === 'anonymous') return {};
    const c = callers[who];
    const me = await t.app.inject({ url: '/api/identity/me', headers: bearer(c.token) });
    if (me.statusCode === 401) {
      const res = await t.app.inject({ method: 'POST', url: '/api/identity/sessions', payload: { username: c.username, password: TEST_PASSWORD } });
      c.token = res.json().token;
    }
    return bearer(c.token);
  }

  it('never answers with a 5xx, and every 4xx is a bilingual problem document', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(100);

    // Real identifiers from the lists an administrator sees.
    for (const op of ops.filter((o) => o.method === 'GET' && o.pathParams.length === 0)) {
      const res = await t.app.inject({ url: op.path, headers: bearer(admin) });
      if (res.statusCode === 200 && String(res.headers['content-type']).includes('json')) collectIds(res.json(), ids);
    }

    const random = seededRandom(SEED);
    const failures: Failure[] = [];
    let sent = 0;
    for (const op of ops) {
      const all = variants(op, random, [...ids]);
      for (const who of CALLERS) {
        // A deterministic sample when an operation has more variants than the bound.
        const chosen = all.length <= PER_OPERATION ? all : shuffle(all, random).slice(0, PER_OPERATION);
        const auth = await headersFor(who);
        for (const v of chosen) {
          const res = await send(t, v, auth);
          sent++;
          const wrong = verdict(op.path, res);
          if (wrong) failures.push({ who, request: `${v.method} ${v.url.slice(0, 120)} — ${v.label} (${wrong})`, status: res.statusCode, body: res.body.slice(0, 200) });
        }
      }
    }
    if (process.env.FUZZ_REPORT) (await import('node:fs')).writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(failures, null, 1));
    console.log(`fuzz: ${ops.length} operations, ${sent} requests, ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 300_000);
});

function send(t: TestPlatform, v: FuzzRequest, auth: Record<string, string>) {
  return t.app.inject({ method: v.method as never, url: v.url, headers: { ...auth, ...v.headers }, ...(v.payload !== undefined ? { payload: v.payload } : {}) });
}

function shuffle<T>(xs: T[], random: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
