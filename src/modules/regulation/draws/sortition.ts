/**
 * The 双随机 draw as a pure function, in the spirit of RFC 3797 (Publicly Verifiable Nominations
 * Committee Random Selection) with SM3 in place of MD5. No clock, no database, no randomness of its
 * own: the same published inputs always give the same result, so anyone can recompute it. The
 * public check page (web) and the downloadable script (check-script/draw-check.mjs) carry the same
 * procedure, written again on purpose, and the tests hold the three to one result.
 *
 * The procedure, exactly:
 * 1. Key string. For each seed source in its declared order: its numbers as decimal integers,
 *    sorted ascending, each followed by '.', then '/' (so `2 5 12 8 10` → `2.5.8.10.12./`); the
 *    sources concatenated.
 * 2. Step digest. For step i (0, 1, 2 …) of a sequence with label L:
 *    H = hash(u16be(i) ‖ key ‖ L ‖ u16be(i)), key and L as UTF-8. (RFC 3797 is L = '' with MD5.)
 * 3. Pick. H read as one big-endian unsigned integer, modulo the number of items still remaining;
 *    that index among the remaining items (kept in list order) is picked and removed.
 *    A 256-bit digest modulo a pool below 2^20 has a bias under 2^-236: negligible.
 * 4. Objects, per credit-class stratum (A, B, C, D in that order; label = the class letter): the
 *    candidates of the class in list (credit-code) order; quota = ceil(rate × n), at least the
 *    minimum count, at most n; steps 0 … quota−1.
 * 5. Inspectors, per picked object in the order of step 4 (label = `insp:<credit code>`): the pool
 *    (certificate-number order) minus the object's 回避 set is the eligible list; fewer eligible
 *    than the plan needs per object → the whole draw fails, nothing is picked. Slot j (step j):
 *    when j < the number of the plan's departments (lead first, then the joint ones in the order
 *    the plan lists them) and an eligible, not yet picked inspector of department j exists, the
 *    slot draws among those; otherwise among every eligible inspector not yet picked. So a joint
 *    plan sends one inspector of each department where it can, and the lead's first.
 */

/** A digest function over bytes (SM3 for our draws; MD5 reproduces the RFC 3797 vector). */
export type HashFn = (data: Uint8Array) => Uint8Array;

/** Draws above this many steps in one sequence would repeat the 16-bit step counter. */
export const MAX_STEPS = 65_536;

/** Step 1: the key string from the published values of each source, in the declared order. */
export function keyString(sources: readonly (readonly number[])[]): string {
  return sources
    .map((values) =>
      [...values]
        .sort((a, b) => a - b)
        .map((v) => `${v}.`)
        .join(''),
    )
    .map((s) => `${s}/`)
    .join('');
}

const utf8 = new TextEncoder();

/** Step 2: the bytes hashed for step i of the sequence labelled `label`. */
export function stepInput(i: number, key: string, label: string): Uint8Array {
  if (!Number.isInteger(i) || i < 0 || i >= MAX_STEPS) throw new RangeError(`step ${i} out of range`);
  const body = utf8.encode(key + label);
  const out = new Uint8Array(body.length + 4);
  out[0] = i >> 8;
  out[1] = i & 0xff;
  out.set(body, 2);
  out[body.length + 2] = i >> 8;
  out[body.length + 3] = i & 0xff;
  return out;
}

/** Step 3: the digest as a big-endian integer modulo m, byte by byte (exact while m < 2^44). */
export function digestMod(digest: Uint8Array, m: number): number {
  let r = 0;
  for (const b of digest) r = (r * 256 + b) % m;
  return r;
}

export const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export interface Step {
  /** The step number i. */
  i: number;
  /** Hex of H. */
  digest: string;
  /** How many were remaining, and the index picked among them. */
  remaining: number;
  index: number;
}

/** Steps 2–3 over a list of n: `count` picks, each the original position (0-based) with its step. */
export function pick(hash: HashFn, key: string, label: string, n: number, count: number): (Step & { position: number })[] {
  if (count > n) throw new RangeError(`cannot pick ${count} of ${n}`);
  if (count > MAX_STEPS) throw new RangeError(`more than ${MAX_STEPS} steps`);
  const remaining = Array.from({ length: n }, (_, k) => k);
  const out: (Step & { position: number })[] = [];
  for (let i = 0; i < count; i++) {
    const h = hash(stepInput(i, key, label));
    const index = digestMod(h, remaining.length);
    out.push({ i, digest: hex(h), remaining: remaining.length, index, position: remaining[index] });
    remaining.splice(index, 1);
  }
  return out;
}

/** Rate in basis points (1 % = 100) and a minimum count, per credit class. */
export type Rates = Record<string, { bp: number; min: number }>;

/** Step 4's quota: ceil(bp × n / 10000), at least `min`, at most n (integers only, no float rounding). */
export function quotaOf(n: number, rate: { bp: number; min: number } | undefined): number {
  if (!rate || n === 0) return 0;
  return Math.min(n, Math.max(Math.ceil((rate.bp * n) / 10_000), rate.min));
}

export const STRATA = ['A', 'B', 'C', 'D'] as const;

export interface DrawInput {
  key: string;
  /** The frozen candidates in list (credit-code) order. */
  candidates: readonly { creditCode: string; class: string }[];
  rates: Rates;
  /** The frozen pool in certificate-number order. */
  inspectors: readonly { id: string; departmentId: string }[];
  /** The plan's departments: the lead first, then the joint ones in the plan's order. */
  departments: readonly string[];
  /** 回避: credit code → inspector ids never drawn for it. */
  avoid: ReadonlyMap<string, ReadonlySet<string>>;
  perObject: number;
}

export interface DrawnInspector extends Step {
  id: string;
  departmentId: string;
  /** The department the slot was reserved for (null: open to every eligible inspector). */
  slotDepartmentId: string | null;
}

export interface DrawResult {
  strata: { label: string; n: number; quota: number; steps: (Step & { creditCode: string })[] }[];
  objects: { creditCode: string; class: string; eligible: number; inspectors: DrawnInspector[] }[];
}

/** An object drawn with fewer eligible inspectors than the plan needs: the draw cannot stand. */
export class InspectorShortage extends Error {
  constructor(
    readonly creditCode: string,
    readonly eligible: number,
    readonly needed: number,
  ) {
    super(`${creditCode}: ${eligible} eligible inspectors, ${needed} needed`);
  }
}

/** Steps 4 and 5: the whole draw of a plan. Throws InspectorShortage before returning anything partial. */
export function draw(hash: HashFn, input: DrawInput): DrawResult {
  const strata: DrawResult['strata'] = [];
  const objects: DrawResult['objects'] = [];
  for (const label of STRATA) {
    const members = input.candidates.filter((c) => c.class === label);
    const quota = quotaOf(members.length, input.rates[label]);
    const steps = pick(hash, input.key, label, members.length, quota).map(({ position, ...s }) => ({ ...s, creditCode: members[position].creditCode }));
    strata.push({ label, n: members.length, quota, steps });
    for (const s of steps) objects.push({ creditCode: s.creditCode, class: label, eligible: 0, inspectors: [] });
  }
  for (const o of objects) {
    const avoid = input.avoid.get(o.creditCode);
    const eligible = input.inspectors.filter((x) => !avoid?.has(x.id));
    o.eligible = eligible.length;
    if (eligible.length < input.perObject) throw new InspectorShortage(o.creditCode, eligible.length, input.perObject);
    const label = `insp:${o.creditCode}`;
    let remaining = eligible;
    for (let j = 0; j < input.perObject; j++) {
      const dept = j < input.departments.length ? input.departments[j] : null;
      const ofDept = dept ? remaining.filter((x) => x.departmentId === dept) : [];
      const sub = ofDept.length ? ofDept : remaining;
      const h = hash(stepInput(j, input.key, label));
      const index = digestMod(h, sub.length);
      const chosen = sub[index];
      o.inspectors.push({ i: j, digest: hex(h), remaining: sub.length, index, id: chosen.id, departmentId: chosen.departmentId, slotDepartmentId: ofDept.length ? dept : null });
      remaining = remaining.filter((x) => x !== chosen);
    }
  }
  return { strata, objects };
}
