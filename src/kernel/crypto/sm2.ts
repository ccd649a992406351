/**
 * SM2 signatures (GB/T 32918.2, SM2 with SM3) with the signer ID of GM/T 0009 (default
 * '1234567812345678'), in the format the platform has always stored: raw r‖s, 128 hex digits, as
 * sm-crypto-v2 writes them. Keys are hex as sm-crypto-v2 writes them ('04'‖x‖y, 64-digit d).
 *
 * What Node's OpenSSL (3.0) can and cannot do here, found out and proved in sm2.test.ts:
 *  - OpenSSL hashes the message with Z computed over an EMPTY ID unless the caller sets `distid`
 *    (`openssl pkeyutl -pkeyopt distid:…` does; OpenSSL declined to default it, openssl#23162), and
 *    Node's crypto.sign/verify have no option to set it. A native SM2 signature is therefore not
 *    the standard's, and the standard's example signature does not verify natively.
 *  - Signing can still be native: OpenSSL signs with a random k over e0 = SM3(Z(empty)‖M); with
 *    the private key we know k = s0(1+d) + r0·d and x1 ≡ r0 − e0, so the standard's signature over
 *    e = SM3(Z(ID)‖M) with the same k is r = r0 + (e − e0), s = s0 + (e0 − e)·d/(1+d) (mod n).
 *    Same k, same distribution as any SM2 signature; r0, s0 never leave this function.
 *  - Verifying cannot be moved the same way: the point s·G + t·P that OpenSSL computes is tied to
 *    r through e0, and nothing but a preimage of SM3 would make e0 equal e. A verification built
 *    from native single multiplications (ECDH) needs three of them, and OpenSSL 3.0 has no fast
 *    code for the SM2 curve: one native multiplication costs as much as one precomputed in
 *    JavaScript. So verifying stays in JavaScript, on group operations written for it
 *    (sm2-points.ts: public inputs only, so not constant-time, one sum for s·G + t·P, no inversion;
 *    sm-crypto-v2's constant-time ones took 0.5 ms with tables, ~4 ms without), with tables of
 *    multiples of G and of keys that come back; Z is computed once per key and e hashed with
 *    OpenSSL's SM3.
 */
import { createECDH, createHash, createPrivateKey, createPublicKey, getCurves, getHashes, sign as nativeSign, verify as nativeVerify, type KeyObject } from 'node:crypto';
import { sm2, sm3 } from 'sm-crypto-v2';
import { addMultiple, fixedBase, G, invert, Jacobian, multiply, N, pointFromHex, xIsModN, type Affine, type FixedBase } from './sm2-points.ts';

/** GM/T 0009 default signer ID, used for Z when no other is agreed. */
export const SM2_DEFAULT_ID = '1234567812345678';

const mod = (a: bigint) => ((a % N) + N) % N;
const hex64 = (v: bigint) => v.toString(16).padStart(64, '0');

const nativeSm3 = getHashes().includes('sm3');
const nativeCurve = getCurves().includes('SM2');
const sm3Bytes = (parts: Uint8Array[]): Buffer => {
  if (nativeSm3) {
    const h = createHash('sm3');
    for (const p of parts) h.update(p);
    return h.digest();
  }
  return Buffer.from(sm3(Buffer.concat(parts)), 'hex');
};
const bytesOf = (message: string | Uint8Array) => (typeof message === 'string' ? Buffer.from(message, 'utf8') : message);

/** A small least-recently-used map: the key caches must not grow with every key ever seen. */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(k: K): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) {
      this.map.delete(k);
      this.map.set(k, v);
    }
    return v;
  }
  set(k: K, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }
}

const PUBLIC_HEX = /^(04[0-9a-f]{128}|0[23][0-9a-f]{64})$/;
const zCache = new Lru<string, Buffer>(256);
/** Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ Gx ‖ Gy ‖ xA ‖ yA), once per key and ID. */
function zOf(publicKey: string, userId: string): Buffer {
  const k = `${userId}\u0000${publicKey}`;
  let z = zCache.get(k);
  if (!z) {
    z = Buffer.from(sm2.getZ(publicKey, userId));
    zCache.set(k, z);
  }
  return z;
}

/** e = SM3(Z ‖ M) as the integer both signing and verifying use. */
export function sm2Digest(message: string | Uint8Array, publicKey: string, userId = SM2_DEFAULT_ID): Buffer {
  return sm3Bytes([zOf(publicKey.toLowerCase(), userId), bytesOf(message)]);
}

// ---------------------------------------------------------------------------------------------
// Signing

interface SigningKey {
  publicKey: string;
  d: bigint;
  /** d / (1 + d) mod n: moves a signature over e0 to one over e with the same k. */
  c: bigint;
  native?: KeyObject;
}

// SEC1 ECPrivateKey with the SM2 curve OID (1.2.156.10197.1.301): version 1, d, [0] curve, [1] Q.
const SEC1_HEAD = Buffer.from('30770201010420', 'hex');
const SEC1_MID = Buffer.from('a00a06082a811ccf5501822da144034200', 'hex');

const signingKeys = new Lru<string, SigningKey>(64);
function nativePublicKey(privateHex: string): string {
  const ecdh = createECDH('SM2');
  ecdh.setPrivateKey(privateHex, 'hex');
  return ecdh.getPublicKey('hex', 'uncompressed');
}
function signingKey(privateKey: string): SigningKey {
  const hex = privateKey.toLowerCase().padStart(64, '0');
  let key = signingKeys.get(hex);
  if (key) return key;
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('not an SM2 private key');
  const d = BigInt(`0x${hex}`);
  if (d < 1n || d > N - 2n) throw new Error('not an SM2 private key');
  // Derived, not taken from the caller: Z must be over the key that really signs. OpenSSL derives
  // it without building sm-crypto-v2's table of the base point's multiples.
  const publicKey = nativeCurve ? nativePublicKey(hex) : sm2.getPublicKeyFromPrivateKey(hex);
  key = { publicKey, d, c: mod(d * invert(d + 1n, N)) };
  signingKeys.set(hex, key);
  return key;
}

function nativeKey(key: SigningKey, privateHex: string): KeyObject {
  key.native ??= createPrivateKey({ key: Buffer.concat([SEC1_HEAD, Buffer.from(privateHex, 'hex'), SEC1_MID, Buffer.from(key.publicKey, 'hex')]), format: 'der', type: 'sec1' });
  return key.native;
}

/** r and s of a DER SEQUENCE { INTEGER r, INTEGER s } as OpenSSL writes an SM2 signature. */
function derRS(der: Buffer): [bigint, bigint] {
  let i = 0;
  const len = () => {
    const b = der[i++];
    if (b < 0x80) return b;
    let n = 0;
    for (let k = b & 0x7f; k > 0; k--) n = (n << 8) | der[i++];
    return n;
  };
  if (der[i++] !== 0x30) throw new Error('bad SM2 signature');
  len();
  const int = () => {
    if (der[i++] !== 0x02) throw new Error('bad SM2 signature');
    const l = len();
    const v = BigInt(`0x${der.toString('hex', i, i + l) || '0'}`);
    i += l;
    return v;
  };
  return [int(), int()];
}

function signNative(message: Uint8Array, privateHex: string, key: SigningKey, userId: string): string {
  const sk = nativeKey(key, privateHex);
  const e = BigInt(`0x${sm2Digest(message, key.publicKey, userId).toString('hex')}`);
  const e0 = BigInt(`0x${sm2Digest(message, key.publicKey, '').toString('hex')}`);
  for (;;) {
    const [r0, s0] = derRS(nativeSign('sm3', message, sk));
    const r = mod(r0 + e - e0);
    const s = mod(s0 + (e0 - e) * key.c);
    const k = mod(s0 * (1n + key.d) + r0 * key.d);
    // The standard's own retries: r = 0, r + k = n, s = 0 (each about 2^-256).
    if (r !== 0n && mod(r + k) !== 0n && s !== 0n) return hex64(r) + hex64(s);
  }
}

function signJs(message: string | Uint8Array, privateHex: string, key: SigningKey, userId: string): string {
  return sm2.doSignature(message, privateHex, { hash: true, publicKey: key.publicKey, userId });
}

// ---------------------------------------------------------------------------------------------
// Verifying

interface VerifyingKey {
  uses: number;
  point: Affine;
  table?: FixedBase;
}
/**
 * How many multiples of a public key to keep, by how often it has been used: a table costs CPU
 * once (window 4: ~6 ms, 520 points; window 8: ~70 ms, 4,224 points, about 0.5 MB; both measured on
 * the busy shared machine) and saves it on every later check (no table: ~1.1 ms a check; 4: ~0.3 ms;
 * 8: ~0.24 ms). A key seen once costs no table; the platform's own key and a handful of seal keys
 * are the ones that come back.
 */
const TABLES: [uses: number, window: number][] = [
  [64, 8],
  [8, 4],
];
const verifyingKeys = new Lru<string, VerifyingKey>(16);
/** G never changes: its table (window 8, as a recurring key's) is made once, on the first verification. */
const G_WINDOW = 8;
let base: FixedBase | undefined;

/** The key's point and, once it has come back often enough, its table; undefined if not a curve point. */
function verifyingKey(publicKey: string): VerifyingKey | undefined {
  let key = verifyingKeys.get(publicKey);
  if (!key) {
    const point = pointFromHex(publicKey);
    if (!point) return undefined;
    verifyingKeys.set(publicKey, (key = { uses: 0, point }));
  }
  key.uses++;
  const window = TABLES.find(([uses]) => key.uses >= uses)?.[1];
  if (window && window > (key.table?.w ?? 0)) key.table = fixedBase(key.point, window);
  return key;
}

/**
 * GB/T 32918.2 §7.1 B5–B7: t = r + s ≠ 0, (x1, y1) = s·G + t·P, accept iff (e + x1) mod n = r,
 * the same equation as sm2.doVerifySignature. Both multiples go into one sum (sm2-points.ts), and
 * x1 ≡ r − e (mod n) is checked there without making the sum affine.
 */
function verifyJs(e: Buffer, r: bigint, s: bigint, publicKey: string): boolean {
  const t = mod(r + s);
  if (t === 0n) return false;
  const key = verifyingKey(publicKey);
  if (!key) return false;
  base ??= fixedBase(G, G_WINDOW);
  let sum: Jacobian;
  if (key.table) addMultiple((sum = new Jacobian()), key.table, t);
  else sum = multiply(key.point, t);
  addMultiple(sum, base, s);
  // The point at infinity has no x1: no signature (xIsModN says no).
  return xIsModN(sum, mod(r - BigInt(`0x${e.toString('hex')}`)));
}

// ---------------------------------------------------------------------------------------------
// Which implementation signs

/** 'native': OpenSSL signs (moved to the standard's ID); 'js': sm-crypto-v2 signs. Verifying is always the JS one. */
export type Sm2Implementation = 'native' | 'js';

/**
 * Native signing rests on two facts about this Node's OpenSSL, checked once on first use (a
 * signature and a verification, under a millisecond): it signs and verifies SM2 with SM3, and it
 * hashes Z over an EMPTY ID — the example key's signature over "message digest" with an empty ID
 * (made with sm-crypto-v2) verifies natively. An OpenSSL that one day defaults to the standard's ID
 * fails the second check and signs in JavaScript until this code learns of it.
 */
function nativeWorks(): boolean {
  if (!nativeSm3 || !nativeCurve) return false;
  try {
    const d = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';
    const emptyIdSignature = Buffer.from('3045022057864ca4dbbbcb1989afc64212f16617da9442289e5610a5bc8300dc4451b1090221009628' + '13b87389df17c1eea7dd41f9d0610eda3224a8886369fcc1171b8203e297', 'hex');
    const key = signingKey(d);
    const spki = createPublicKey(nativeKey(key, d));
    const m = Buffer.from('message digest');
    return nativeVerify('sm3', m, spki, emptyIdSignature) && nativeVerify('sm3', m, spki, nativeSign('sm3', m, nativeKey(key, d)));
  } catch {
    return false;
  }
}

let detected: Sm2Implementation | undefined;
let chosen: Sm2Implementation | undefined;
const detect = (): Sm2Implementation => (detected ??= nativeWorks() ? 'native' : 'js');

/** The implementation that signs now, and the one found at start-up. */
export function sm2Implementation(): { current: Sm2Implementation; detected: Sm2Implementation } {
  return { current: chosen ?? detect(), detected: detect() };
}

/** For tests and benches: sign with the JS implementation even where OpenSSL can. 'native' is refused where it failed at start-up. */
export function useSm2Implementation(kind: Sm2Implementation): void {
  if (kind === 'native' && detect() !== 'native') throw new Error('native SM2 is not available in this Node');
  chosen = kind;
}

/**
 * SM2 signature over `message` (UTF-8 if a string) with Z over `userId`: raw r‖s in hex. Every
 * signature verifies with sm-crypto-v2 and with `openssl pkeyutl -verify -pkeyopt distid:<ID>`.
 */
export function sm2Sign(message: string | Uint8Array, privateKey: string, userId = SM2_DEFAULT_ID): string {
  const key = signingKey(privateKey);
  const hex = privateKey.toLowerCase().padStart(64, '0');
  return (chosen ?? detect()) === 'native' ? signNative(bytesOf(message), hex, key, userId) : signJs(message, hex, key, userId);
}

/** The public key ('04'‖x‖y hex) of an SM2 private key. */
export function sm2PublicKeyOf(privateKey: string): string {
  return signingKey(privateKey).publicKey;
}

/** Does `signature` (raw r‖s hex) hold for `message` under `publicKey` with Z over `userId`? Never throws. */
export function sm2Verify(message: string | Uint8Array, signature: string, publicKey: string, userId = SM2_DEFAULT_ID): boolean {
  try {
    if (typeof signature !== 'string' || !/^[0-9a-fA-F]{128}$/.test(signature) || typeof publicKey !== 'string') return false;
    const pub = publicKey.toLowerCase();
    if (!PUBLIC_HEX.test(pub)) return false;
    const r = BigInt(`0x${signature.slice(0, 64)}`);
    const s = BigInt(`0x${signature.slice(64)}`);
    if (r < 1n || r >= N || s < 1n || s >= N) return false;
    return verifyJs(sm2Digest(message, pub, userId), r, s, pub);
  } catch {
    return false;
  }
}
