import { CkanErrors } from './errors.ts';

/*
 * The part of Solr's query syntax CKAN clients send in `fq` (and fielded `q`): clauses
 * `field:value`, `field:"quoted value"`, `field:(a OR b)`, `field:*`, ranges
 * `metadata_modified:[2025-01-01T00:00:00Z TO *]` (`{…}` exclusive), each optionally negated
 * with `-` or `NOT` (or required with `+`), joined by spaces or AND. Anything else is refused with
 * a message that says where, as Solr refuses it — never silently ignored.
 */

/** Fields a clause may name, as CKAN's Solr schema calls them (aliases map onto one). */
const FIELDS: Record<string, Field> = {
  id: 'id',
  name: 'name',
  organization: 'organization',
  owner_org: 'owner_org',
  groups: 'groups',
  tags: 'tags',
  res_format: 'res_format',
  license_id: 'license_id',
  open_type: 'open_type',
  extras_open_type: 'open_type',
  update_frequency: 'update_frequency',
  extras_update_frequency: 'update_frequency',
  metadata_modified: 'metadata_modified',
  metadata_created: 'metadata_created',
  dataset_type: 'type',
  type: 'type',
  state: 'state',
  capacity: 'capacity',
};
export type Field =
  | 'id'
  | 'name'
  | 'organization'
  | 'owner_org'
  | 'groups'
  | 'tags'
  | 'res_format'
  | 'license_id'
  | 'open_type'
  | 'update_frequency'
  | 'metadata_modified'
  | 'metadata_created'
  | 'type'
  | 'state'
  | 'capacity';
export const FQ_FIELDS = Object.keys(FIELDS);
const DATE_FIELDS = new Set<Field>(['metadata_modified', 'metadata_created']);

export type Clause =
  | { field: Field; negate: boolean; kind: 'values'; values: string[] }
  | { field: Field; negate: boolean; kind: 'any' }
  | { field: Field; negate: boolean; kind: 'range'; from: number | null; to: number | null; fromInclusive: boolean; toInclusive: boolean };

/** What a clause is matched against: each field's values (dates as epoch milliseconds). */
export type Facts = Record<Exclude<Field, 'metadata_modified' | 'metadata_created'>, string[]> & { metadata_modified: number; metadata_created: number };

export const FQ_MAX_LENGTH = 4000;
const MAX_CLAUSES = 50;

const fail = (en: string, zh: string, param: string): never => {
  throw CkanErrors.search(en, zh, param);
};

/** A Solr date (`2025-01-01T00:00:00Z`, with or without fraction or Z, a bare date, `NOW`, `*`) as epoch ms; null for `*`. */
function parseDate(s: string, now: number, param: string): number | null {
  if (s === '*') return null;
  if (s === 'NOW') return now;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?)?Z?$/.exec(s);
  if (!m) return fail(`invalid date '${s.slice(0, 60)}' (use 2025-01-01T00:00:00Z or *)`, `日期“${s.slice(0, 60)}”无效（应为 2025-01-01T00:00:00Z 或 *）`, param);
  const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${m[7] ? m[7].slice(0, 4) : ''}Z`);
  const back = new Date(t);
  // Date.parse rolls 2025-02-30 over into March; Solr refuses it.
  if (!Number.isFinite(t) || back.getUTCDate() !== Number(m[3]) || back.getUTCMonth() + 1 !== Number(m[2])) {
    return fail(`invalid date '${s.slice(0, 60)}'`, `日期“${s.slice(0, 60)}”无效`, param);
  }
  return t;
}

/** Removes Solr's backslash escapes (`a\:b` → `a:b`). */
const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

/**
 * Parses one `fq` (or fielded `q`) string into clauses that must all hold. `param` names the
 * parameter in error messages; `now` resolves `NOW`.
 */
export function parseFq(input: string, now: number, param = 'fq'): Clause[] {
  if (input.length > FQ_MAX_LENGTH) fail(`${param} is longer than ${FQ_MAX_LENGTH} characters`, `${param} 超过 ${FQ_MAX_LENGTH} 个字符`, param);
  const clauses: Clause[] = [];
  let i = 0;
  const s = input;
  const at = () => `at position ${i + 1}`;
  const atZh = () => `第 ${i + 1} 个字符处`;
  const ws = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  while (true) {
    ws();
    if (i >= s.length) break;
    // Joiners between clauses.
    if (/^(AND|&&)(\s|$)/.test(s.slice(i))) {
      i += s[i] === '&' ? 2 : 3;
      continue;
    }
    if (/^(OR|\|\|)(\s|$)/.test(s.slice(i))) fail(`OR between clauses is not supported ${at()}; use field:(a OR b)`, `${atZh()}：不支持条件之间的 OR，请写成 field:(a OR b)`, param);
    let negate = false;
    if (s[i] === '-' || s[i] === '!') {
      negate = true;
      i++;
    } else if (s[i] === '+') i++;
    else if (/^NOT\s/.test(s.slice(i))) {
      negate = true;
      i += 3;
      ws();
    }
    const fm = /^([A-Za-z_][\w.]*):/.exec(s.slice(i));
    if (!fm) {
      const near = s.slice(i, i + 30);
      fail(`expected field:value ${at()} near '${near}'`, `${atZh()}应为“字段:值”，附近为“${near}”`, param);
    }
    const field = FIELDS[fm![1]];
    if (!field) fail(`unknown field '${fm![1].slice(0, 40)}'; known: ${FQ_FIELDS.join(', ')}`, `未知字段“${fm![1].slice(0, 40)}”，可用：${FQ_FIELDS.join(', ')}`, param);
    i += fm![0].length;
    const c = s[i];
    if (c === undefined || /\s/.test(c)) fail(`missing value for '${fm![1]}' ${at()}`, `${atZh()}字段“${fm![1]}”缺少值`, param);
    if (c === '"') {
      let j = i + 1;
      let v = '';
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\' && j + 1 < s.length) j++;
        v += s[j++];
      }
      if (j >= s.length) fail(`unterminated quoted value ${at()}`, `${atZh()}引号未闭合`, param);
      i = j + 1;
      clauses.push(valueClause(field, negate, [v], now, param));
    } else if (c === '[' || c === '{') {
      const close = s.slice(i + 1).search(/[\]}]/);
      if (close < 0) fail(`unterminated range ${at()}`, `${atZh()}范围未闭合`, param);
      const body = s.slice(i + 1, i + 1 + close);
      const end = s[i + 1 + close];
      const rm = /^\s*(\S+)\s+TO\s+(\S+)\s*$/.exec(body);
      if (!rm) fail(`a range must read [from TO to] ${at()}`, `${atZh()}范围应写成 [起 TO 止]`, param);
      if (!DATE_FIELDS.has(field))
        fail(`'${fm![1]}' does not take a range; only metadata_modified and metadata_created do`, `字段“${fm![1]}”不支持范围，只有 metadata_modified 和 metadata_created 支持`, param);
      clauses.push({
        field,
        negate,
        kind: 'range',
        from: parseDate(rm![1], now, param),
        to: parseDate(rm![2], now, param),
        fromInclusive: c === '[',
        toInclusive: end === ']',
      });
      i += close + 2;
    } else if (c === '(') {
      const close = s.indexOf(')', i);
      if (close < 0) fail(`unterminated group ${at()}`, `${atZh()}括号未闭合`, param);
      const parts = s
        .slice(i + 1, close)
        .trim()
        .split(/\s+OR\s+|\s+/)
        .map((p) => unescape(p.replace(/^"(.*)"$/, '$1')))
        .filter((p) => p && p !== 'OR');
      if (!parts.length) fail(`empty group ${at()}`, `${atZh()}括号内为空`, param);
      i = close + 1;
      clauses.push(valueClause(field, negate, parts, now, param));
    } else {
      let j = i;
      let v = '';
      while (j < s.length && !/[\s()"[\]{}]/.test(s[j])) {
        if (s[j] === '\\' && j + 1 < s.length) j++;
        v += s[j++];
      }
      if (j < s.length && !/\s/.test(s[j])) fail(`unexpected '${s[j]}' ${at()}`, `${atZh()}出现意外的“${s[j]}”`, param);
      i = j;
      clauses.push(v === '*' ? { field, negate, kind: 'any' } : valueClause(field, negate, [v], now, param));
    }
    if (clauses.length > MAX_CLAUSES) fail(`more than ${MAX_CLAUSES} clauses`, `条件超过 ${MAX_CLAUSES} 个`, param);
    if (i < s.length && !/\s/.test(s[i])) fail(`clauses must be separated by spaces ${at()}`, `${atZh()}条件之间应以空格分隔`, param);
  }
  return clauses;
}

function valueClause(field: Field, negate: boolean, values: string[], now: number, param: string): Clause {
  if (DATE_FIELDS.has(field)) {
    // A single date matches that instant; Solr users mean a range, so take it as [d TO d].
    const d = parseDate(values[0], now, param);
    return { field, negate, kind: 'range', from: d, to: d, fromInclusive: true, toInclusive: true };
  }
  return { field, negate, kind: 'values', values };
}

/** True when the facts satisfy every clause. */
export function matches(clauses: readonly Clause[], f: Facts): boolean {
  for (const c of clauses) {
    let hit: boolean;
    if (c.kind === 'range') {
      const v = f[c.field as 'metadata_modified' | 'metadata_created'];
      hit =
        (c.from === null || (c.fromInclusive ? v >= c.from : v > c.from)) && // lower bound
        (c.to === null || (c.toInclusive ? v <= c.to : v < c.to));
    } else {
      const have = f[c.field as Exclude<Field, 'metadata_modified' | 'metadata_created'>];
      hit = c.kind === 'any' ? have.length > 0 : c.values.some((v) => have.includes(v));
    }
    if (hit === c.negate) return false;
  }
  return true;
}

/** A `q` that is only fielded clauses (`tags:交通 organization:x`) is a filter, as Solr reads it. */
export function isFieldedQuery(q: string): boolean {
  const m = /^[+-]?(?:NOT\s+)?([A-Za-z_][\w.]*):\S/.exec(q.trim());
  return !!m && m[1] in FIELDS;
}
