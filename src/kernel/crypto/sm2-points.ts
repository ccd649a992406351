/**
 * Point arithmetic on the SM2 recommended curve (GB/T 32918.5: y² = x³ − 3x + b over p), for
 * verifying signatures only.
 *
 * Why not sm-crypto-v2's (noble-curves) points, which sm2.ts used before: they are written for
 * secrets — every multiplication constant-time (a fake point is added in every empty window) and
 * normalised with a modular inversion, additions by the complete projective formula. A
 * verification has no secret (key, signature and digest are all public), so it may branch on its
 * inputs, as OpenSSL's and libsecp256k1's verifiers do. Here:
 *  - Jacobian coordinates with a = −3, affine table points and mixed additions (8M + 3S), products
 *    summed before one reduction where the formula allows;
 *  - fixed-base tables of a point's multiples in every window (j·2^(w·i)·Q), so a multiplication by
 *    such a table is ~256/w additions and no doubling, and two of them (s·G + t·P) share one sum;
 *  - a key without a table: width-5 wNAF with its odd multiples made on the fly;
 *  - no inversion for the result: x1 = X/Z², compared as X against v·Z².
 * No library does this for the SM2 curve (noble-curves' unsafe paths fall back to the constant-time
 * one whenever a table exists); sm2-points.test.ts checks every path against noble-curves.
 */

/** The field prime p, the group order n (cofactor 1) and b of the SM2 recommended curve. */
export const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
export const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;

export interface Affine {
  x: bigint;
  y: bigint;
}
export const G: Affine = {
  x: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  y: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
};

/** a mod p in [0, p) for any a, negative included (BigInt's % keeps the dividend's sign). */
const m = (a: bigint) => {
  const r = a % P;
  return r < 0n ? r + P : r;
};

/** a⁻¹ mod `modulus` by the extended Euclidean algorithm (modulus prime, a ≠ 0 mod it). */
export function invert(a: bigint, modulus: bigint): bigint {
  let [t, nt, r, nr] = [0n, 1n, modulus, ((a % modulus) + modulus) % modulus];
  while (nr !== 0n) {
    const q = r / nr;
    [t, nt] = [nt, t - q * nt];
    [r, nr] = [nr, r - q * nr];
  }
  return t < 0n ? t + modulus : t;
}

function powP(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  for (let b = base; exponent > 0n; exponent >>= 1n, b = m(b * b)) if (exponent & 1n) result = m(result * b);
  return result;
}

/**
 * A public key as sm-crypto-v2 writes it ('04'‖x‖y, or '02'/'03'‖x compressed), checked to be on
 * the curve; undefined if it is not a point of the curve. Expects lower-case hex of the right length.
 */
export function pointFromHex(hex: string): Affine | undefined {
  const x = BigInt(`0x${hex.slice(2, 66)}`);
  if (x >= P) return undefined;
  const rhs = m(x * x * x - 3n * x + B);
  if (hex.startsWith('04')) {
    const y = BigInt(`0x${hex.slice(66, 130)}`);
    return y < P && m(y * y) === rhs ? { x, y } : undefined;
  }
  // p ≡ 3 (mod 4): a square root is rhs^((p+1)/4), if rhs has one.
  const y = powP(rhs, (P + 1n) / 4n);
  if (m(y * y) !== rhs) return undefined;
  const odd = hex.startsWith('03');
  return { x, y: (y & 1n) === (odd ? 1n : 0n) ? y : m(-y) };
}

/** A point in Jacobian coordinates (x = X/Z², y = Y/Z³), changed in place; Z = 0 is the point at infinity. */
export class Jacobian {
  constructor(
    public x = 0n,
    public y = 1n,
    public z = 0n,
  ) {}

  static of(a: Affine): Jacobian {
    return new Jacobian(a.x, a.y, 1n);
  }

  clone(): Jacobian {
    return new Jacobian(this.x, this.y, this.z);
  }

  get infinity(): boolean {
    return this.z === 0n;
  }

  /** this = 2·this (dbl-2001-b for a = −3: 3M + 5S). */
  double(): void {
    const { x, y, z } = this;
    if (z === 0n) return;
    const delta = m(z * z);
    const gamma = m(y * y);
    const beta = m(x * gamma);
    const alpha = m(3n * (x - delta) * (x + delta));
    const x3 = m(alpha * alpha - 8n * beta);
    this.z = m(2n * y * z);
    this.y = m(alpha * (4n * beta - x3) - 8n * gamma * gamma);
    this.x = x3;
  }

  /** this = this + (x2, y2), an affine point (add-1998-cmo-2 mixed: 8M + 3S), doubling and cancelling handled. */
  add(x2: bigint, y2: bigint): void {
    const { x: x1, y: y1, z: z1 } = this;
    if (z1 === 0n) {
      this.x = x2;
      this.y = y2;
      this.z = 1n;
      return;
    }
    const zz = m(z1 * z1);
    const h = m(x2 * zz) - x1;
    const r = m(y2 * m(z1 * zz)) - y1;
    if (h === 0n) {
      // The same x: the same point (double it) or its negation (the sum is the point at infinity).
      if (r === 0n) this.double();
      else [this.x, this.y, this.z] = [0n, 1n, 0n];
      return;
    }
    const hh = m(h * h);
    const hhh = m(h * hh);
    const v = m(x1 * hh);
    const x3 = m(r * r - hhh - 2n * v);
    this.y = m(r * (v - x3) - y1 * hhh);
    this.z = m(z1 * h);
    this.x = x3;
  }
}

/** The affine forms of many Jacobian points (none at infinity) with one inversion (Montgomery's trick). */
export function toAffine(points: Jacobian[]): Affine[] {
  const prefix: bigint[] = new Array(points.length);
  let acc = 1n;
  for (let i = 0; i < points.length; i++) prefix[i] = acc = m(acc * points[i].z);
  let inv = invert(acc, P);
  const out: Affine[] = new Array(points.length);
  for (let i = points.length - 1; i >= 0; i--) {
    const zi = i > 0 ? m(inv * prefix[i - 1]) : inv;
    inv = m(inv * points[i].z);
    const zi2 = m(zi * zi);
    out[i] = { x: m(points[i].x * zi2), y: m(points[i].y * m(zi2 * zi)) };
  }
  return out;
}

/** Reads `len` (≤ 24) bits of a 256-bit scalar from bit `pos` on (past bit 255: zeros). */
function bitReader(k: bigint): (pos: number, len: number) => number {
  const hex = k.toString(16).padStart(64, '0');
  const words = new Uint32Array(10);
  for (let i = 0; i < 8; i++) words[i] = parseInt(hex.slice(56 - 8 * i, 64 - 8 * i), 16);
  return (pos, len) => {
    const i = pos >>> 5;
    const o = pos & 31;
    let v = words[i] >>> o;
    if (o + len > 32) v |= words[i + 1] << (32 - o);
    return v & ((1 << len) - 1);
  };
}

/**
 * Multiples of one point for multiplying it by any scalar with additions only: window i (of
 * ⌈256/w⌉ + 1) holds j·2^(w·i)·Q for j = 1 … 2^(w−1), affine, flat; signed digits use the negations.
 */
export interface FixedBase {
  w: number;
  windows: number;
  xs: bigint[];
  ys: bigint[];
}

export function fixedBase(q: Affine, w: number): FixedBase {
  const windows = Math.ceil(256 / w) + 1;
  const half = 1 << (w - 1);
  // The windows' bases 2^(w·i)·Q by doubling, made affine together; then each window's multiples by
  // mixed additions of its base, made affine together: two inversions in all.
  const bases: Jacobian[] = [Jacobian.of(q)];
  for (let i = 1; i < windows; i++) {
    const b = bases[i - 1].clone();
    for (let d = 0; d < w; d++) b.double();
    bases.push(b);
  }
  const multiples: Jacobian[] = [];
  for (const base of toAffine(bases)) {
    const acc = new Jacobian();
    for (let j = 1; j <= half; j++) {
      acc.add(base.x, base.y);
      multiples.push(acc.clone());
    }
  }
  const affine = toAffine(multiples);
  return { w, windows, xs: affine.map((a) => a.x), ys: affine.map((a) => a.y) };
}

/** acc = acc + k·Q with Q's fixed-base table, k in [0, 2^256): one mixed addition per non-zero signed digit. */
export function addMultiple(acc: Jacobian, table: FixedBase, k: bigint): void {
  const { w, windows, xs, ys } = table;
  const half = 1 << (w - 1);
  const bits = bitReader(k);
  let carry = 0;
  for (let i = 0; i < windows; i++) {
    let d = bits(i * w, w) + carry;
    carry = d > half ? 1 : 0;
    if (carry) d -= 1 << w;
    if (d > 0) acc.add(xs[i * half + d - 1], ys[i * half + d - 1]);
    else if (d < 0) acc.add(xs[i * half - d - 1], P - ys[i * half - d - 1]);
  }
}

const WNAF_W = 5;

/** k·Q for a point without a table (k in [0, 2^256)): width-5 wNAF over Q, 3Q, …, 15Q made here. */
export function multiply(q: Affine, k: bigint): Jacobian {
  // Odd multiples: 2Q made affine, then Q + 2Q + 2Q + …, made affine together.
  const twice = Jacobian.of(q);
  twice.double();
  if (twice.infinity) return new Jacobian(); // only a point of order 2, which this curve has not
  const [two] = toAffine([twice]);
  const odd: Jacobian[] = [Jacobian.of(q)];
  for (let i = 1; i < 1 << (WNAF_W - 2); i++) {
    const next = odd[i - 1].clone();
    next.add(two.x, two.y);
    odd.push(next);
  }
  const table = toAffine(odd);

  // Digits (libsecp256k1's recoding): odd, |d| < 2^(w−1), at least w−1 zeros between two.
  const bits = bitReader(k);
  const digits = new Int8Array(257 + WNAF_W);
  let carry = 0;
  for (let bit = 0; bit < 257;) {
    if (bits(bit, 1) === carry) {
      bit++;
      continue;
    }
    let word = bits(bit, WNAF_W) + carry;
    carry = (word >> (WNAF_W - 1)) & 1;
    word -= carry << WNAF_W;
    digits[bit] = word;
    bit += WNAF_W;
  }

  const acc = new Jacobian();
  for (let i = digits.length - 1; i >= 0; i--) {
    acc.double();
    const d = digits[i];
    if (d > 0) acc.add(table[(d - 1) >> 1].x, table[(d - 1) >> 1].y);
    else if (d < 0) acc.add(table[(-d - 1) >> 1].x, P - table[(-d - 1) >> 1].y);
  }
  return acc;
}

/**
 * Is the affine x of `point` ≡ v (mod n), for v in [0, n)? x lies in [0, p) and p < 2n, so x is v
 * or v + n (when below p); x = X/Z², so compare X with v·Z² rather than invert Z.
 */
export function xIsModN(point: Jacobian, v: bigint): boolean {
  if (point.infinity) return false;
  const zz = m(point.z * point.z);
  if (m(v * zz) === point.x) return true;
  return v + N < P && m((v + N) * zz) === point.x;
}
