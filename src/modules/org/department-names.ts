import type { OrgService } from './service.ts';

const TTL_MS = 30_000;

/**
 * Names of departments for lists and pages, kept for 30 s (like the calendar): names change
 * rarely, and asking the org module on every catalogue search or queue page would double the
 * round trips of the commonest reads.
 */
export class DepartmentNames {
  private readonly cache = new Map<string, { name: string; at: number }>();
  constructor(private readonly org: OrgService) {}

  async of(ids: readonly string[]): Promise<Map<string, string>> {
    const now = Date.now();
    const missing = [...new Set(ids)].filter((id) => (this.cache.get(id)?.at ?? 0) < now - TTL_MS);
    if (missing.length) {
      if (this.cache.size > 5000) this.cache.clear();
      for (const [id, d] of await this.org.departmentNames(missing)) this.cache.set(id, { name: d.name, at: now });
    }
    return new Map(ids.map((id) => [id, this.cache.get(id)?.name ?? '']));
  }
}
