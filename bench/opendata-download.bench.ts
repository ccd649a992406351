/**
 * 公共数据开放 downloads: `GET /api/opendata/datasets/:name/download.csv` of a published dataset of
 * 100,000 rows (BENCH_ROWS) over real HTTP — the catalogue lookup, keyset pages from the data
 * module's records, RFC 4180 quoting with the formula guard, the trace and day counter — beside
 * the database writing the same rows as CSV itself in the same run:
 *
 *   PostgreSQL (DATABASE_URL):  COPY (SELECT … the same items …) TO STDOUT WITH (FORMAT csv) read
 *                               through pg-copy-streams
 *   PGlite:                     COPY (SELECT …) TO '/dev/blob' (PGlite's in-memory COPY target)
 *
 * Prints rows/s of each and the ratio download / COPY (1.0 would be a download costing nothing
 * beyond the database's own CSV writer).
 */
import { sql } from 'kysely';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { benchPlatform } from './baseline.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const CODE = 'BENCH-SHOPS';
const DISTRICTS = ['和平街道', '兴安街道', '五一街道', '都林街道', '爱国街道', '胜利街道', '城郊街道', '乌兰哈达镇'];

const { p, database, close } = await benchPlatform(8);
const admin = { ...SYSTEM_PRINCIPAL, regionCode: '152201' };
try {
  const dept = await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'BENCH-SCJG', name: '市场监督管理局（基准）' });
  await p.data.catalogue.register(admin, {
    code: CODE,
    name: '个体工商户名录（基准）',
    description: '基准测试用的开放数据集。',
    providerDepartmentId: dept.id,
    regionCode: '152201',
    category: 'department',
    backing: 'records',
    backingRef: 'data_record',
    sharingType: 'unconditional',
    openType: 'open',
    updateFrequency: 'monthly',
    items: [
      ['name', '名称', 'string'],
      ['district', '所在街道', 'string'],
      ['address', '地址', 'string'],
      ['capital', '资金数额（万元）', 'number'],
      ['staff', '从业人数', 'integer'],
      ['registered', '登记日期', 'date'],
    ].map(([code, name, dataType]) => ({ code, name, description: name, dataType, grade: 'L1', importance: 'general', storage: { field: code } })),
  } as never);
  const records = Array.from({ length: ROWS }, (_, i) => ({
    id: String(i + 1).padStart(7, '0'),
    values: {
      name: `乌兰浩特市${DISTRICTS[i % 8]}第${i + 1}号商店${i % 97 === 0 ? '，含"引号"' : ''}`,
      district: DISTRICTS[i % 8],
      address: `兴安盟乌兰浩特市${DISTRICTS[i % 8]}${(i % 300) + 1}号`,
      capital: Math.round(((i * 37) % 5000) + 0.5) / 10,
      staff: (i * 13) % 40,
      registered: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
    },
  }));
  let t0 = performance.now();
  await p.data.records.load(admin, CODE, records, { replace: true });
  console.log(`loaded ${ROWS} records in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await p.opendata.catalogue.catalogue.sync(admin, '152201');
  const name = CODE.toLowerCase();
  await p.opendata.catalogue.catalogue.publish(admin, name);

  const app = await p.http();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}/api/opendata/datasets/${name}/download.csv`;

  // The download over HTTP, read to the end by a real client.
  const downloads: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    t0 = performance.now();
    const res = await fetch(url);
    if (res.status !== 200) throw new Error(`download: ${res.status} ${await res.text()}`);
    let lines = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const b of value) if (b === 10) lines++;
    }
    const s = (performance.now() - t0) / 1000;
    // Header plus one line per row (a row whose text held a line break would add lines; none does here).
    if (lines !== ROWS + 1) throw new Error(`download gave ${lines - 1} rows, not ${ROWS}`);
    downloads.push(ROWS / s);
  }

  // The same rows and columns, written as CSV by the database itself.
  const select = `SELECT "values"->>'name', "values"->>'district', "values"->>'address', "values"->>'capital', "values"->>'staff', "values"->>'registered'
    FROM data_record WHERE resource_id = (SELECT id FROM data_resource WHERE code = '${CODE}') ORDER BY id`;
  const copies: number[] = [];
  let label: string;
  if (database.kind === 'postgres') {
    label = 'PostgreSQL COPY … TO STDOUT (pg-copy-streams)';
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, ...(database.schema ? { options: `-c search_path=${database.schema}` } : {}) });
    await client.connect();
    try {
      for (let r = 0; r < RUNS; r++) {
        t0 = performance.now();
        const stream = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER)`));
        let lines = 0;
        for await (const chunk of stream as AsyncIterable<Buffer>) for (const b of chunk) if (b === 10) lines++;
        if (lines !== ROWS + 1) throw new Error(`COPY gave ${lines - 1} rows`);
        copies.push(ROWS / ((performance.now() - t0) / 1000));
      }
    } finally {
      await client.end();
    }
  } else {
    label = "PGlite COPY … TO '/dev/blob'";
    for (let r = 0; r < RUNS; r++) {
      t0 = performance.now();
      await sql.raw(`COPY (${select}) TO '/dev/blob' WITH (FORMAT csv, HEADER)`).execute(p.kernel.db);
      copies.push(ROWS / ((performance.now() - t0) / 1000));
    }
  }
  await app.close();

  const best = (xs: number[]) => Math.max(...xs);
  console.log(`database: ${database.kind}, ${ROWS} rows × 6 items, best of ${RUNS}`);
  console.log(`CSV download over HTTP:   ${best(downloads).toFixed(0)} rows/s  (runs: ${downloads.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`${label}: ${best(copies).toFixed(0)} rows/s  (runs: ${copies.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`ratio download / COPY:    ${(best(downloads) / best(copies)).toFixed(2)}`);
} finally {
  await close();
}
