// Load generator in its own process (it must not share the server's event loop).
// argv[2]: JSON { url, method, headers, body | bodies, seconds, connections }, or @file holding it (for
// specs too long for a command line) → prints the result as JSON { ok, non2xx, errors, p50, p99, loader }.
// `bodies` are sent in turn, for loads where identical requests would not be realistic.
// Uses wrk when it is installed (BENCH_LOADER=autocannon forces autocannon).
import fs from 'node:fs';
import autocannon from 'autocannon';
import { hasWrk, runWrk, type LoadSpec } from './wrk.ts';

const arg = process.argv[2];
const spec = JSON.parse(arg.startsWith('@') ? fs.readFileSync(arg.slice(1), 'utf8') : arg) as LoadSpec;
if (process.env.BENCH_LOADER !== 'autocannon' && hasWrk()) {
  console.log(JSON.stringify(await runWrk(spec)));
} else {
  let next = 0;
  const bodies = spec.bodies;
  const result = await autocannon({
    url: spec.url,
    method: spec.method ?? 'GET',
    headers: spec.headers,
    body: spec.body,
    duration: spec.seconds,
    connections: spec.connections,
    ...(bodies ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: bodies[next++ % bodies.length] }) }] } : {}),
  });
  console.log(JSON.stringify({ ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, p50: result.latency.p50, p99: result.latency.p99, loader: 'autocannon' }));
}
