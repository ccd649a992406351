import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { personToken, startTestPlatform } from '../../testing/platform.ts';
import { stalledUpload, until } from '../../testing/stall.ts';

// SIGTERM in `yiwang start` calls the platform's close(): it must end even while a client stalls
// in the middle of a request (issue 15, item 1).
describe('shutting down', () => {
  it('drains and closes within the grace period while an upload stalls, cutting the stalled client off', async () => {
    const t = await startTestPlatform({ shutdownGraceMs: 300 }, { listen: true });
    const { token } = await personToken(t);
    const tmp = path.join(t.p.kernel.config.dataDir, 'files', 'tmp');
    const stalled = await stalledUpload(t.url, token);
    await until('the upload is being received', () => fs.existsSync(tmp) && fs.readdirSync(tmp).length === 1);
    const cutOff = new Promise<void>((r) => stalled.once('close', () => r()));

    // Bounded far above the grace period: before draining was bounded, close() never returned.
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([t.close().then(() => 'closed'), new Promise((r) => (timer = setTimeout(() => r('still open'), 20_000)))]);
    clearTimeout(timer);
    expect(outcome).toBe('closed');
    await cutOff;
    expect(stalled.destroyed || stalled.readableEnded).toBe(true);
  }, 60_000);
});
