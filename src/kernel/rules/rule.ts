import { RuleErrors } from './errors.ts';
import type { FactCatalog, FactDecl, Subject } from './facts.ts';

/**
 * A rule is JsonLogic (jsonlogic.com) restricted to what both evaluation paths can answer the same
 * way: facts compared with constants (`==`, `!=`, `<`, `<=`, `>`, `>=`, the three-argument
 * "between", `in` a list, `== null` for "not recorded"), combined with `and`, `or` and `!`. The
 * visual builder (react-querybuilder) reads and writes exactly this subset. Derived values (age,
 * 裁员率) are facts computed by the data backbone, not arithmetic inside rules.
 */
export type Rule = unknown;
export type Literal = string | number | boolean;
export type CmpOp = '==' | '!=' | '>' | '>=' | '<' | '<=';

export type RuleNode =
  | { kind: 'and' | 'or'; items: RuleNode[]; path: string }
  | { kind: 'not'; item: RuleNode; path: string }
  | { kind: 'cmp'; op: CmpOp; fact: FactDecl; value: Literal; path: string }
  | { kind: 'between'; fact: FactDecl; lo: Literal; hi: Literal; strict: boolean; path: string }
  | { kind: 'in'; fact: FactDecl; values: Literal[]; path: string }
  | { kind: 'known'; fact: FactDecl; known: boolean; path: string };

const MAX_LEAVES = 200;
const MAX_DEPTH = 8;
const FLIP: Record<CmpOp, CmpOp> = { '==': '==', '!=': '!=', '>': '<', '>=': '<=', '<': '>', '<=': '>=' };
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Reads a rule against the declared facts: refuses undeclared facts, values of the wrong type or
 * outside a fact's list, unsupported operators, facts of two kinds of subject, rules with no
 * condition, and rules too large to review. Returns the checked tree both evaluators walk.
 */
export function parseRule(rule: Rule, facts: FactCatalog): { node: RuleNode; subject: Subject; facts: string[] } {
  let leaves = 0;
  const used = new Set<string>();
  const subjects = new Set<Subject>();
  const fact = (v: unknown, path: string): FactDecl | null => {
    if (!isObj(v) || Object.keys(v).length !== 1 || !('var' in v)) return null;
    const name = Array.isArray(v.var) ? v.var[0] : v.var;
    if (typeof name !== 'string') throw RuleErrors.unsupported(path, JSON.stringify(v));
    const d = facts.get(name);
    if (!d) throw RuleErrors.unknownFact(path, name);
    used.add(name);
    subjects.add(d.subject);
    return d;
  };
  const literal = (d: FactDecl, v: unknown, path: string): Literal => {
    const ok =
      d.type === 'number'
        ? typeof v === 'number' && Number.isFinite(v)
        : d.type === 'boolean'
          ? typeof v === 'boolean'
          : d.type === 'date'
            ? typeof v === 'string' && DATE.test(v)
            : typeof v === 'string';
    if (!ok) throw RuleErrors.typeMismatch(path, d.code, d.type, v);
    if (d.values && !d.values.includes(v as string)) throw RuleErrors.notAllowedValue(path, d.code, v);
    return v as Literal;
  };
  const leaf = () => {
    if (++leaves > MAX_LEAVES) throw RuleErrors.tooLarge();
  };
  const walk = (r: unknown, path: string, depth: number): RuleNode => {
    if (depth > MAX_DEPTH) throw RuleErrors.tooLarge();
    if (!isObj(r) || Object.keys(r).length !== 1) throw RuleErrors.unsupported(path, JSON.stringify(r)?.slice(0, 80) ?? String(r));
    const [op, raw] = Object.entries(r)[0];
    const args = Array.isArray(raw) ? raw : [raw];
    const at = `${path}/${op}`;
    if (op === 'var') {
      // A boolean fact alone is the condition "it holds".
      const d = fact(r, path)!;
      if (d.type !== 'boolean') throw RuleErrors.typeMismatch(path, d.code, d.type, true);
      leaf();
      return { kind: 'cmp', op: '==', fact: d, value: true, path };
    }
    if (op === 'and' || op === 'or') {
      if (args.length === 0) throw RuleErrors.empty(at);
      return { kind: op, items: args.map((a, i) => walk(a, `${at}/${i}`, depth + 1)), path: at };
    }
    if (op === '!') {
      if (args.length !== 1) throw RuleErrors.unsupported(at, op);
      return { kind: 'not', item: walk(args[0], `${at}/0`, depth + 1), path: at };
    }
    if (op === 'in') {
      const d = args.length === 2 ? fact(args[0], `${at}/0`) : null;
      if (!d || !Array.isArray(args[1]) || args[1].length === 0 || args[1].length > 100) throw RuleErrors.unsupported(at, op);
      leaf();
      return { kind: 'in', fact: d, values: args[1].map((v, i) => literal(d, v, `${at}/1/${i}`)), path: at };
    }
    const cmp = op === '===' ? '==' : op === '!==' ? '!=' : op;
    if (!(cmp in FLIP)) throw RuleErrors.unsupported(at, op);
    if (args.length === 3 && (cmp === '<' || cmp === '<=')) {
      const d = fact(args[1], `${at}/1`);
      if (!d || d.type === 'boolean' || d.type === 'string') throw RuleErrors.unsupported(at, `${op} (between)`);
      leaf();
      return { kind: 'between', fact: d, lo: literal(d, args[0], `${at}/0`), hi: literal(d, args[2], `${at}/2`), strict: cmp === '<', path: at };
    }
    if (args.length !== 2) throw RuleErrors.unsupported(at, op);
    const left = fact(args[0], `${at}/0`);
    const right = left ? null : fact(args[1], `${at}/1`);
    const d = left ?? right;
    if (!d) throw RuleErrors.unsupported(at, `${op} without a fact`);
    const other = left ? args[1] : args[0];
    leaf();
    if (other === null) {
      if (cmp !== '==' && cmp !== '!=') throw RuleErrors.typeMismatch(at, d.code, d.type, null);
      return { kind: 'known', fact: d, known: cmp === '!=', path: at };
    }
    if ((d.type === 'boolean' || d.type === 'string') && cmp !== '==' && cmp !== '!=') throw RuleErrors.unsupported(at, `${op} on ${d.type}`);
    return { kind: 'cmp', op: left ? (cmp as CmpOp) : FLIP[cmp as CmpOp], fact: d, value: literal(d, other, `${at}/${left ? 1 : 0}`), path: at };
  };
  const node = walk(rule, '', 0);
  if (subjects.size > 1) throw RuleErrors.mixedSubjects('');
  if (subjects.size === 0) throw RuleErrors.empty('');
  return { node, subject: [...subjects][0], facts: [...used] };
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
