// Load generator in its own process: one workflow action per application id, spread over the
// connections, until every id was used. argv[2]: JSON { base, token, ids, body, connections }.
import autocannon from 'autocannon';

const spec = JSON.parse(process.argv[2]) as { base: string; token: string; ids: string[]; body: string; connections: number };
let i = 0;
const started = Date.now();
const result = await autocannon({
  url: spec.base,
  connections: spec.connections,
  amount: spec.ids.length,
  method: 'POST',
  headers: { authorization: `Bearer ${spec.token}`, 'content-type': 'application/json' },
  requests: [{ setupRequest: (req) => ({ ...req, path: `/api/services/applications/${spec.ids[i++ % spec.ids.length]}/actions`, body: spec.body }) }],
});
const seconds = (Date.now() - started) / 1000;
console.log(JSON.stringify({ ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, p50: result.latency.p50, p99: result.latency.p99, seconds }));
