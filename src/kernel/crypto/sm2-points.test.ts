// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { randomBytes } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { addMultiple, fixedBase, G, invert, Jacobian, multiply, N, P, pointFromHex, toAffine, xIsModN, type Affine } from './sm2-points.ts';

// noble-curves' points as sm-crypto-v2 exposes them: the reference every path here is checked against.
const hex = (a: Affine) => `04${a.x.toString(16).padStart(64, '0')}${a.y.toString(16).padStart(64, '0')}`;
const reference = (a: Affine) => sm2.precomputePublicKey(hex(a), 1);
const affine = (j: Jacobian) => (j.infinity ? undefined : toAffine([j])[0]);
const randomScalar = () => BigInt(`0x${randomBytes(32).toString('hex')}`) % N;

// Scalars whose signed digits carry from window to window, and the ends of the range.
const edges = [
  0n,
  1n,
  2n,
  N - 1n,
  N - 2n,
  (N - 1n) / 2n,
  0x80n,
  0xffn,
  0x100n,
  2n ** 255n,
  2n ** 128n - 1n,
  BigInt(`0x${'80'.repeat(31)}`),
  BigInt(`0x${'7f'.repeat(32)}`),
  BigInt(`0x${'f'.repeat(63)}`),
];

describe('SM2 point arithmetic for verifying, against noble-curves', () => {
  const key = pointFromHex(sm2.generateKeyPairHex().publicKey)!;
  const keyRef = reference(key);
  const gRef = reference(G);
  const tables = [fixedBase(G, 8), fixedBase(key, 4), fixedBase(key, 8), fixedBase(key, 10)];

  it('multiplies by a fixed-base table of every window width and without a table as noble-curves does', () => {
    for (const k of [...edges, ...Array.from({ length: 24 }, randomScalar)]) {
      const gWant = k === 0n ? undefined : gRef.multiply(k).toAffine();
      const keyWant = k === 0n ? undefined : keyRef.multiply(k).toAffine();
      for (const table of tables) {
        const sum = new Jacobian();
        addMultiple(sum, table, k);
        expect(affine(sum)).toEqual(table === tables[0] ? gWant : keyWant);
      }
      expect(affine(multiply(G, k))).toEqual(gWant);
      expect(affine(multiply(key, k))).toEqual(keyWant);
    }
  });

  it('sums s·G + t·P in one accumulator as noble-curves adds the two products', () => {
    for (let i = 0; i < 16; i++) {
      const [s, t] = [randomScalar(), randomScalar()];
      const want = gRef.multiply(s).add(keyRef.multiply(t)).toAffine();
      const withTable = new Jacobian();
      addMultiple(withTable, tables[2], t);
      addMultiple(withTable, tables[0], s);
      const withoutTable = multiply(key, t);
      addMultiple(withoutTable, tables[0], s);
      expect(affine(withTable)).toEqual(want);
      expect(affine(withoutTable)).toEqual(want);
      expect(xIsModN(withTable, want.x % N)).toBe(true);
      expect(xIsModN(withTable, (want.x + 1n) % N)).toBe(false);
    }
  });

  it('adds a point to itself (doubling) and to its negation (the point at infinity)', () => {
    const k = randomScalar();
    const point = affine(multiply(key, k))!;
    const doubled = Jacobian.of(point);
    doubled.add(point.x, point.y);
    expect(affine(doubled)).toEqual(keyRef.multiply((2n * k) % N).toAffine());
    // The same in a Jacobian form whose Z is not 1.
    const viaSum = multiply(key, k);
    viaSum.add(point.x, point.y);
    expect(affine(viaSum)).toEqual(affine(doubled));
    const cancelled = multiply(key, k);
    cancelled.add(point.x, P - point.y);
    expect(cancelled.infinity).toBe(true);
    // s·G + (n − s)·G is the point at infinity: no x, so no match.
    const s = randomScalar();
    const zero = new Jacobian();
    addMultiple(zero, tables[0], N - s);
    addMultiple(zero, tables[0], s);
    expect(zero.infinity).toBe(true);
    expect(xIsModN(zero, 0n)).toBe(false);
  });

  it('compares x with v and with v + n, which an x between n and p reduces to', () => {
    // Only X and Z matter to the comparison; an x in [n, p) is too rare to meet on the curve.
    const z = randomScalar() + 1n;
    const at = (x: bigint) => new Jacobian((x * z * z) % P, 1n, z);
    expect(xIsModN(at(N + 5n), 5n)).toBe(true);
    expect(xIsModN(at(5n), 5n)).toBe(true);
    expect(xIsModN(at(N + 5n), 6n)).toBe(false);
    expect(xIsModN(at(P - 1n), P - 1n - N)).toBe(true);
  });

  it('reads uncompressed and compressed keys as noble-curves does and refuses points off the curve', () => {
    for (let i = 0; i < 8; i++) {
      const pair = sm2.generateKeyPairHex();
      const point = pointFromHex(pair.publicKey);
      expect(point && hex(point)).toBe(pair.publicKey);
      expect(pointFromHex(sm2.compressPublicKeyHex(pair.publicKey))).toEqual(point);
    }
    const good = hex(key);
    expect(pointFromHex(`04${good.slice(2, 66)}${(key.y + 1n).toString(16).padStart(64, '0')}`)).toBeUndefined();
    expect(pointFromHex(`04${'f'.repeat(128)}`)).toBeUndefined();
    expect(pointFromHex(`02${P.toString(16)}`)).toBeUndefined();
    // x = 2: 2³ − 6 + b has no square root mod p, so no point has it; x = 0 has one.
    expect(pointFromHex(`02${'2'.padStart(64, '0')}`)).toBeUndefined();
    expect(pointFromHex(`03${'2'.padStart(64, '0')}`)).toBeUndefined();
    const zero = pointFromHex(`02${'0'.repeat(64)}`)!;
    expect(reference(zero).toAffine()).toEqual(zero);
    expect(zero.y % 2n).toBe(0n);
  });

  it('inverts modulo n and p', () => {
    for (const m of [N, P]) for (const a of [1n, 2n, m - 1n, randomScalar() + 1n]) expect((a * invert(a, m)) % m).toBe(1n);
  });
});
