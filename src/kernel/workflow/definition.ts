import { Type, type Static } from '@sinclair/typebox';

/**
 * A workflow is data: states and the actions that move a record between them. Services, cases and
 * office documents each store their definitions as versioned records and stamp the version on
 * every record made under it; the engine here only reads a definition, it never owns one.
 */
const Label = { zh: Type.String({ minLength: 1, maxLength: 40 }), en: Type.String({ minLength: 1, maxLength: 80 }) };
const Code = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });

export const WorkflowState = Type.Object(
  {
    ...Label,
    /** 'end' states finish the record; in a 'paused' state the clock stops (e.g. 补正). */
    kind: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('end')])),
    /** Working days this step may take, counted from entering it (a limit of 0 or less is no limit and is refused). */
    limitDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  },
  { additionalProperties: false },
);

export const WorkflowAction = Type.Object(
  {
    code: Code,
    ...Label,
    from: Type.Array(Code, { minItems: 1, maxItems: 20 }),
    to: Code,
    /** Who takes it: staff holding one of `roles`, the applicant, or the platform itself. */
    actor: Type.Union([Type.Literal('staff'), Type.Literal('applicant'), Type.Literal('system')]),
    roles: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
    /**
     * 'department': only staff of the record's handling department; 'region': any in its region;
     * 'dispatcher': only staff of the unit that sent the record to its handler (e.g. to review a 退单).
     */
    unit: Type.Optional(Type.Union([Type.Literal('department'), Type.Literal('region'), Type.Literal('dispatcher')])),
    /**
     * Fields of the action's input the actor must give (e.g. `reason`, `items` to correct); the
     * record kind's input schema says what each is, the definition's `inputs` how to name it.
     */
    requires: Type.Optional(Type.Array(Code, { maxItems: 5 })),
    /** An outcome the action records on the record, e.g. approved / not_approved. */
    outcome: Type.Optional(Code),
  },
  { additionalProperties: false },
);

export const WorkflowDefinition = Type.Object(
  {
    initial: Code,
    states: Type.Record(Code, WorkflowState, { maxProperties: 40 }),
    actions: Type.Array(WorkflowAction, { minItems: 1, maxItems: 80 }),
    /** How to name required input fields to the person asked for them (a module names its own fields). */
    inputs: Type.Optional(Type.Record(Code, Type.Object(Label, { additionalProperties: false }), { maxProperties: 20 })),
  },
  { additionalProperties: false },
);

export type WorkflowState = Static<typeof WorkflowState>;
export type WorkflowAction = Static<typeof WorkflowAction>;
export type WorkflowDefinition = Static<typeof WorkflowDefinition>;

export interface DefinitionProblem {
  path: string;
  message: string;
}

/** States reachable from `start` by following actions. */
function reachableFrom(def: WorkflowDefinition, start: string[]): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length) {
    const s = queue.shift()!;
    for (const a of def.actions) {
      if (a.from.includes(s) && !seen.has(a.to)) {
        seen.add(a.to);
        queue.push(a.to);
      }
    }
  }
  return seen;
}

/** States from which some end state can still be reached. */
export function statesThatCanFinish(def: WorkflowDefinition): Set<string> {
  const ok = new Set(
    Object.entries(def.states)
      .filter(([, s]) => s.kind === 'end')
      .map(([c]) => c),
  );
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of def.actions) {
      if (!ok.has(a.to)) continue;
      for (const f of a.from) {
        if (!ok.has(f)) {
          ok.add(f);
          grew = true;
        }
      }
    }
  }
  return ok;
}

/**
 * Checks a definition before it is saved: every state and role is known, every state is reachable
 * from the start, every state can still reach an end (no dead states), end states have no way out,
 * and action codes are unique. Returns the problems; none means it may be saved.
 */
export function validateDefinition(def: WorkflowDefinition, knownRoles: readonly string[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const states = def.states;
  const has = (s: string) => Object.prototype.hasOwnProperty.call(states, s);
  if (!has(def.initial)) problems.push({ path: '/initial', message: `unknown state "${def.initial}" / 初始状态不存在` });
  if (!Object.values(states).some((s) => s.kind === 'end')) problems.push({ path: '/states', message: 'no end state / 缺少结束状态' });
  const codes = new Set<string>();
  def.actions.forEach((a, i) => {
    const at = `/actions/${i}`;
    if (codes.has(a.code)) problems.push({ path: `${at}/code`, message: `duplicate action "${a.code}" / 动作编码重复` });
    codes.add(a.code);
    a.from.forEach((f, j) => {
      if (!has(f)) problems.push({ path: `${at}/from/${j}`, message: `unknown state "${f}" / 状态不存在` });
      else if (states[f].kind === 'end') problems.push({ path: `${at}/from/${j}`, message: `end state "${f}" cannot have actions / 结束状态不能再有动作` });
    });
    if (!has(a.to)) problems.push({ path: `${at}/to`, message: `unknown state "${a.to}" / 状态不存在` });
    if (a.actor === 'staff' && !(a.roles && a.roles.length)) problems.push({ path: `${at}/roles`, message: 'a staff action needs roles / 工作人员动作须指定角色' });
    (a.roles ?? []).forEach((r, j) => {
      if (!knownRoles.includes(r)) problems.push({ path: `${at}/roles/${j}`, message: `unknown role "${r}" / 角色不存在` });
    });
  });
  if (problems.length) return problems;
  const reachable = reachableFrom(def, [def.initial]);
  const canFinish = statesThatCanFinish(def);
  for (const [code, s] of Object.entries(states)) {
    if (!reachable.has(code)) problems.push({ path: `/states/${code}`, message: `state "${code}" cannot be reached / 状态不可达` });
    else if (!canFinish.has(code)) problems.push({ path: `/states/${code}`, message: `state "${code}" can never finish / 状态无法到达结束（死状态）` });
    if (s.kind !== 'end' && !def.actions.some((a) => a.from.includes(code))) problems.push({ path: `/states/${code}`, message: `state "${code}" has no action / 状态没有任何动作` });
  }
  return problems;
}

/**
 * Which of the states records are in now would be stranded by moving them to `next`: states that
 * `next` does not have, or from which `next` offers no way to an end. Records keep the version they
 * were made under, but a definition edited in place must never leave one without a way forward.
 */
/**
 * Every action a definition names must have a handler in the code of its record kind: a
 * definition naming an action nobody implements is refused on save, never stored to be ignored.
 */
export function handlerProblems(def: WorkflowDefinition, handlers: Readonly<Record<string, unknown>> | readonly string[]): DefinitionProblem[] {
  const known = Array.isArray(handlers) ? new Set(handlers) : new Set(Object.keys(handlers));
  return def.actions.flatMap((a, i) => (known.has(a.code) ? [] : [{ path: `/actions/${i}/code`, message: `no handler for action "${a.code}" / 动作“${a.code}”没有对应的处理程序` }]));
}

export function strandedStates(next: WorkflowDefinition, inUse: readonly string[]): string[] {
  const canFinish = statesThatCanFinish(next);
  return inUse.filter((s) => !Object.prototype.hasOwnProperty.call(next.states, s) || !canFinish.has(s));
}
