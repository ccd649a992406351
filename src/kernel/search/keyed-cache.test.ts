// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { KeyedCache } from './keyed-cache.ts';

/** A search index rebuilt only when the data changed: what a user sees is fresh, and no build is wasted. */
describe('KeyedCache', () => {
  const world = () => {
    const w = { key: 'v1', builds: 0, cache: null as unknown as KeyedCache<string> };
    w.cache = new KeyedCache(
      async () => w.key,
      async (key) => {
        w.builds += 1;
        await new Promise((r) => setTimeout(r, 5));
        return `index of ${key}`;
      },
      0,
    );
    return w;
  };

  it('builds once for callers arriving together, and not again while the key stays the same', async () => {
    const w = world();
    expect(await Promise.all([w.cache.get(), w.cache.get(), w.cache.get()])).toEqual(['index of v1', 'index of v1', 'index of v1']);
    expect(await w.cache.get()).toBe('index of v1');
    expect(w.builds).toBe(1);
  });

  it("rebuilds when another node's write changes the key, or this node says it changed", async () => {
    const w = world();
    await w.cache.get();
    w.key = 'v2';
    expect(await w.cache.get()).toBe('index of v2');
    w.cache.invalidate();
    expect(await w.cache.get()).toBe('index of v2');
    expect(w.builds).toBe(2);
  });

  it('never hands out a build that an invalidation overtook', async () => {
    const w = world();
    const first = w.cache.get();
    w.key = 'v3';
    w.cache.invalidate();
    expect(await first).toBe('index of v3');
  });
});
