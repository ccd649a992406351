// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

describe('group commit', () => {
  it('writes rows of callers arriving together in one statement, each answered once its batch is written', async () => {
    const statements: number[][] = [];
    let release!: () => void;
    const first = new Promise<void>((r) => (release = r));
    const g = new GroupCommit<number>(async (rows) => {
      statements.push(rows);
      if (statements.length === 1) await first;
    });
    const answered: number[] = [];
    const a = g.write(1).then(() => answered.push(1));
    // While the first row is being written, three more arrive: they wait and go together.
    const rest = [2, 3, 4].map((n) => g.write(n).then(() => answered.push(n)));
    await Promise.resolve();
    expect(answered).toEqual([]);
    release();
    await Promise.all([a, ...rest]);
    expect(statements).toEqual([[1], [2, 3, 4]]);
    expect(answered.sort()).toEqual([1, 2, 3, 4]);
  });

  it('fails every caller of a failed batch, tells why once a batch, and writes the next batch', async () => {
    const heard: number[] = [];
    let fail = true;
    const g = new GroupCommit<string>(
      async () => {
        if (fail) throw new Error('database gone');
      },
      1_000,
      (_err, rows) => heard.push(rows),
    );
    const results = await Promise.allSettled([g.write('a'), g.write('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    // The first caller's row went alone (nothing was being written yet), the second's after it.
    expect(heard).toEqual([1, 1]);
    fail = false;
    await expect(g.write('c')).resolves.toBeUndefined();
  });

  it('never puts more than the batch bound in one statement', async () => {
    const sizes: number[] = [];
    const g = new GroupCommit<number>(async (rows) => void sizes.push(rows.length), 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => g.write(n)));
    expect(sizes).toEqual([1, 2, 2]);
  });
});
