/**
 * The workflow designer's pure parts: the definition's shape (the kernel's WorkflowDefinition, the
 * same for 办件 and 12345 工单), the checks the page makes before asking the server (which checks
 * again with the kernel's validator and the record kind's handlers), and a layered layout for
 * drawing states and actions.
 */
export type StateKind = 'active' | 'paused' | 'end';
export interface WfState {
  zh: string;
  en: string;
  kind?: StateKind;
  limitDays?: number;
}
export interface WfAction {
  code: string;
  zh: string;
  en: string;
  from: string[];
  to: string;
  actor: 'staff' | 'applicant' | 'system';
  roles?: string[];
  unit?: 'department' | 'region' | 'dispatcher';
  requires?: string[];
  outcome?: string;
}
export interface WfDefinition {
  initial: string;
  states: Record<string, WfState>;
  actions: WfAction[];
  inputs?: Record<string, { zh: string; en: string }>;
}

export type ProblemCode =
  'noEnd' | 'unknownInitial' | 'unknownState' | 'endHasAction' | 'unreachable' | 'noExit' | 'cannotFinish' | 'noRoles' | 'unknownRole' | 'noHandler' | 'duplicateAction' | 'badCode';
export interface WfProblem {
  /** JSON pointer into the definition, as the server names it. */
  path: string;
  code?: ProblemCode;
  /** The state or action code the problem is about, for the message. */
  subject?: string;
  /** The server's own words (zh / en), when the problem came from the server. */
  message?: string;
}

const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const has = (def: WfDefinition, s: string) => Object.prototype.hasOwnProperty.call(def.states, s);

function reachable(def: WfDefinition): Set<string> {
  const seen = new Set([def.initial]);
  const queue = [def.initial];
  while (queue.length) {
    const s = queue.shift()!;
    for (const a of def.actions)
      if (a.from.includes(s) && !seen.has(a.to)) {
        seen.add(a.to);
        queue.push(a.to);
      }
  }
  return seen;
}

function canFinish(def: WfDefinition): Set<string> {
  const ok = new Set(
    Object.entries(def.states)
      .filter(([, s]) => s.kind === 'end')
      .map(([c]) => c),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const a of def.actions)
      if (ok.has(a.to))
        for (const f of a.from)
          if (!ok.has(f)) {
            ok.add(f);
            grew = true;
          }
  }
  return ok;
}

/**
 * Every problem the page can see itself: final states exist, every state is reachable from the
 * start, every non-final state has an exit and can still finish, every action's roles exist and
 * (when the list is given) every action has a handler on the server.
 */
export function clientProblems(def: WfDefinition, knownRoles: readonly string[], knownActions?: readonly string[]): WfProblem[] {
  const out: WfProblem[] = [];
  if (!has(def, def.initial)) out.push({ path: '/initial', code: 'unknownInitial', subject: def.initial });
  if (!Object.values(def.states).some((s) => s.kind === 'end')) out.push({ path: '/states', code: 'noEnd' });
  for (const code of Object.keys(def.states)) if (!CODE.test(code)) out.push({ path: `/states/${code}`, code: 'badCode', subject: code });
  const seen = new Set<string>();
  def.actions.forEach((a, i) => {
    const at = `/actions/${i}`;
    if (!CODE.test(a.code)) out.push({ path: `${at}/code`, code: 'badCode', subject: a.code });
    else if (seen.has(a.code)) out.push({ path: `${at}/code`, code: 'duplicateAction', subject: a.code });
    seen.add(a.code);
    a.from.forEach((f, j) => {
      if (!has(def, f)) out.push({ path: `${at}/from/${j}`, code: 'unknownState', subject: f });
      else if (def.states[f].kind === 'end') out.push({ path: `${at}/from/${j}`, code: 'endHasAction', subject: f });
    });
    if (!has(def, a.to)) out.push({ path: `${at}/to`, code: 'unknownState', subject: a.to });
    if (a.actor === 'staff' && !a.roles?.length) out.push({ path: `${at}/roles`, code: 'noRoles', subject: a.code });
    (a.roles ?? []).forEach((r, j) => {
      if (!knownRoles.includes(r)) out.push({ path: `${at}/roles/${j}`, code: 'unknownRole', subject: r });
    });
    if (knownActions && !knownActions.includes(a.code)) out.push({ path: `${at}/code`, code: 'noHandler', subject: a.code });
  });
  if (!has(def, def.initial)) return out;
  const reach = reachable(def);
  const finish = canFinish(def);
  for (const [code, s] of Object.entries(def.states)) {
    if (s.kind === 'end') {
      if (!reach.has(code)) out.push({ path: `/states/${code}`, code: 'unreachable', subject: code });
      continue;
    }
    if (!reach.has(code)) out.push({ path: `/states/${code}`, code: 'unreachable', subject: code });
    if (!def.actions.some((a) => a.from.includes(code))) out.push({ path: `/states/${code}`, code: 'noExit', subject: code });
    else if (reach.has(code) && !finish.has(code)) out.push({ path: `/states/${code}`, code: 'cannotFinish', subject: code });
  }
  return out;
}

/** Which drawn element a problem belongs to: a state (by code), an action (by index), or the whole. */
export function targetOf(def: WfDefinition, path: string): { state?: string; action?: number } {
  const s = /^\/(?:content\/workflow\/|workflow\/)?states\/([^/]+)/.exec(path);
  if (s) return { state: s[1] };
  const a = /^\/(?:content\/workflow\/|workflow\/)?actions\/(\d+)/.exec(path);
  if (a) return { action: Number(a[1]) };
  if (/\/initial$/.test(path)) return { state: def.initial };
  return {};
}

export interface Placed {
  code: string;
  layer: number;
  row: number;
  x: number;
  y: number;
}

/**
 * A layered layout: a state's layer is its distance from the start along actions; states that
 * cannot be reached get a last layer of their own, so they stand apart in the drawing.
 */
export function layout(def: WfDefinition, box = { w: 150, h: 52, gapX: 70, gapY: 28 }): { nodes: Placed[]; width: number; height: number } {
  const depth = new Map<string, number>();
  if (has(def, def.initial)) {
    depth.set(def.initial, 0);
    const queue = [def.initial];
    while (queue.length) {
      const s = queue.shift()!;
      for (const a of def.actions)
        if (a.from.includes(s) && has(def, a.to) && !depth.has(a.to)) {
          depth.set(a.to, depth.get(s)! + 1);
          queue.push(a.to);
        }
    }
  }
  const maxDepth = Math.max(-1, ...depth.values());
  const layers: string[][] = [];
  for (const code of Object.keys(def.states)) {
    const l = depth.get(code) ?? maxDepth + 1;
    (layers[l] ??= []).push(code);
  }
  const nodes: Placed[] = [];
  layers.forEach((codes, layer) => (codes ?? []).forEach((code, row) => nodes.push({ code, layer, row, x: 20 + layer * (box.w + box.gapX), y: 20 + row * (box.h + box.gapY) })));
  const width = 40 + layers.length * (box.w + box.gapX) - box.gapX;
  const height = 40 + Math.max(1, ...layers.map((l) => l?.length ?? 0)) * (box.h + box.gapY) - box.gapY;
  return { nodes, width: Math.max(width, box.w + 40), height };
}

/** Renames a state everywhere it is named. */
export function renameState(def: WfDefinition, from: string, to: string): WfDefinition {
  if (!to || from === to || has(def, to)) return def;
  const d = structuredClone(def);
  d.states = Object.fromEntries(Object.entries(d.states).map(([c, s]) => [c === from ? to : c, s]));
  for (const a of d.actions) {
    a.from = a.from.map((f) => (f === from ? to : f));
    if (a.to === from) a.to = to;
  }
  if (d.initial === from) d.initial = to;
  return d;
}

/** Removes a state and every action that leads into it; actions from it lose it from their `from`. */
export function removeState(def: WfDefinition, code: string): WfDefinition {
  const d = structuredClone(def);
  delete d.states[code];
  d.actions = d.actions
    .filter((a) => a.to !== code)
    .map((a) => ({ ...a, from: a.from.filter((f) => f !== code) }))
    .filter((a) => a.from.length > 0);
  return d;
}
