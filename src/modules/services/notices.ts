import type { Tx } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Catalogue } from './catalogue.ts';
import { servicesDb } from './tables.ts';

/**
 * The applicant hears of every step staff take (and of their own submission) through their inbox.
 * The message is written by an outbox subscriber, so the step itself stays one statement and the
 * message is committed exactly once with the event's delivery mark.
 */
export function notifyApplicants(k: Kernel, catalogue: Catalogue): void {
  const appOf = (trx: Tx, id: unknown) =>
    servicesDb(trx).selectFrom('services_application').select(['id', 'number', 'region_code', 'applicant_account_id', 'item_version_id', 'state']).where('id', '=', String(id)).executeTakeFirst();
  type App = NonNullable<Awaited<ReturnType<typeof appOf>>>;
  const tell = async (trx: Tx, p: Record<string, unknown>, title: string, extra: string, read?: App) => {
    const app = read ?? (await appOf(trx, p.id));
    if (!app) return;
    const v = await catalogue.version(app.item_version_id, trx);
    const state = v.content.workflow.states[String(p.to ?? app.state)];
    await k.notify.notify(trx, {
      regionCode: app.region_code,
      recipientId: app.applicant_account_id,
      title,
      body: `${v.content.name}（${app.number}）${state?.zh ?? ''}${extra}`,
      link: `/applications/${app.id}`,
    });
  };
  k.events.subscribe('services.application.submitted', (e, trx) => tell(trx, e.payload, '申请已提交 / Application submitted', ''));
  k.events.subscribe('services.application.stepped', async (e, trx) => {
    const p = e.payload;
    if (p.actorType !== 'staff' && p.actorType !== 'system') return;
    // Read once: the title needs the item's workflow, the message the application itself.
    const app = await appOf(trx, p.id);
    if (!app) return;
    const a = (await catalogue.version(app.item_version_id, trx)).content.workflow.actions.find((x) => x.code === p.action);
    const why = p.reason ? `：${p.reason}` : Array.isArray(p.items) ? `，请补正：${(p.items as string[]).join('；')}` : '';
    await tell(trx, p, a ? `${a.zh} / ${a.en}` : String(p.action), why, app);
  });
}
