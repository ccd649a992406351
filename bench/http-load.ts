// Load generator in its own process (it must not share the server's event loop).
// argv[2]: JSON { url, method, headers, body, seconds, connections } → prints autocannon's result as JSON.
import autocannon from 'autocannon';

const spec = JSON.parse(process.argv[2]) as { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; seconds: number; connections: number };
const result = await autocannon({ url: spec.url, method: spec.method ?? 'GET', headers: spec.headers, body: spec.body, duration: spec.seconds, connections: spec.connections });
console.log(JSON.stringify({ ok: result['2xx'], non2xx: result.non2xx, errors: result.errors, p50: result.latency.p50, p99: result.latency.p99 }));
