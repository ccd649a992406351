/**
 * SM2 signatures per second and CPU per call, in this process, one after another, same key pair and
 * message (the size of a seal signature's signed text, with Chinese in it):
 *
 *   verify   the platform's (src/kernel/crypto/sm2.ts: the key's multiples precomputed, Z and e
 *            hashed with OpenSSL's SM3), beside sm-crypto-v2 as the platform called it before, and
 *            the floor: OpenSSL's own SM2 verify — which Node can only run with Z over an EMPTY ID,
 *            so it is a cost floor, not an interchangeable path; target ≥ 2,000/s; and the
 *            platform's for keys it has not seen (each call a different key of 512, more than its
 *            key cache holds: no table, Z computed anew)
 *   sign     the platform's (OpenSSL signs, moved to the default ID), its forced JavaScript fallback,
 *            sm-crypto-v2 as before, and OpenSSL's empty-ID sign as the floor
 *
 * `BENCH_SECONDS` per measurement (default 3); `BENCH_PROFILE=file.cpuprofile` profiles the
 * platform's verify loop. No database: `record('sm2', 'none', …)`.
 */
import { createPrivateKey, createPublicKey, sign as nativeSign, verify as nativeVerify } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { sm2Implementation, sm2Sign, sm2Verify, useSm2Implementation } from '../src/kernel/crypto/index.ts';
import { inProcessMeasure } from './floors.ts';
import { startProfile } from './profile.ts';
import { record } from './report.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const keys = sm2.generateKeyPairHex();
const message = JSON.stringify({
  seal: { name: '乌兰浩特市人力资源和社会保障局电子证照专用章', code: '15220100000000001', publicKey: keys.publicKey },
  signer: { id: '0190d5c4-0000-7000-8000-000000000000', name: '乌兰浩特市人力资源和社会保障局' },
  time: new Date().toISOString(),
  document: 'x'.repeat(120),
  dataHash: { alg: 'SM3', range: [0, 48213], value: 'ab'.repeat(32) },
});
const measure = (fn: () => unknown) =>
  inProcessMeasure(SECONDS, 1, async () => {
    fn();
  });

// OpenSSL as Node calls it: SM2 with SM3, Z over an empty ID (see sm2.ts).
const spki = Buffer.concat([Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex'), Buffer.from(keys.publicKey, 'hex')]);
const sec1 = Buffer.concat([Buffer.from('30770201010420', 'hex'), Buffer.from(keys.privateKey, 'hex'), Buffer.from('a00a06082a811ccf5501822da144034200', 'hex'), Buffer.from(keys.publicKey, 'hex')]);
const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
const privateKey = createPrivateKey({ key: sec1, format: 'der', type: 'sec1' });
const bytes = Buffer.from(message);
const opensslSignature = nativeSign('sm3', bytes, privateKey);

const signature = sm2Sign(message, keys.privateKey);
const check = (ok: boolean) => {
  if (!ok) throw new Error('a signature did not verify');
};
// Both ways interchangeable before anything is timed.
check(sm2.doVerifySignature(message, signature, keys.publicKey, { hash: true }));
check(sm2Verify(message, sm2.doSignature(message, keys.privateKey, { hash: true, publicKey: keys.publicKey }), keys.publicKey));

// The steady state of a key that comes back (the platform's own, a seal's): its table of multiples
// is built by its 64th check (sm2.ts), outside the timed loop.
for (let i = 0; i < 64; i++) check(sm2Verify(message, signature, keys.publicKey));

// Keys seen for the first time: more of them than the platform keeps, so each call finds none cached.
const strangers = Array.from({ length: 512 }, (_, i) => {
  const pair = sm2.generateKeyPairHex();
  const text = `${message}${i}`;
  return { text, pub: pair.publicKey, sig: sm2Sign(text, pair.privateKey) };
});
for (const { text, sig, pub } of strangers) check(sm2Verify(text, sig, pub));

const profiler = process.env.BENCH_PROFILE ? await startProfile() : null;
const verifyOurs = await measure(() => check(sm2Verify(message, signature, keys.publicKey)));
if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
let next = 0;
const verifyFirstSeen = await measure(() => {
  const { text, sig, pub } = strangers[next++ % strangers.length];
  check(sm2Verify(text, sig, pub));
});
const verifyBefore = await measure(() => check(sm2.doVerifySignature(message, signature, keys.publicKey, { hash: true })));
const verifyOpenssl = await measure(() => check(nativeVerify('sm3', bytes, publicKey, opensslSignature)));

const implementation = sm2Implementation().detected;
const signOurs = await measure(() => sm2Sign(message, keys.privateKey));
useSm2Implementation('js');
const signJs = await measure(() => sm2Sign(message, keys.privateKey));
useSm2Implementation(implementation);
const signBefore = await measure(() => sm2.doSignature(message, keys.privateKey, { hash: true, publicKey: keys.publicKey }));
const signOpenssl = await measure(() => nativeSign('sm3', bytes, privateKey));

record('sm2', 'none', [
  { name: 'SM2 verify (platform)', ours: verifyOurs, raw: verifyOpenssl, target: { rate: 2000 } },
  { name: 'SM2 verify (platform, first-seen keys)', ours: verifyFirstSeen, raw: verifyOpenssl },
  { name: 'SM2 verify (sm-crypto-v2, before)', ours: verifyBefore, raw: verifyOpenssl },
  { name: `SM2 sign (platform, ${implementation})`, ours: signOurs, raw: signOpenssl },
  { name: 'SM2 sign (platform, js fallback)', ours: signJs, raw: signOpenssl },
  { name: 'SM2 sign (sm-crypto-v2, before)', ours: signBefore, raw: signOpenssl },
]);
console.log('raw = OpenSSL SM2 through Node, Z over an empty ID (Node cannot set the standard ID): a cost floor, not interchangeable');
