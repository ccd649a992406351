import type { Platform } from '../../src/platform.ts';

/** How many of each kind the demo archive holds: enough to search, borrow and hand over. */
const PER_KIND = 3;

/**
 * The demo region's archives (一网协同): a few of the seeded 办件 (delivered), 12345 工单 (closed) and
 * 证照 (issued), found by their completion events in the outbox and archived through the office
 * module, as the archive flow's job would. A record the archive refuses is left out (and recorded
 * among the failures an archivist sees) rather than stopping the demo.
 */
export async function seedOfficeArchives(p: Platform, deptIds: Map<string, string>): Promise<void> {
  void deptIds;
  const finished = async (topic: string, ok: (payload: Record<string, unknown>) => boolean) => {
    const rows = await p.kernel.db.selectFrom('kernel_outbox').select('payload').where('topic', '=', topic).orderBy('created_at').limit(500).execute();
    const ids = rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>).filter(ok);
    return [...new Set(ids.map((x) => String(x.id)))].slice(0, PER_KIND);
  };
  const picks: ['application' | 'case' | 'licence', string[]][] = [
    ['application', await finished('services.application.stepped', (e) => e.to === 'delivered')],
    ['case', await finished('cases.case.stepped', (e) => e.to === 'closed')],
    ['licence', await finished('licenses.licence.issued', () => true)],
  ];
  for (const [kind, ids] of picks) {
    for (const id of ids) {
      // A refusal is recorded by the archive itself; the demo goes on without that record.
      await p.office.archives.ingest(kind, id).catch((err: unknown) => p.kernel.log.warn({ kind, id, err: (err as Error).message }, 'demo record not archived'));
    }
  }
}
