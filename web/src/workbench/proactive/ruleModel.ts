import { formatQuery, type Field, type RuleGroupType } from 'react-querybuilder';
import { parseJsonLogic } from 'react-querybuilder/parseJsonLogic';
import type { FactDecl } from '../../proactive/types';

/**
 * Between the visual builder's query and the JsonLogic the server stores. Only the operators the
 * server's rule checker accepts are offered (=, !=, <, <=, >, >=, between, in, notIn, null,
 * notNull; and/or/not), and values leave typed by their fact (see `typed`), so a rule built here
 * is never refused for its shape — only for what it says.
 */
export const OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'between', 'in', 'notIn', 'null', 'notNull'] as const;
export type OperatorName = (typeof OPERATORS)[number];

/** Which comparisons make sense for a fact's type. */
export function operatorsFor(d: FactDecl): OperatorName[] {
  if (d.type === 'boolean') return ['=', '!=', 'null', 'notNull'];
  if (d.type === 'number' || d.type === 'date') return ['=', '!=', '<', '<=', '>', '>=', 'between', 'null', 'notNull'];
  return d.values?.length ? ['=', '!=', 'in', 'notIn', 'null', 'notNull'] : ['=', '!=', 'in', 'notIn', 'null', 'notNull'];
}

/** The builder's fields from the declared facts: label with unit and source, an input fitting the type. */
export function fieldsOf(facts: readonly FactDecl[], label: (d: FactDecl) => string, opLabel: (op: OperatorName) => string, yesNo: [string, string]): Field[] {
  return facts.map((d) => {
    const operators = operatorsFor(d).map((name) => ({ name, value: name, label: opLabel(name) }));
    const base = { name: d.code, value: d.code, label: label(d), operators };
    if (d.type === 'number') return { ...base, inputType: 'number', defaultValue: 0 };
    if (d.type === 'date') return { ...base, inputType: 'date' };
    if (d.type === 'boolean')
      return {
        ...base,
        valueEditorType: 'select',
        values: [
          { name: 'true', value: 'true', label: yesNo[0] },
          { name: 'false', value: 'false', label: yesNo[1] },
        ],
        defaultValue: 'true',
      };
    if (d.values?.length) {
      const values = d.values.map((v) => ({ name: v, value: v, label: v }));
      return { ...base, values, defaultValue: d.values[0], valueEditorType: (op: string) => (op === 'in' || op === 'notIn' ? 'multiselect' : 'select') };
    }
    return { ...base, inputType: 'text' };
  });
}

export const EMPTY_QUERY: RuleGroupType = { combinator: 'and', rules: [] };

/** Stored JsonLogic → the builder's query (an empty group when there is none yet). */
export function toQuery(jsonLogic: unknown): RuleGroupType {
  if (!jsonLogic || typeof jsonLogic !== 'object') return EMPTY_QUERY;
  try {
    return parseJsonLogic(jsonLogic as Parameters<typeof parseJsonLogic>[0]);
  } catch {
    return EMPTY_QUERY;
  }
}

/**
 * Values as the facts' types want them: the builder's inputs hold text ('80', 'true'); the rule
 * holds JSON numbers for number facts and booleans for yes/no facts, and keeps text for text facts
 * ('152201' stays a region code — a query-wide `parseNumbers` would turn it into a number, which the
 * server rightly refuses). The builder itself parses number fields as they are typed
 * (`parseNumbers="strict-limited"`); this pass makes sure of it.
 */
function typed(q: RuleGroupType, facts: ReadonlyMap<string, FactDecl>): RuleGroupType {
  const num = (v: unknown) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);
  return {
    ...q,
    rules: q.rules.map((r) => {
      if ('rules' in r) return typed(r, facts);
      const type = facts.get(r.field)?.type;
      if (type === 'boolean' && (r.value === 'true' || r.value === 'false')) return { ...r, value: r.value === 'true' };
      if (type === 'number') {
        const parts = Array.isArray(r.value) ? r.value : typeof r.value === 'string' && r.operator === 'between' ? r.value.split(',') : null;
        return { ...r, value: parts ? parts.map(num) : num(r.value) };
      }
      return r;
    }),
  };
}

/** Booleans stored in a rule show in the builder's yes/no select. */
export function booleansIn(q: RuleGroupType, facts: ReadonlyMap<string, FactDecl>): RuleGroupType {
  return {
    ...q,
    rules: q.rules.map((r) => {
      if ('rules' in r) return booleansIn(r, facts);
      if (facts.get(r.field)?.type === 'boolean' && typeof r.value === 'boolean') return { ...r, value: String(r.value) };
      return r;
    }),
  };
}

/** The builder's query → JsonLogic, values typed by their facts; `null` when the query holds no condition. */
export function toJsonLogic(q: RuleGroupType, facts: ReadonlyMap<string, FactDecl>): unknown {
  if (!hasRule(q)) return null;
  const out = formatQuery(typed(q, facts), { format: 'jsonlogic' });
  return out === false ? null : out;
}

const hasRule = (q: RuleGroupType): boolean => q.rules.some((r) => (typeof r === 'string' ? false : 'rules' in r ? hasRule(r) : true));

/** Every fact a JsonLogic rule names (`{"var":"age"}`), in order of first use. */
export function factsIn(rule: unknown, out: string[] = []): string[] {
  if (Array.isArray(rule)) for (const x of rule) factsIn(x, out);
  else if (rule && typeof rule === 'object') {
    const o = rule as Record<string, unknown>;
    if ('var' in o && typeof o.var === 'string') {
      if (!out.includes(o.var)) out.push(o.var);
    } else for (const v of Object.values(o)) factsIn(v, out);
  }
  return out;
}
