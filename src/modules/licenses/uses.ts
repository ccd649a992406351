import { newId as uuidv7 } from '../../kernel/ids/index.ts';
import type { Executor } from '../../kernel/db/index.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import type { LicenceRow } from './licences.ts';
import { licensesDb } from './tables.ts';

export const USE_KINDS = [
  ['view', '查看', 'Viewed'],
  ['download', '下载', 'Downloaded'],
  ['verify', '核验', 'Verified'],
  ['attach', '免证办引用', 'Used instead of a material'],
  ['credential', '导出可验证凭证', 'Exported as a credential'],
] as const;
export type UseKind = (typeof USE_KINDS)[number][0];

/**
 * 用证记录: every use of a licence — by its holder, a department under a grant, an application in
 * place of a material, or a verification — is one row the holder can read.
 */
export class LicenceUses {
  constructor(private readonly k: Kernel) {}

  async record(ex: Executor, r: LicenceRow, who: Principal | null, kind: UseKind, purpose: string, extra: { grantId?: string; applicationId?: string } = {}): Promise<void> {
    await licensesDb(ex)
      .insertInto('licenses_use')
      .values({
        id: uuidv7(),
        licence_id: r.id,
        holder_index: r.holder_index,
        region_code: r.region_code,
        kind,
        grant_id: extra.grantId ?? null,
        actor_id: who?.accountId ?? 'anonymous',
        actor_name: who?.name ?? '公众 / public',
        department_id: who?.type === 'staff' ? who.departmentId : null,
        purpose: purpose.slice(0, 200),
        application_id: extra.applicationId ?? null,
        at: this.k.clock.now(),
      })
      .execute();
  }

  async forHolder(holderIndex: string, limit = 100) {
    const rows = await licensesDb(this.k.db)
      .selectFrom('licenses_use as u')
      .innerJoin('licenses_licence as l', 'l.id', 'u.licence_id')
      .select(['u.id', 'u.kind', 'u.actor_id', 'u.actor_name', 'u.department_id', 'u.purpose', 'u.at', 'l.name', 'l.licence_no', 'l.identifier'])
      .where('u.holder_index', '=', holderIndex)
      .orderBy('u.at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((u) => ({
      id: u.id,
      kind: u.kind,
      // A verification by the public has no actor; the page names it in the reader's language.
      actorName: u.actor_id === 'anonymous' ? null : u.actor_name,
      departmentId: u.department_id,
      purpose: u.purpose,
      at: new Date(u.at).toISOString(),
      licenceName: u.name,
      licenceNo: u.licence_no,
      identifier: u.identifier,
    }));
  }

  /** Materials applicants did not have to upload because a licence stood in for them (免证办). */
  async materialsSaved(regionCode: string): Promise<number> {
    const r = await licensesDb(this.k.db)
      .selectFrom('licenses_use')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'attach')
      .where('region_code', 'like', `${regionCode}%`)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
