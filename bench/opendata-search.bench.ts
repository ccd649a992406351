/**
 * CKAN `package_search` over HTTP, beside a bare SQL search of the same catalogue, in one run:
 *
 *   catalogue: BENCH_DATASETS (default 1,000) catalogue resources synced into the open catalogue
 *              by the catalogue area and published by the bureau (the real path, audited)
 *   ckan:      POST /api/3/action/package_search {q, rows: 10} with a Chinese word from a list of
 *              queries, in turn, from BENCH_CONNECTIONS (16) connections for BENCH_SECONDS (10):
 *              full-text relevance, paging, package dicts with resources, the CKAN envelope
 *   sql:       the same queries straight in SQL on opendata_dataset from the same number of
 *              connections: `LIKE '%q%'` on title, notes and tags of published rows, the first 10
 *              by modified_at and the count — what a search costs with no ranking, no dicts and no HTTP
 *   floor:     GET /healthz under the same load, the cheapest route on this machine
 *
 * Prints requests per second of each and the ratios. Uses DATABASE_URL when set, else PGlite. The
 * load comes from bench/http-load.ts in its own process (wrk when installed, else autocannon).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import type { OpenDataSource, SourceResource } from '../src/modules/opendata/index.ts';
import { benchPlatform } from './baseline.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DATASETS = Number(process.env.BENCH_DATASETS ?? 1_000);
const run = promisify(execFile);

const SUBJECTS = [
  '企业登记',
  '食品经营许可',
  '医疗机构',
  '公交线路',
  '空气质量',
  '学校名录',
  '养老机构',
  '停车场',
  '药品零售',
  '农产品价格',
  '道路施工',
  '社会保险',
  '旅游景区',
  '建设工程',
  '气象观测',
];
const KINDS = ['名录', '统计', '信息', '台账', '监测数据'];
const QUERIES = ['企业', '食品', '医疗', '公交', '空气', '学校', '养老', '停车', '药品', '价格', '施工', '保险', '景区', '工程', '气象', '名录', '统计', '监测'];

const { p, database, close } = await benchPlatform(CONNECTIONS);
const k = p.kernel;
const depts: string[] = [];
for (const [code, name] of [
  ['SCJG', '市场监督管理局'],
  ['WJW', '卫生健康委员会'],
  ['JTJ', '交通运输局'],
  ['HBJ', '生态环境局'],
  ['JYJ', '教育局'],
  ['MZJ', '民政局'],
]) {
  depts.push((await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code, name })).id);
}

const resources: SourceResource[] = Array.from({ length: DATASETS }, (_, i) => {
  const subject = SUBJECTS[i % SUBJECTS.length];
  const kind = KINDS[Math.floor(i / SUBJECTS.length) % KINDS.length];
  return {
    code: `OD-BENCH-${String(i).padStart(5, '0')}`,
    name: `${subject}${kind}（${i}）`,
    description: `全市${subject}的${kind}，包括名称、地址、类别与更新日期，按月更新，供社会查询和再利用。`,
    providerDepartmentId: depts[i % depts.length],
    regionCode: '152201',
    openType: i % 5 === 0 ? 'conditional' : 'open',
    openBasis: i % 5 === 0 ? '含企业经营信息，依申请开放' : null,
    updateFrequency: 'monthly',
    lastUpdatedAt: null,
    items: [
      { code: 'name', name: '名称', description: '名称', dataType: 'string', grade: 'L1' },
      { code: 'address', name: '地址', description: '地址', dataType: 'string', grade: 'L1' },
    ],
    readable: false,
    version: 1,
  };
});
const source: OpenDataSource = {
  resources: async () => resources,
  resource: async (code) => resources.find((r) => r.code === code) ?? null,
  rows: async () => ({ rows: [], next: null }),
  count: async () => 0,
  aggregate: async () => [],
  issueGrant: async () => {
    throw new Error('not in this bench');
  },
  revokeGrant: async () => {},
  grantUsage: async () => new Map(),
};
p.opendata.useSource(source);
const bureau = { ...SYSTEM_PRINCIPAL, regionCode: '152201', departmentId: depts[0] };
let t0 = performance.now();
await p.opendata.catalogue.catalogue.sync(bureau, '152201');
const syncMs = performance.now() - t0;
t0 = performance.now();
for (const r of resources) await p.opendata.catalogue.catalogue.publish(bureau, r.code.toLowerCase());
const publishMs = performance.now() - t0;

const app = await p.http();
const address = await app.listen({ port: 0, host: '127.0.0.1' });
// Warm the search index, as a running portal's is.
await fetch(`${address}/api/3/action/package_search?q=${encodeURIComponent(QUERIES[0])}`);

type Load = { ok: number; non2xx: number; errors: number; p50: number; p99: number; loader: string };
async function load(spec: object): Promise<Load> {
  const file = path.join(os.tmpdir(), `yw-od-search-bench-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, ...spec }));
  try {
    const out = await run(process.execPath, ['bin/run-ts.js', 'bench/http-load.ts', `@${file}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
    return JSON.parse(out.stdout.trim().split('\n').pop()!) as Load;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

// A sanity check before measuring: every query answers in CKAN's envelope with hits.
for (const q of QUERIES) {
  const body = (await (await fetch(`${address}/api/3/action/package_search?q=${encodeURIComponent(q)}`)).json()) as { success: boolean; result: { count: number } };
  if (!body.success || body.result.count === 0) throw new Error(`package_search q=${q} found nothing`);
}

const ckan = await load({
  url: `${address}/api/3/action/package_search`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  bodies: QUERIES.map((q) => JSON.stringify({ q, rows: 10 })),
});

// The bare SQL search of the same catalogue, same queries, same concurrency.
let bare = 0;
{
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      for (let i = c; Date.now() < until; i += CONNECTIONS) {
        const like = `%${QUERIES[i % QUERIES.length]}%`;
        const match = sql`state = 'published' AND (title LIKE ${like} OR notes LIKE ${like} OR array_to_string(tags, ' ') LIKE ${like})`;
        await Promise.all([
          sql`SELECT id, name, title FROM opendata_dataset WHERE ${match} ORDER BY modified_at DESC LIMIT 10`.execute(k.db),
          sql`SELECT count(*) AS n FROM opendata_dataset WHERE ${match}`.execute(k.db),
        ]);
        bare++;
      }
    }),
  );
}
const sqlRate = bare / SECONDS;

const floor = await load({ url: `${address}/healthz` });
const ckanRate = ckan.ok / SECONDS;
const floorRate = floor.ok / SECONDS;
console.log(
  JSON.stringify(
    {
      database: database.kind,
      datasets: DATASETS,
      syncMs: Math.round(syncMs),
      publishMs: Math.round(publishMs),
      seconds: SECONDS,
      connections: CONNECTIONS,
      packageSearch: { perSecond: Math.round(ckanRate), p50Ms: ckan.p50, p99Ms: ckan.p99, non2xx: ckan.non2xx, errors: ckan.errors, loader: ckan.loader },
      bareSqlSearchPerSecond: Math.round(sqlRate),
      healthzPerSecond: Math.round(floorRate),
      ratioToSql: Number((ckanRate / sqlRate).toFixed(2)),
      ratioToHttpFloor: Number((ckanRate / floorRate).toFixed(3)),
    },
    null,
    2,
  ),
);
await close();
