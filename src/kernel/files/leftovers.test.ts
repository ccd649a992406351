// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.ts';
import { FileStore, LocalBlobStore } from './index.ts';

describe('temporary files left by a process that died mid-upload', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-leftovers-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('are removed on start when old, while a fresh one (another process receiving now) stays', () => {
    const tmp = path.join(dataDir, 'files', 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'left-by-a-crash'), 'partial upload');
    const threeHoursAgo = new Date(Date.now() - 3 * 3600_000);
    fs.utimesSync(path.join(tmp, 'left-by-a-crash'), threeHoursAgo, threeHoursAgo);
    fs.writeFileSync(path.join(tmp, 'being-received'), 'partial upload');
    new FileStore(null as never, new FakeClock('2026-03-02T09:00:00+08:00'), dataDir, { maxBytes: 1024, maxUnpackedBytes: 1024, maxEntries: 1 }, [], new LocalBlobStore(path.join(dataDir, 'files')));
    expect(fs.readdirSync(tmp)).toEqual(['being-received']);
  });
});
