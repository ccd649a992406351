#!/usr/bin/env node
/*
 * draw-check.mjs — recompute a 双随机 draw of Yiwang (一网) from its published inputs, on your own
 * machine, with nothing but Node.js 18 or later (no packages).
 *
 *   node draw-check.mjs https://<platform>/api/regulation/public/draws/<id>
 *   node draw-check.mjs draw.json            (the same JSON, saved from that address)
 *   node draw-check.mjs --self-test          (checks this file's SM3 against GB/T 32905 and RFC 3797)
 *   add --own-sm3 to use this file's SM3 even where node:crypto has one
 *
 * It prints, part by part, whether the digests committed before the draw and the published result
 * match what it recomputes, and exits 0 only if everything matches.
 *
 * The procedure (the same as the platform's src/modules/regulation/draws/sortition.ts):
 * 1. Key string: for each seed source in declared order, its numbers sorted ascending, each
 *    followed by '.', then '/'; the sources concatenated. (RFC 3797 §4.)
 * 2. Step i of a sequence labelled L: H = SM3(u16be(i) ‖ key ‖ L ‖ u16be(i)); H as a big-endian
 *    integer modulo the number of items remaining picks that index among them (in list order).
 * 3. Objects per credit class A, B, C, D (L = the letter), among that class's candidates in list
 *    order; quota = ceil(bp × n / 10000) (bp: 1 % = 100), at least the minimum, at most n.
 * 4. Inspectors per drawn object in that order (L = 'insp:' + credit code): the pool minus the
 *    object's 回避 set; slot j draws among the eligible of the plan's department j (lead first, then
 *    joint) when j is below the number of departments and one is left, else among all eligible left.
 * Digests: SM3 of the canonical texts — candidates `code\tclass\tname\n`, inspectors
 * `id\tcertificate\tdepartment\tname\n`, 回避 `code\tinspector\treason\n` (sorted), the commitment
 * and the result as JSON with object keys sorted.
 */
/* global TextEncoder, console, process, fetch -- a Node.js script, outside the project's lint globals */
import { createHash, getHashes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/* ---------------------------------------------------------------- SM3 (GB/T 32905-2016) */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
const rotl = (x, n) => ((x << n) | (x >>> (32 - n))) >>> 0;
const P0 = (x) => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const P1 = (x) => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;

/** SM3 of bytes, as 32 bytes: written from the standard, not taken from a library. */
export function ownSm3(bytes) {
  const len = bytes.length;
  const padded = new Uint8Array(Math.ceil((len + 9) / 64) * 64);
  padded.set(bytes);
  padded[len] = 0x80;
  const dv = new DataView(padded.buffer);
  const bits = len * 8;
  dv.setUint32(padded.length - 8, Math.floor(bits / 0x100000000));
  dv.setUint32(padded.length - 4, bits >>> 0);
  const V = IV.slice();
  const W = new Uint32Array(68);
  const W1 = new Uint32Array(64);
  for (let off = 0; off < padded.length; off += 64) {
    for (let j = 0; j < 16; j++) W[j] = dv.getUint32(off + 4 * j);
    for (let j = 16; j < 68; j++) W[j] = (P1(W[j - 16] ^ W[j - 9] ^ rotl(W[j - 3], 15)) ^ rotl(W[j - 13], 7) ^ W[j - 6]) >>> 0;
    for (let j = 0; j < 64; j++) W1[j] = (W[j] ^ W[j + 4]) >>> 0;
    let [A, B, C, D, E, F, G, H] = V;
    for (let j = 0; j < 64; j++) {
      const T = j < 16 ? 0x79cc4519 : 0x7a879d8a;
      const A12 = rotl(A, 12);
      const SS1 = rotl((A12 + E + rotl(T, j % 32)) >>> 0, 7);
      const SS2 = (SS1 ^ A12) >>> 0;
      const FF = j < 16 ? A ^ B ^ C : (A & B) | (A & C) | (B & C);
      const GG = j < 16 ? E ^ F ^ G : (E & F) | (~E & G);
      const TT1 = (FF + D + SS2 + W1[j]) >>> 0;
      const TT2 = (GG + H + SS1 + W[j]) >>> 0;
      D = C;
      C = rotl(B, 9);
      B = A;
      A = TT1;
      H = G;
      G = rotl(F, 19);
      F = E;
      E = P0(TT2);
    }
    [A, B, C, D, E, F, G, H].forEach((x, k) => (V[k] = (V[k] ^ x) >>> 0));
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  V.forEach((x, k) => ov.setUint32(4 * k, x));
  return out;
}

const nativeSm3 = getHashes().includes('sm3') ? (bytes) => new Uint8Array(createHash('sm3').update(bytes).digest()) : null;
let sm3 = nativeSm3 ?? ownSm3;
const md5 = (bytes) => new Uint8Array(createHash('md5').update(bytes).digest());

const utf8 = new TextEncoder();
export const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const sm3Text = (text) => hex(sm3(utf8.encode(text)));

/* ---------------------------------------------------------------- the draw */

export function keyString(sources) {
  return sources
    .map(
      (values) =>
        [...values]
          .sort((a, b) => a - b)
          .map((v) => `${v}.`)
          .join('') + '/',
    )
    .join('');
}

function stepInput(i, key, label) {
  const body = utf8.encode(key + label);
  const out = new Uint8Array(body.length + 4);
  out[0] = i >> 8;
  out[1] = i & 0xff;
  out.set(body, 2);
  out[body.length + 2] = i >> 8;
  out[body.length + 3] = i & 0xff;
  return out;
}

/** H as one big-endian integer modulo m, computed with BigInt (the platform reduces byte by byte: the same number). */
const mod = (h, m) => Number(BigInt('0x' + hex(h)) % BigInt(m));

export function pick(hash, key, label, n, count) {
  const remaining = Array.from({ length: n }, (_, k) => k);
  const out = [];
  for (let i = 0; i < count; i++) {
    const h = hash(stepInput(i, key, label));
    const index = mod(h, remaining.length);
    out.push({ i, digest: hex(h), remaining: remaining.length, index, position: remaining[index] });
    remaining.splice(index, 1);
  }
  return out;
}

const quotaOf = (n, rate) => (!rate || n === 0 ? 0 : Math.min(n, Math.max(Math.ceil((rate.bp * n) / 10000), rate.min)));

export function draw(hash, { key, candidates, rates, inspectors, departments, avoid, perObject }) {
  const strata = [];
  const objects = [];
  for (const label of ['A', 'B', 'C', 'D']) {
    const members = candidates.filter((c) => c.class === label);
    const quota = quotaOf(members.length, rates[label]);
    const steps = pick(hash, key, label, members.length, quota).map(({ position, ...s }) => ({ ...s, creditCode: members[position].creditCode }));
    strata.push({ label, n: members.length, quota, steps });
    for (const s of steps) objects.push({ creditCode: s.creditCode, class: label, eligible: 0, inspectors: [] });
  }
  for (const o of objects) {
    const eligible = inspectors.filter((x) => !avoid.get(o.creditCode)?.has(x.id));
    o.eligible = eligible.length;
    if (eligible.length < perObject) throw new Error(`${o.creditCode}: only ${eligible.length} eligible inspectors, ${perObject} needed`);
    let remaining = eligible;
    for (let j = 0; j < perObject; j++) {
      const dept = j < departments.length ? departments[j] : null;
      const ofDept = dept ? remaining.filter((x) => x.departmentId === dept) : [];
      const sub = ofDept.length ? ofDept : remaining;
      const h = hash(stepInput(j, key, `insp:${o.creditCode}`));
      const index = mod(h, sub.length);
      const chosen = sub[index];
      o.inspectors.push({ i: j, digest: hex(h), remaining: sub.length, index, id: chosen.id, departmentId: chosen.departmentId, slotDepartmentId: ofDept.length ? dept : null });
      remaining = remaining.filter((x) => x !== chosen);
    }
  }
  return { strata, objects };
}

/* ---------------------------------------------------------------- canonical texts */

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
export function canonicalJson(v) {
  if (v === null || v === undefined) return 'null';
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  return `{${Object.keys(v)
    .filter((k) => v[k] !== undefined)
    .sort(cmp)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
    .join(',')}}`;
}
const candidatesText = (c) => c.map((x) => `${x.creditCode}\t${x.class}\t${x.name}\n`).join('');
const inspectorsText = (i) => i.map((x) => `${x.id}\t${x.certificateNo}\t${x.departmentId}\t${x.name}\n`).join('');
const avoidanceText = (a) =>
  [...a]
    .sort((x, y) => cmp(x.creditCode, y.creditCode) || cmp(x.inspectorId, y.inspectorId) || cmp(x.reason, y.reason))
    .map((x) => `${x.creditCode}\t${x.inspectorId}\t${x.reason}\n`)
    .join('');

/* ---------------------------------------------------------------- the check */

/** Every part recomputed from the published JSON: [name, published, recomputed, match]. */
export function check(pub) {
  const parts = [];
  const add = (name, published, recomputed) => parts.push({ name, published, recomputed, match: published === recomputed });
  const candidates = sm3Text(candidatesText(pub.candidates));
  const inspectors = sm3Text(inspectorsText(pub.inspectors));
  const avoidance = sm3Text(avoidanceText(pub.avoidance));
  add('candidates', pub.digests.candidates, candidates);
  add('inspectors', pub.digests.inspectors, inspectors);
  add('avoidance', pub.digests.avoidance, avoidance);
  const commitment = { plan: pub.plan, candidatesDigest: candidates, inspectorsDigest: inspectors, avoidanceDigest: avoidance, seedSources: pub.seedSources, seedAvailableAt: pub.seedAvailableAt };
  add('commitment', pub.digests.commitment, sm3Text(canonicalJson(commitment)));
  if (pub.draw) {
    const key = keyString(pub.draw.values);
    add('key', pub.draw.key, key);
    const avoid = new Map();
    for (const a of pub.avoidance) avoid.set(a.creditCode, (avoid.get(a.creditCode) ?? new Set()).add(a.inspectorId));
    let result = null;
    try {
      result = draw(sm3, {
        key,
        candidates: pub.candidates,
        rates: pub.plan.rates,
        inspectors: pub.inspectors,
        departments: [pub.plan.leadDepartmentId, ...pub.plan.jointDepartmentIds],
        avoid,
        perObject: pub.plan.inspectorsPerObject,
      });
    } catch (err) {
      parts.push({ name: 'result', published: pub.draw.resultDigest, recomputed: String(err.message), match: false });
    }
    if (result) {
      add('result', pub.draw.resultDigest, sm3Text(canonicalJson(result)));
      add('published result', canonicalJson(pub.draw.result), canonicalJson(result));
    }
  }
  return { match: parts.every((p) => p.match), parts };
}

function selfTest() {
  const vectors = [
    ['abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
    ['abcd'.repeat(16), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
  ];
  let ok = true;
  for (const [input, want] of vectors) {
    const got = hex(ownSm3(utf8.encode(input)));
    console.log(`${got === want ? 'OK ' : 'BAD'} SM3(${input.length > 8 ? `${input.slice(0, 8)}…` : input}) = ${got}`);
    ok &&= got === want;
  }
  const key = keyString([[9319], [2, 5, 12, 8, 10], [9, 18, 26, 34, 41, 45]]);
  const rfc = pick(md5, key, '', 25, 5).map((x) => x.position + 1);
  const ours = pick(ownSm3, key, '', 25, 5).map((x) => x.position + 1);
  console.log(`${rfc.join(',') === '17,7,2,16,25' ? 'OK ' : 'BAD'} RFC 3797 vector (MD5): ${rfc.join(', ')}`);
  console.log(`${ours.join(',') === '4,21,16,15,5' ? 'OK ' : 'BAD'} SM3 variant: ${ours.join(', ')}`);
  return ok && rfc.join(',') === '17,7,2,16,25' && ours.join(',') === '4,21,16,15,5';
}

async function main(args) {
  if (args.includes('--own-sm3')) sm3 = ownSm3;
  if (args.includes('--self-test')) return selfTest() ? 0 : 1;
  const source = args.find((a) => !a.startsWith('--'));
  if (!source) {
    console.error('usage: node draw-check.mjs <URL of /api/regulation/public/draws/<id> | draw.json> [--own-sm3]\n       node draw-check.mjs --self-test');
    return 2;
  }
  const pub = /^https?:\/\//.test(source) ? await (await fetch(source)).json() : JSON.parse(readFileSync(source, 'utf8'));
  const { match, parts } = check(pub);
  console.log(`${pub.plan.number} ${pub.plan.name}  (SM3: ${sm3 === ownSm3 ? 'draw-check.mjs' : 'node:crypto'})`);
  for (const p of parts)
    console.log(`${p.match ? '一致 match   ' : '不一致 MISMATCH'}  ${p.name}${p.match || p.name === 'published result' ? '' : `\n    published:  ${p.published}\n    recomputed: ${p.recomputed}`}`);
  if (pub.draw) console.log(`key: ${pub.draw.key}`);
  console.log(match ? '全部一致 / everything matches' : '存在不一致 / something does not match');
  return match ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(2);
    },
  );
}
