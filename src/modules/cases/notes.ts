import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import { actorOf, assertAllowed, type Policy, type Principal } from '../../kernel/policy/index.ts';
import { CasesErrors } from './errors.ts';
import type { CaseRow, Handling } from './handling.ts';
import { CASE_LOG, dispatcherOf } from './records.ts';
import { stepActorOf } from '../../kernel/workflow/index.ts';
import type { CaseNoteBody } from './schema.ts';
import { caseSettings } from './settings.ts';
import { CASE_NOTED } from './events.ts';
import { casesDb } from './tables.ts';

/** The steps recorded beside the workflow, which change no state. */
export class CaseNotes {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    private readonly handling: Handling,
  ) {}

  /**
   * Steps beside the workflow. 催办 and 督办 by the centre or leaders; 升级 raises supervision to the
   * leaders; 延期 is asked by the handling unit and decided by the unit that sent the case; 协办
   * units add their opinion.
   */
  async note(who: Principal, id: string, body: CaseNoteBody, requestId?: string): Promise<CaseRow> {
    const row = await this.handling.visibleRow(who, id);
    if (!row.open) throw CasesErrors.notOpen();
    const now = this.k.clock.now();
    const set: Record<string, unknown> = {};
    const payload: Record<string, unknown> = {};
    const inUnit = (dept: string | null) => who.type === 'staff' && !!dept && who.departmentId === dept && this.policy.can(who, 'cases.handle', { departmentId: dept });
    switch (body.kind) {
      case 'remind':
      case 'supervise':
      case 'escalate': {
        assertAllowed(this.policy, who, 'cases.supervise', { regionCode: row.region_code });
        if (!row.handling_department_id) throw CasesErrors.notOpen();
        if (body.kind === 'remind') set.reminded_at = now;
        else {
          // 督办 by the centre is level 1; a leader's 督办, or 升级 by anyone, is level 2.
          const level = body.kind === 'escalate' || who.roles.includes('leader') ? 2 : 1;
          Object.assign(set, { supervision_level: Math.max(row.supervision_level, level), supervised_at: now });
          payload.level = Math.max(row.supervision_level, level);
        }
        break;
      }
      case 'request_extension':
        if (!inUnit(row.handling_department_id) || row.state !== 'handling') throw Errors.forbidden();
        if (row.extension_status === 'pending') throw CasesErrors.extensionPending();
        if (!body.days) throw Errors.validation([{ path: '/days', message: 'how many working days / 请填写延期工作日数' }]);
        {
          // The region's 延期 rules as they stood when the case was made: a later edit applies to new cases.
          const rules = (await caseSettings(this.k.settings, row.region_code, { asOf: new Date(row.created_at) })).extension;
          if (body.days > rules.maxDaysPerRequest) throw CasesErrors.extensionTooLong(rules.maxDaysPerRequest);
          const asked = await this.k.db
            .selectFrom('cases_action')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('case_id', '=', id)
            .where('action', '=', 'request_extension')
            .executeTakeFirstOrThrow();
          if (Number(asked.n) >= rules.maxRequests) throw CasesErrors.extensionsUsed(rules.maxRequests);
        }
        Object.assign(set, { extension_status: 'pending', extension_days: body.days });
        payload.days = body.days;
        break;
      case 'approve_extension':
      case 'refuse_extension': {
        const dispatcher = dispatcherOf(row);
        const mayDecide = who.type === 'staff' && who.departmentId === dispatcher && (this.policy.can(who, 'cases.dispatch', { regionCode: row.region_code }) || inUnit(dispatcher));
        if (!mayDecide) throw Errors.forbidden();
        if (row.extension_status !== 'pending') throw CasesErrors.noExtensionPending();
        if (body.kind === 'approve_extension') {
          const due = await this.k.calendar.addWorkingDays(row.due_at ?? now, row.extension_days ?? 0);
          Object.assign(set, { extension_status: 'approved', due_at: due, overdue: due.getTime() < now.getTime() });
          payload.dueAt = due.toISOString();
        } else set.extension_status = 'refused';
        payload.days = row.extension_days;
        break;
      }
      case 'assist':
        if (!(row.helper_department_ids as string[]).includes(who.departmentId ?? '') || !inUnit(who.departmentId)) throw Errors.forbidden();
        break;
    }
    const main = casesDb(this.k.db)
      .updateTable('cases_case')
      .set({ ...set, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .returning(['id', 'region_code']);
    const done = await this.k.tracedWrite(
      this.k.db,
      main,
      {
        actor: actorOf(who),
        action: body.kind,
        objectType: 'cases.case',
        objectId: id,
        regionCode: row.region_code,
        change: { ...payload, text: body.text },
        event: { topic: CASE_NOTED, payload: { id, kind: body.kind, departmentId: row.handling_department_id } },
        requestId,
      },
      CASE_LOG.appendFrom('main', { action: body.kind, from: row.state, to: row.state, actor: stepActorOf(who), opinion: body.text, payload, at: now }),
    );
    if (done.length === 0) throw CasesErrors.stateChanged();
    return casesDb(this.k.db).selectFrom('cases_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
}
