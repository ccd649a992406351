/**
 * Rows written one statement for many callers (group commit): each caller's promise resolves only
 * once its row is committed, but rows of callers arriving together share one INSERT. While one batch
 * is written the next gathers, so under load a batch holds about one round trip's worth of callers
 * and an idle writer writes each row at once. A failed write fails every caller of its batch: nobody
 * is told "done" for a row that is not stored.
 */
export class GroupCommit<T> {
  private queue: { row: T; done: (err?: unknown) => void }[] = [];
  private writing = false;

  /** `insert` writes one batch (at most `maxBatch` rows) in one statement; `onError` hears a failed batch. */
  constructor(
    private readonly insert: (rows: T[]) => Promise<void>,
    private readonly maxBatch = 1_000,
    private readonly onError?: (err: unknown, rows: number) => void,
  ) {}

  /** Resolves once `row` is committed; rejects when its batch failed. */
  write(row: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await this.insert(batch.map((b) => b.row));
          for (const b of batch) b.done();
        } catch (err) {
          this.onError?.(err, batch.length);
          for (const b of batch) b.done(err);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
