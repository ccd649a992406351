import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../kernel/config/index.ts';
import { createPlatform, type Platform } from '../platform.ts';
import { isSeeded, seedDemo } from '../../seed/demo.ts';
import { SYSTEM_PRINCIPAL } from '../modules/identity/index.ts';
import { importReportText } from '../modules/services/index.ts';
import { ROLES } from '../modules/org/index.ts';
import { backup } from './backup.ts';
import { restore } from './restore.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

function config(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

/**
 * Maintenance commands (backup, restore, audit verify, migrate) read or write whole tables: the
 * per-request bounds on statements and idle transactions would cut them off on a large installation.
 */
const MAINTENANCE: Partial<Config> = { dbStatementTimeoutMs: 3_600_000, dbIdleInTransactionTimeoutMs: 3_600_000, dbAcquireTimeoutMs: 600_000 };

async function withPlatform<T>(fn: (p: Platform) => Promise<T>, overrides: Partial<Config> = {}): Promise<T> {
  const p = await createPlatform({ config: { ...config(), ...MAINTENANCE, ...overrides } });
  try {
    await p.migrate();
    return await fn(p);
  } finally {
    await p.close();
  }
}

/** Builds the web app when its output is missing or older than its sources. */
function buildWebIfNeeded(): void {
  const out = path.join(root, 'web', 'dist', 'index.html');
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  if (fs.existsSync(out) && fs.statSync(out).mtimeMs >= newest(path.join(root, 'web', 'src'))) return;
  console.log('构建网页 / building web pages …');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const program = new Command('yiwang').description('Yiwang 一网 — digital-government platform').showHelpAfterError();

program
  .command('start')
  .description('migrate, seed the demo region on first start, and serve API and web on one port')
  .option('--build-web', 'build the web pages first when they are missing or out of date')
  .option('--no-workers', 'serve HTTP only; run timers, outbox and audit sealing elsewhere')
  .action(async (o: { buildWeb?: boolean; workers: boolean }) => {
    const cfg = config();
    if (o.buildWeb) buildWebIfNeeded();
    const p = await createPlatform({ config: cfg });
    const applied = await p.migrate();
    if (applied.length) p.log.info({ applied }, 'migrations applied');
    if (cfg.seedDemo && !(await isSeeded(p))) await seedDemo(p);
    const app = await p.http();
    if (o.workers && cfg.workers) p.startWorkers();
    await app.listen({ port: cfg.port, host: cfg.host });
    const shown = cfg.host === '0.0.0.0' ? 'localhost' : cfg.host;
    console.log(`\n一网 Yiwang 已启动 / is running: http://${shown}:${cfg.port}  (API docs: /api/docs)\n`);
    let stopping = false;
    const stop = async (signal: string) => {
      // One drain at a time: wrappers (npm, timeout, a terminal's Ctrl-C) often deliver the same
      // signal twice, and the drain is bounded anyway.
      if (stopping) return;
      stopping = true;
      p.log.info({ signal, graceMs: cfg.shutdownGraceMs }, 'shutting down: draining requests');
      // Whatever still hangs after the drain and the database close (a stuck job, a socket) does
      // not keep the process: it ends within a bounded time in any case.
      setTimeout(() => process.exit(1), cfg.shutdownGraceMs + 10_000).unref();
      try {
        await p.close();
      } catch (err) {
        p.log.error({ err }, 'shutdown: close failed');
        process.exit(1);
      }
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply database migrations not yet applied (safe to run twice, or from two processes)')
  .action(() =>
    withPlatform(async () => {
      console.log('migrations up to date / 数据库已是最新');
    }),
  );

program
  .command('seed')
  .description('load the demo region (乌兰浩特市) into an empty database')
  .action(() =>
    withPlatform(async (p) => {
      if (await isSeeded(p)) return console.log('already seeded / 已有数据，未重复载入');
      await seedDemo(p);
      console.log('demo region loaded / 演示数据已载入');
    }),
  );

const audit = program.command('audit').description('audit ledger');
audit
  .command('verify')
  .description('walk the whole hash chain, check every checkpoint signature and compare with the witness; only reads')
  .option('--no-seal', 'accepted for older scripts; verify never links or signs')
  .action(() =>
    withPlatform(async (p) => {
      const r = await p.kernel.audit.verify();
      console.log(`linked entries: ${r.linked}, checkpoints: ${r.checkpoints}, not yet linked: ${r.unlinked}`);
      if (r.lanes.length > 1) console.log(`lanes: ${r.lanes.map((l) => `${l.lane}: ${l.linked}`).join(', ')}`);
      if (r.witness) {
        console.log(
          `witness: ${r.witness.name}: ${r.witness.checkpoints} checkpoints, last at position ${r.witness.lastPos ?? '-'}${r.witness.at ? ` (${r.witness.at})` : ''}; not yet witnessed: ${r.witness.notYetWitnessed}`,
        );
      }
      if (!r.ok) {
        const b = r.broken!;
        console.error(`审计链断裂 / AUDIT CHAIN BROKEN at ${b.lane ? `lane ${b.lane} ` : ''}position ${b.chainPos}${b.entryId ? ` (entry ${b.entryId})` : ''}: ${b.reason}`);
        for (const x of r.problems) console.error(`  [${x.kind}] ${x.reason}${x.entryId ? ` (entry ${x.entryId})` : ''}`);
        process.exitCode = 1;
      } else console.log('审计链完整 / audit chain intact');
    }),
  );
audit
  .command('checkpoint')
  .description('sign a checkpoint at the chain head now and write it to the witness (the workers do this every YIWANG_AUDIT_SEAL_MS)')
  .action(() =>
    withPlatform(async (p) => {
      const n = await p.kernel.audit.seal();
      console.log(n ? `checkpoint signed and witnessed / 检查点已签名并见证: ${n} new entries` : 'nothing new since the last checkpoint / 无新条目');
    }),
  );

program
  .command('backup <file>')
  .description('write a logical backup (gzip JSON lines) of the whole database; keys.json is not included')
  .action((file: string) =>
    withPlatform(async (p) => {
      const n = await backup(p.kernel.db, file, (t, rows) => console.log(`  ${t}: ${rows}`));
      console.log(`backup written / 备份完成: ${file} (${n} rows). Keep ${path.join(p.kernel.config.dataDir, 'keys.json')} safe as well.`);
    }),
  );

program
  .command('restore <file>')
  .description('restore a backup into an empty database (same keys.json needed to read encrypted fields)')
  .action((file: string) =>
    withPlatform(async (p) => {
      const n = await restore(p.kernel.db, file, (t, rows) => console.log(`  ${t}: ${rows}`));
      console.log(`restored / 恢复完成: ${n} rows`);
    }),
  );

const catalogue = program.command('catalogue').description('service catalogue (事项清单)');
catalogue
  .command('import <file>')
  .description('load an implementation list (实施清单) from XLSX or CSV; prints what each row does and exits non-zero when a row has errors')
  .option('--dry-run', 'report only, write nothing')
  .option('--region <code>', 'region the items are implemented in (default: the configured region)')
  .action((file: string, o: { dryRun?: boolean; region?: string }) =>
    withPlatform(async (p) => {
      const region = o.region ?? p.kernel.config.regionCode;
      if (!/^[0-9]{2,12}$/.test(region)) throw new InvalidArgumentError('--region takes a region code of 2–12 digits');
      const bytes = fs.readFileSync(file);
      const report = await p.services.catalogueImport.run(SYSTEM_PRINCIPAL, { bytes, fileName: path.basename(file), mime: '', regionCode: region, dryRun: !!o.dryRun }, 'cli');
      console.log(importReportText(report));
      if (report.totals.error) process.exitCode = 1;
    }),
  );

const roleList = (v: string) => {
  const roles = v.split(',').map((s) => s.trim());
  const bad = roles.filter((r) => !ROLES.some((x) => x.code === r));
  if (bad.length) throw new InvalidArgumentError(`unknown role(s) ${bad.join(', ')}; known: ${ROLES.map((r) => r.code).join(', ')}`);
  return roles;
};

const user = program.command('user').description('staff accounts');
user
  .command('add')
  .description('add a staff member with a sign-in account (password from --password or YIWANG_NEW_PASSWORD)')
  .requiredOption('--username <name>', 'sign-in name, e.g. zhang.san')
  .requiredOption('--name <name>', 'full name')
  .requiredOption('--department <code>', 'department code, e.g. ZWSJ')
  .requiredOption('--roles <list>', 'comma-separated role codes', roleList)
  .option('--region <code>', 'region code of the department (default: the configured region)')
  .option('--password <password>', 'initial password')
  .action((o: { username: string; name: string; department: string; roles: string[]; region?: string; password?: string }) =>
    withPlatform(async (p) => {
      const password = o.password ?? process.env.YIWANG_NEW_PASSWORD;
      if (!password) throw new InvalidArgumentError('give --password or YIWANG_NEW_PASSWORD');
      const region = o.region ?? p.kernel.config.regionCode;
      const dept = await p.kernel.db.selectFrom('org_department').select('id').where('code', '=', o.department).where('region_code', '=', region).executeTakeFirst();
      if (!dept) throw new InvalidArgumentError(`no department ${o.department} in region ${region}`);
      const r = await p.identity.service.createStaffAccount(SYSTEM_PRINCIPAL, {
        username: o.username,
        password,
        staff: { departmentId: dept.id, name: o.name, employeeNo: o.username.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32), roles: o.roles as never },
      });
      console.log(`user added / 已添加: ${o.username} (staff ${r.staff.id})`);
    }),
  );

program.parseAsync().catch((err) => {
  const msg = err && typeof err === 'object' && 'zh' in err ? `${err.zh} / ${err.en}` : (err as Error).message;
  console.error(`错误 / error: ${msg}`);
  process.exit(1);
});
