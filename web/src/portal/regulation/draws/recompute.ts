import { sm3 } from 'sm-crypto-v2';

/*
 * The draw recomputed in the visitor's browser from the published JSON alone, with sm-crypto-v2's
 * SM3: the same procedure as the platform (src/modules/regulation/draws/sortition.ts) and the
 * downloadable script, written again so that neither the server nor its code is trusted here.
 */

// Only what the recomputation reads of the public JSON (types.ts has the whole answer). Kept free of
// imports but sm-crypto-v2, so the server's tests can run this very file against their draws.
type Step = { i: number; digest: string; remaining: number; index: number };
interface Result {
  strata: { label: string; n: number; quota: number; steps: (Step & { creditCode: string })[] }[];
  objects: { creditCode: string; class: string; eligible: number; inspectors: (Step & { id: string; departmentId: string; slotDepartmentId: string | null })[] }[];
}
export interface Published {
  plan: { rates: Record<string, { bp: number; min: number }>; leadDepartmentId: string; jointDepartmentIds: string[]; inspectorsPerObject: number };
  seedSources: { name: string; count: number }[];
  seedAvailableAt: string;
  digests: { candidates: string; inspectors: string; avoidance: string; commitment: string };
  candidates: { creditCode: string; class: string; name: string }[];
  inspectors: { id: string; certificateNo: string; departmentId: string; name: string }[];
  avoidance: { creditCode: string; inspectorId: string; reason: string }[];
  draw: { values: number[][]; key: string; resultDigest: string; result: Result } | null;
}

const utf8 = new TextEncoder();
const bytesOfHex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));
const sm3Bytes = (b: Uint8Array) => bytesOfHex(sm3(b));
const sm3Text = (s: string) => sm3(utf8.encode(s));

export const keyString = (sources: number[][]) =>
  sources
    .map(
      (v) =>
        [...v]
          .sort((a, b) => a - b)
          .map((x) => `${x}.`)
          .join('') + '/',
    )
    .join('');

function stepInput(i: number, key: string, label: string): Uint8Array {
  const body = utf8.encode(key + label);
  const out = new Uint8Array(body.length + 4);
  out[0] = i >> 8;
  out[1] = i & 0xff;
  out.set(body, 2);
  out[body.length + 2] = i >> 8;
  out[body.length + 3] = i & 0xff;
  return out;
}
const mod = (h: Uint8Array, m: number) => h.reduce((r, b) => (r * 256 + b) % m, 0);
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function pick(key: string, label: string, n: number, count: number) {
  const remaining = Array.from({ length: n }, (_, k) => k);
  const out: { i: number; digest: string; remaining: number; index: number; position: number }[] = [];
  for (let i = 0; i < count; i++) {
    const h = sm3Bytes(stepInput(i, key, label));
    const index = mod(h, remaining.length);
    out.push({ i, digest: hex(h), remaining: remaining.length, index, position: remaining[index] });
    remaining.splice(index, 1);
  }
  return out;
}

const quotaOf = (n: number, r?: { bp: number; min: number }) => (!r || n === 0 ? 0 : Math.min(n, Math.max(Math.ceil((r.bp * n) / 10000), r.min)));

export function recomputeDraw(pub: Published, values: number[][]): Result {
  const key = keyString(values);
  const strata: Result['strata'] = [];
  const objects: Result['objects'] = [];
  for (const label of ['A', 'B', 'C', 'D']) {
    const members = pub.candidates.filter((c) => c.class === label);
    const quota = quotaOf(members.length, pub.plan.rates[label]);
    const steps = pick(key, label, members.length, quota).map(({ position, ...s }) => ({ ...s, creditCode: members[position].creditCode }));
    strata.push({ label, n: members.length, quota, steps });
    for (const s of steps) objects.push({ creditCode: s.creditCode, class: label, eligible: 0, inspectors: [] });
  }
  const avoid = new Map<string, Set<string>>();
  for (const a of pub.avoidance) avoid.set(a.creditCode, (avoid.get(a.creditCode) ?? new Set()).add(a.inspectorId));
  const departments = [pub.plan.leadDepartmentId, ...pub.plan.jointDepartmentIds];
  for (const o of objects) {
    const eligible = pub.inspectors.filter((x) => !avoid.get(o.creditCode)?.has(x.id));
    o.eligible = eligible.length;
    if (eligible.length < pub.plan.inspectorsPerObject) throw new Error(`${o.creditCode}: ${eligible.length} < ${pub.plan.inspectorsPerObject}`);
    let remaining = eligible;
    for (let j = 0; j < pub.plan.inspectorsPerObject; j++) {
      const dept = j < departments.length ? departments[j] : null;
      const ofDept = dept ? remaining.filter((x) => x.departmentId === dept) : [];
      const sub = ofDept.length ? ofDept : remaining;
      const h = sm3Bytes(stepInput(j, key, `insp:${o.creditCode}`));
      const index = mod(h, sub.length);
      const chosen = sub[index];
      o.inspectors.push({ i: j, digest: hex(h), remaining: sub.length, index, id: chosen.id, departmentId: chosen.departmentId, slotDepartmentId: ofDept.length ? dept : null });
      remaining = remaining.filter((x) => x !== chosen);
    }
  }
  return { strata, objects };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort(cmp)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export interface CheckPart {
  name: 'candidates' | 'inspectors' | 'avoidance' | 'commitment' | 'key' | 'result';
  published: string;
  recomputed: string;
  match: boolean;
}

/** Every digest and the draw itself, recomputed here and compared with what was published. */
export function checkInBrowser(pub: Published): { match: boolean; parts: CheckPart[] } {
  const parts: CheckPart[] = [];
  const add = (name: CheckPart['name'], published: string, recomputed: string) => parts.push({ name, published, recomputed, match: published === recomputed });
  const candidates = sm3Text(pub.candidates.map((x) => `${x.creditCode}\t${x.class}\t${x.name}\n`).join(''));
  const inspectors = sm3Text(pub.inspectors.map((x) => `${x.id}\t${x.certificateNo}\t${x.departmentId}\t${x.name}\n`).join(''));
  const avoidance = sm3Text(
    [...pub.avoidance]
      .sort((x, y) => cmp(x.creditCode, y.creditCode) || cmp(x.inspectorId, y.inspectorId) || cmp(x.reason, y.reason))
      .map((x) => `${x.creditCode}\t${x.inspectorId}\t${x.reason}\n`)
      .join(''),
  );
  add('candidates', pub.digests.candidates, candidates);
  add('inspectors', pub.digests.inspectors, inspectors);
  add('avoidance', pub.digests.avoidance, avoidance);
  const commitment = { plan: pub.plan, candidatesDigest: candidates, inspectorsDigest: inspectors, avoidanceDigest: avoidance, seedSources: pub.seedSources, seedAvailableAt: pub.seedAvailableAt };
  add('commitment', pub.digests.commitment, sm3Text(canonicalJson(commitment)));
  if (pub.draw) {
    add('key', pub.draw.key, keyString(pub.draw.values));
    let recomputed: string;
    try {
      const result = recomputeDraw(pub, pub.draw.values);
      // Both the published digest and the published result must equal what was recomputed here.
      recomputed = canonicalJson(result) === canonicalJson(pub.draw.result) ? sm3Text(canonicalJson(result)) : `≠ ${sm3Text(canonicalJson(result))}`;
    } catch (err) {
      recomputed = String((err as Error).message);
    }
    add('result', pub.draw.resultDigest, recomputed);
  }
  return { match: parts.every((p) => p.match), parts };
}
