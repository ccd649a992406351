const MINUTE = 60_000;

/**
 * A grant's calls per minute across every app node. Each node counts the calls it has admitted but
 * not yet committed; each committed batch of usage records brings back the grant's total for the
 * minute from the database (all nodes' committed calls, ours included). A call is admitted while
 * that total plus our uncommitted calls stays within the grant's rate. Nodes see each other's calls
 * one batch late, so a burst split over N nodes can overshoot by at most N batches.
 */
export class GrantRate {
  private readonly seen = new Map<string, { minute: number; committed: number; pending: number }>();

  private entry(grantId: string, minute: number) {
    let e = this.seen.get(grantId);
    if (!e || e.minute !== minute) {
      if (this.seen.size > 10_000) this.seen.clear();
      e = { minute, committed: 0, pending: 0 };
      this.seen.set(grantId, e);
    }
    return e;
  }

  /**
   * Counts the call in if the grant has room this minute. A call that then fails before its usage
   * record (a malformed condition) stays counted on this node for the minute: bad calls use the rate too.
   */
  admit(grantId: string, perMinute: number, nowMs: number): boolean {
    const e = this.entry(grantId, Math.floor(nowMs / MINUTE));
    if (e.committed + e.pending >= perMinute) return false;
    e.pending++;
    return true;
  }

  /** A batch committed `calls` of ours for the grant in that minute; `total` is everyone's so far. */
  committed(grantId: string, minuteMs: number, calls: number, total: number): void {
    const e = this.seen.get(grantId);
    if (!e || e.minute !== Math.floor(minuteMs / MINUTE)) return;
    e.pending = Math.max(0, e.pending - calls);
    e.committed = Math.max(e.committed, total);
  }
}
