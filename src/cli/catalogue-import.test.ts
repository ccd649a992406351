// yiwang-test: database-independent (the command always runs on its own embedded database; see vitest.config.ts)
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../kernel/config/index.ts';
import { SYSTEM_PRINCIPAL } from '../modules/identity/index.ts';
import { loadRegions } from '../modules/org/index.ts';
import { createPlatform } from '../platform.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-cli-import-'));
const list = path.join(dataDir, '实施清单.csv');

async function yiwang(args: string[]) {
  try {
    const r = await promisify(execFile)(process.execPath, ['bin/yiwang.js', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '', YIWANG_DATA_DIR: dataDir, LOG_LEVEL: 'silent' } });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('yiwang catalogue import', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints the dry-run report and exits non-zero on row errors, then applies the list', async () => {
    fs.writeFileSync(
      list,
      '事项名称,实施编码,事项类型,实施主体,法定办结时限,承诺办结时限,设定依据,服务对象\n' +
        '食品经营许可,XK-CLI-0001,行政许可,市场监督管理局,20个工作日,10个工作日,《中华人民共和国食品安全法》第三十五条,企业法人\n',
    );
    const dry = await yiwang(['catalogue', 'import', list, '--dry-run', '--region', '152201']);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('错误 errors 1');
    expect(dry.out).toContain('第 2 行 row 2 [实施主体]');

    const config = loadConfig({ LOG_LEVEL: 'silent', YIWANG_DATA_DIR: dataDir }, {}, dataDir);
    const p = await createPlatform({ config: { ...config, databaseUrl: undefined } });
    await p.kernel.db.transaction().execute((trx) => loadRegions(trx, ['152201']));
    await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'SCJG', name: '市场监督管理局' });
    await p.close();

    const applied = await yiwang(['catalogue', 'import', list]);
    expect(applied.code, applied.out).toBe(0);
    expect(applied.out).toContain('新增 create 1');
    const again = await yiwang(['catalogue', 'import', list]);
    expect(again.out).toContain('未变 unchanged 1');
  }, 300_000);
});
