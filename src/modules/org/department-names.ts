import type { OrgService } from './service.ts';

const TTL_MS = 30_000;

/**
 * Names of departments for lists and pages, kept for 30 s (like the calendar): names change
 * rarely, and asking the org module on every catalogue search or queue page would double the
 * round trips of the commonest reads.
 */
export class DepartmentNames {
  private readonly cache = new Map<string, { name: string; nameEn: string | null; at: number }>();
  constructor(private readonly org: OrgService) {}

  async of(ids: readonly string[]): Promise<Map<string, string>> {
    await this.load(ids);
    return new Map(ids.map((id) => [id, this.cache.get(id)?.name ?? '']));
  }

  /** English names, null where a department has none (the page then shows the Chinese one). */
  async ofEn(ids: readonly string[]): Promise<Map<string, string | null>> {
    await this.load(ids);
    return new Map(ids.map((id) => [id, this.cache.get(id)?.nameEn ?? null]));
  }

  private async load(ids: readonly string[]): Promise<void> {
    const now = Date.now();
    const missing = [...new Set(ids)].filter((id) => (this.cache.get(id)?.at ?? 0) < now - TTL_MS);
    if (missing.length) {
      if (this.cache.size > 5000) this.cache.clear();
      for (const [id, d] of await this.org.departmentNames(missing)) this.cache.set(id, { name: d.name, nameEn: d.nameEn, at: now });
    }
  }
}
