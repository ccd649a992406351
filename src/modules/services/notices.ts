import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Catalogue, ItemVersion } from './catalogue.ts';
import { servicesDb } from './tables.ts';

/**
 * The applicant hears of every step staff take (and of their own submission) through their inbox.
 * The message is written by an outbox subscriber, so the step itself stays one statement and the
 * message is committed exactly once with the event's delivery mark.
 */
export function notifyApplicants(k: Kernel, catalogue: Catalogue): void {
  /**
   * The inbox entry `<item>（<number>）<state><extra>`, addressed and numbered from the application
   * row in the same statement that writes it; `to` is the step's state, else the application's own.
   */
  const tell = async (trx: Tx, id: string, v: ItemVersion, title: string, extra: string, to?: string) => {
    const states = v.content.workflow.states;
    const state =
      to !== undefined ? sql`${states[to]?.zh ?? ''}::text` : sql`coalesce(${JSON.stringify(Object.fromEntries(Object.entries(states).map(([code, s]) => [code, s.zh])))}::jsonb ->> a.state, '')`;
    await k.notify.notifyFrom(
      trx,
      sql`SELECT a.region_code, a.applicant_account_id AS recipient_id, ${`${v.content.name}（`}::text || a.number || '）' || ${state} || ${extra}::text AS body
        FROM services_application a WHERE a.id = ${id}`,
      { title, link: `/applications/${id}` },
    );
  };
  /** The item version the application was made under: named by the event, or read for one stored before events named it. */
  const versionOf = async (trx: Tx, p: Record<string, unknown>) => {
    const versionId =
      typeof p.itemVersionId === 'string'
        ? p.itemVersionId
        : (await servicesDb(trx).selectFrom('services_application').select('item_version_id').where('id', '=', String(p.id)).executeTakeFirst())?.item_version_id;
    return versionId ? catalogue.version(versionId, trx) : null;
  };
  k.events.subscribe('services.application.submitted', async (e, trx) => {
    const v = await versionOf(trx, e.payload);
    if (v) await tell(trx, String(e.payload.id), v, '申请已提交 / Application submitted', '');
  });
  k.events.subscribe('services.application.stepped', async (e, trx) => {
    const p = e.payload;
    if (p.actorType !== 'staff' && p.actorType !== 'system') return;
    const v = await versionOf(trx, p);
    if (!v) return;
    const a = v.content.workflow.actions.find((x) => x.code === p.action);
    const why = p.reason ? `：${p.reason}` : Array.isArray(p.items) ? `，请补正：${(p.items as string[]).join('；')}` : '';
    await tell(trx, String(p.id), v, a ? `${a.zh} / ${a.en}` : String(p.action), why, String(p.to));
  });
}
