// Load generator in its own process, so it does not share the server's event loop.
// argv: url token seconds connections → prints autocannon's result as JSON.
import autocannon from 'autocannon';

const [url, token, seconds, connections] = process.argv.slice(2);
let n = 0;
const prefix = `${process.pid.toString(36)}`;
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ regionCode: '152201', code: `B${prefix}${(n++).toString(36)}`, name: `压测部门${n}` }) }) }],
});
console.log(JSON.stringify({ ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, p50: result.latency.p50, p99: result.latency.p99 }));
