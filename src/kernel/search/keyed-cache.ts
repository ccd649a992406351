/**
 * A value held in memory (a search index, say) and rebuilt only when a cheap version key read from
 * the database changes. This node marks it stale with `invalidate()` after its own writes; other
 * nodes' writes show in the key, which is looked at no more often than `checkMs`. One build runs at a
 * time, and a build overtaken by an invalidation is done again, so no caller gets a stale value.
 */
export class KeyedCache<T> {
  private held: { key: string; value: T } | null = null;
  private building: Promise<T> | null = null;
  private checkedAt = 0;
  private dirty = true;

  constructor(
    private readonly versionKey: () => Promise<string>,
    private readonly build: (key: string) => Promise<T>,
    private readonly checkMs: number,
  ) {}

  invalidate(): void {
    this.dirty = true;
  }

  async get(): Promise<T> {
    if (this.held && !this.dirty && Date.now() - this.checkedAt < this.checkMs) return this.held.value;
    if (!this.building) this.building = this.refresh().finally(() => (this.building = null));
    const value = await this.building;
    return this.dirty ? this.get() : value;
  }

  private async refresh(): Promise<T> {
    this.dirty = false;
    const key = await this.versionKey();
    if (!this.held || this.held.key !== key) this.held = { key, value: await this.build(key) };
    this.checkedAt = Date.now();
    return this.held.value;
  }
}
