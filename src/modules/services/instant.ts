import type { Kernel } from '../../kernel/index.ts';
import { cstDate } from '../../kernel/calendar/index.ts';
import { DomainError } from '../../kernel/http/errors.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { Principal } from '../../kernel/policy/index.ts';
import {
  describeRule,
  evaluate,
  factCatalog,
  parseRule,
  type ConditionTrace,
  type FactCatalog,
  type FactDecl,
  type FactValues,
  type RuleNode,
  type Subject,
  type Truth,
} from '../../kernel/rules/index.ts';
import { act, SYSTEM_STEP_ACTOR, type RecordKind, type StepActor } from '../../kernel/workflow/index.ts';
import { applicantFacts, SYSTEM_PRINCIPAL } from '../identity/index.ts';
import { APPLICATION_LOG, applicationKind } from './application-steps.ts';
import type { Applications, AppRow } from './applications.ts';
import type { Catalogue, ItemVersion } from './catalogue.ts';
import { INSTANT_APPROVAL_ACTION } from './default-workflows.ts';
import { ServicesErrors } from './errors.ts';
import type { ActionBody, ItemContent } from './schema.ts';
import { servicesDb } from './tables.ts';

/**
 * What 秒批 needs of the base data: the facts rules may name, and one subject's values. The data
 * backbone answers it; a flow plugs it in (src/flows/instant-facts.ts), as services may not import
 * the data module. `valuesOf` answers null when the base data does not hold the subject.
 */
export interface InstantFacts {
  catalog(subject: Subject): readonly FactDecl[];
  valuesOf(subject: Subject, ref: { idNumber: string } | { creditCode: string }, asOf: string): Promise<{ key: string; values: FactValues } | null>;
}

/** How the platform decided an application of a 秒批 item: kept on the action row and in the audit entry. */
export interface InstantExplanation {
  /** approved: the system approved at once; referred: a person decides (failed or unknown conditions). */
  decision: 'approved' | 'referred';
  result: Truth;
  /** False when the base data does not hold the applicant (every condition is then unknown). */
  found: boolean;
  subject: Subject;
  asOf: string;
  rule: { zh: string; en: string };
  conditions: ConditionTrace[];
  /** The conditions that did not hold or could not be checked: what the person taking over looks at. */
  failed: ConditionTrace[];
}

/** The action row of a 秒批 check that referred the application to a person (no state change). */
export const INSTANT_CHECK = 'instant_check';

const INSTANT_STEP_ACTOR: StepActor = { ...SYSTEM_STEP_ACTOR, name: '系统（秒批）' };
/** The account the platform's 秒批 step runs under (its 决定书 names the system as officer). */
const INSTANT_PRINCIPAL: Principal = { ...SYSTEM_PRINCIPAL, name: '系统自动审批（秒批）' };
const systemActor = (regionCode: string): Actor => ({ id: 'system', type: 'system', regionCode });

/** The application form's fields as facts `form.<field>` (typed from its JSON Schema), for rules that need them. */
export function formFacts(schema: unknown, subject: Subject): FactDecl[] {
  const props = ((schema as { properties?: Record<string, Record<string, unknown>> })?.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(props).flatMap(([field, p]) => {
    const t = p?.type;
    const type = t === 'number' || t === 'integer' ? 'number' : t === 'boolean' ? 'boolean' : t === 'string' ? (p.format === 'date' ? 'date' : 'string') : null;
    if (!type) return [];
    const title = typeof p.title === 'string' ? p.title : field;
    const titleEn = typeof p['x-title-en'] === 'string' ? p['x-title-en'] : field;
    const values = Array.isArray(p.enum) && p.enum.every((v) => typeof v === 'string') ? (p.enum as string[]) : undefined;
    return [
      {
        code: `form.${field}`,
        subject,
        type,
        zh: `申请表：${title}`,
        en: `Form: ${titleEn}`,
        ...(values ? { values } : {}),
        source: { resource: 'application-form', item: field, zh: '申请人填报', en: "the applicant's form" },
      } satisfies FactDecl,
    ];
  });
}

/** The explanation as the audit ledger keeps it in the clear: each condition with its value and source. */
function ledgerSummary(why: InstantExplanation): Record<string, unknown> {
  return {
    instant: {
      decision: why.decision,
      result: why.result,
      found: why.found,
      asOf: why.asOf,
      rule: why.rule.zh,
      conditions: why.conditions.map((c) => ({ fact: c.fact, test: c.test, actual: c.actual, held: c.held, source: `${c.source.resource}/${c.source.item}` })),
    },
  };
}

/** A rule's error with its place in the item (the editor marks the field). */
function atRule(err: unknown): unknown {
  if (!(err instanceof DomainError)) return err;
  return new DomainError(
    err.code,
    err.status,
    err.zh,
    err.en,
    (err.errors ?? [{ path: '', message: err.en }]).map((e) => ({ path: `/content/instant/rule${e.path}`, message: e.message })),
  );
}

/**
 * 秒批 (instant approval by rule). An item marked 秒批 carries a rule over the applicant's facts.
 * When an application arrives the platform reads the applicant's facts from the base data and
 * evaluates the rule: `true` → the system approves at once through the action engine (state,
 * action row, audit entry with the explanation, event — so 办结即发证 and the 决定书 follow as for a
 * person's approval); false or unknown (an applicant the base data does not hold is unknown, never
 * granted) → the application stays for a person, with the failed conditions on an action row.
 */
export class InstantApproval {
  facts: InstantFacts | null = null;
  private readonly kind: RecordKind<AppRow & { id: string; state: string; version: number; region_code: string }, ActionBody & { instant?: InstantExplanation }>;

  constructor(
    private readonly k: Kernel,
    private readonly catalogue: Catalogue,
    apps: Applications,
  ) {
    const base = applicationKind(k, apps, catalogue);
    const approve = base.handlers.instant_approve;
    this.kind = {
      ...base,
      // The platform's own step: no caller to check; the row is read as it is.
      load: async (_who, id) => (await servicesDb(k.db).selectFrom('services_application').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as AppRow & { id: string },
      actorOf: () => ({ kind: 'system', roles: [], departmentId: null }),
      guard: undefined,
      namedActor: (_who, row) => ({ audit: systemActor(row.region_code), step: INSTANT_STEP_ACTOR }),
      handlers: {
        ...base.handlers,
        instant_approve: async (step) => {
          const effect = await approve(step);
          const why = step.input.instant;
          return { ...effect, payload: { instant: why }, summary: why && ledgerSummary(why), opinion: why ? `秒批：符合${why.rule.zh}` : null };
        },
      },
    };
  }

  /** The facts a 秒批 rule of this item may name: the base data's for its subject, and the form's fields. */
  catalogOf(c: Pick<ItemContent, 'form'>, subject: Subject): FactCatalog {
    return factCatalog([...(this.facts?.catalog(subject) ?? []), ...formFacts(c.form.schema, subject)]);
  }

  /** Checks an item's 秒批 part when it is saved: the rule against the facts, the subject, the workflow. */
  check(c: ItemContent): void {
    const hasAction = c.workflow.actions.some((a) => a.code === INSTANT_APPROVAL_ACTION.code);
    if (!c.instant) {
      if (hasAction) throw ServicesErrors.badWorkflow([{ path: '/content/workflow', message: 'instant_approve needs a 秒批 rule on the item / 含秒批动作的流程须设置秒批规则' }]);
      return;
    }
    const { subject } = c.instant;
    if (!c.applicantTypes.includes(subject === 'person' ? 'person' : 'enterprise'))
      throw ServicesErrors.badWorkflow([{ path: '/content/instant/subject', message: 'the rule speaks of an applicant type the item does not serve / 秒批规则的对象不是本事项的申请人类型' }]);
    try {
      parseRule(c.instant.rule, this.catalogOf(c, subject));
    } catch (err) {
      throw atRule(err);
    }
    const a = c.workflow.actions.find((x) => x.code === INSTANT_APPROVAL_ACTION.code);
    if (!a || a.actor !== 'system' || !a.from.includes(c.workflow.initial) || a.outcome !== 'approved' || c.workflow.states[a.to]?.kind === 'paused')
      throw ServicesErrors.badWorkflow([
        {
          path: '/content/workflow',
          message: 'a 秒批 item needs the system action instant_approve from the first state, approving / 秒批事项的流程须含由系统从初始状态执行、结果为准予的 instant_approve 动作',
        },
      ]);
  }

  /** Evaluates the rule for the applicant of a just-submitted application. */
  async explain(v: ItemVersion, applicant: { accountId: string; enterpriseId: string | null }, form: Record<string, unknown>): Promise<InstantExplanation> {
    const spec = v.content.instant!;
    const subject = spec.subject;
    const { node } = parseRule(spec.rule, this.catalogOf(v.content, subject));
    const asOf = cstDate(this.k.clock.now());
    const known = await applicantFacts(this.k, {
      accountId: applicant.accountId,
      actingFor: applicant.enterpriseId ? { enterpriseId: applicant.enterpriseId, name: '', creditCode: '', role: 'legal_rep', scopes: [] } : null,
    });
    const idNumber = known.values['person.idNumber'];
    const creditCode = known.values['enterprise.creditCode'];
    const ref = subject === 'person' ? (idNumber ? { idNumber } : null) : creditCode ? { creditCode } : null;
    const base = ref && this.facts ? await this.facts.valuesOf(subject, ref, asOf) : null;
    const values: FactValues = { ...(base?.values ?? {}), ...this.formValues(node, form) };
    const ev = evaluate(node, values);
    // Not in the base data: nothing about them is known, so every condition is unknown and a person decides.
    const found = base !== null;
    const conditions = found ? ev.conditions : ev.conditions.map((x) => ({ ...x, actual: x.fact.startsWith('form.') ? x.actual : null, held: 'unknown' as const }));
    const result: Truth = found ? ev.result : 'unknown';
    return {
      decision: result === true ? 'approved' : 'referred',
      result,
      found,
      subject,
      asOf,
      rule: { zh: describeRule(node, 'zh'), en: describeRule(node, 'en') },
      conditions,
      failed: conditions.filter((x) => x.held !== true),
    };
  }

  /** The form's values of the `form.*` facts a rule names (a value of the wrong type counts as unknown). */
  private formValues(node: RuleNode, form: Record<string, unknown>): FactValues {
    const out: FactValues = {};
    const walk = (n: RuleNode): void => {
      if ('items' in n) return n.items.forEach(walk);
      if (n.kind === 'not') return walk(n.item);
      const code = n.fact.code;
      if (!code.startsWith('form.')) return;
      const v = form[code.slice(5)];
      const t = n.fact.type;
      out[code] = (t === 'number' ? typeof v === 'number' : t === 'boolean' ? typeof v === 'boolean' : typeof v === 'string') ? (v as string | number | boolean) : null;
    };
    walk(node);
    return out;
  }

  /**
   * After a submission: approve at once, or refer to a person with the reasons. A failure here never
   * undoes the submission; the application then simply waits for a person, and the log says why.
   */
  async afterSubmit(id: string, v: ItemVersion, applicant: { accountId: string; enterpriseId: string | null }, form: Record<string, unknown>): Promise<void> {
    if (!v.content.instant) return;
    let why: InstantExplanation;
    try {
      why = await this.explain(v, applicant, form);
    } catch (err) {
      this.k.log.warn({ err, applicationId: id }, 'instant approval could not evaluate; left for a person');
      return this.refer(id, null);
    }
    if (why.decision !== 'approved') return this.refer(id, why);
    try {
      await act(this.k, this.kind, INSTANT_PRINCIPAL, id, { action: INSTANT_APPROVAL_ACTION.code, instant: why });
    } catch (err) {
      // The approval wrote nothing (one transaction); the applicant's submission stands and a person takes it.
      this.k.log.warn({ err, applicationId: id }, 'instant approval failed; left for a person');
      await this.refer(id, null);
    }
  }

  /** Leaves the application for a person: one action row and one audit entry with the reasons. */
  private async refer(id: string, why: InstantExplanation | null): Promise<void> {
    const row = await servicesDb(this.k.db).selectFrom('services_application').select(['state', 'region_code', 'number']).where('id', '=', id).executeTakeFirstOrThrow();
    const payload = { instant: why, ...(why ? {} : { error: true }) };
    await this.k.db.transaction().execute(async (trx) => {
      await APPLICATION_LOG.append(trx, id, row.region_code, {
        action: INSTANT_CHECK,
        from: row.state,
        to: row.state,
        actor: INSTANT_STEP_ACTOR,
        opinion: why ? `秒批未通过，转人工办理：${why.failed.map((c) => `${c.zh}（${c.held === 'unknown' ? '未知' : '不符合'}）`).join('；')}` : '秒批无法判断，转人工办理',
        payload,
        at: this.k.clock.now(),
      });
      await this.k.recordChange(trx, {
        actor: systemActor(row.region_code),
        action: 'instant-referred',
        objectType: 'services.application',
        objectId: id,
        regionCode: row.region_code,
        change: payload,
        summary: { number: row.number, ...(why ? ledgerSummary(why) : { instant: { decision: 'referred', error: true } }) },
        event: false,
      });
    });
  }
}
