import type { Selectable } from 'kysely';
import { casesDb, type CasesCaseTable } from './tables.ts';
import { Errors } from '../../kernel/http/errors.ts';
import type { Kernel } from '../../kernel/index.ts';
import type { Policy, Principal } from '../../kernel/policy/index.ts';
import { act, type RecordKind, type StateRow, type WorkflowActor } from '../../kernel/workflow/index.ts';
import type { Grids } from '../cityops/index.ts';
import type { OrgService } from '../org/index.ts';
import type { Categories } from './categories.ts';
import type { Classifier } from './classifier.ts';
import { caseKind } from './case-steps.ts';
import type { CaseActionBody } from './schema.ts';
import type { CaseWorkflows } from './workflows.ts';

/** A case as stored. */
export type CaseRow = Selectable<CasesCaseTable>;

/**
 * Who may see a case and act on it, and its steps after intake, which go through the kernel's
 * action engine (case-steps.ts says what each action does).
 */
export class Handling {
  constructor(
    private readonly k: Kernel,
    private readonly policy: Policy,
    org: OrgService,
    grids: Grids,
    categories: Categories,
    classifier: Classifier,
    workflows: CaseWorkflows,
  ) {
    this.kind = caseKind({ k, org, grids, categories, classifier }, this, workflows);
  }

  private readonly kind: RecordKind<CaseRow & StateRow, CaseActionBody>;

  /** Loads a case and checks the caller may see it. */
  async visibleRow(who: Principal, id: string): Promise<CaseRow> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound('case');
    const row = await casesDb(this.k.db).selectFrom('cases_case').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw Errors.notFound('case');
    if (!this.canSee(who, row)) throw Errors.forbidden();
    return row;
  }

  /** The centre and leaders see their region's cases; units see cases they hold, held or help on; callers their own. */
  canSee(who: Principal, row: CaseRow): boolean {
    if (who.type === 'person') return row.caller_account_id === who.accountId;
    if (this.policy.can(who, 'cases.view', { regionCode: row.region_code })) return true;
    if (!this.policy.can(who, 'cases.handle', { departmentId: who.departmentId })) return false;
    const d = who.departmentId;
    return !!d && (row.handling_department_id === d || (row.helper_department_ids as string[]).includes(d) || (row.dispatch_chain as string[]).includes(d));
  }

  actorFor(who: Principal, row: CaseRow): WorkflowActor {
    if (who.type === 'staff') return { kind: 'staff', roles: who.roles, departmentId: who.departmentId };
    if (who.type === 'person' && row.caller_account_id === who.accountId) return { kind: 'applicant', roles: [], departmentId: null };
    throw Errors.forbidden();
  }

  /** Takes one workflow step on a case through the kernel's action engine; answers the case as it is now. */
  async act(who: Principal, id: string, body: CaseActionBody, requestId?: string): Promise<CaseRow> {
    await act(this.k, this.kind, who, id, body, requestId);
    return casesDb(this.k.db).selectFrom('cases_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
}
