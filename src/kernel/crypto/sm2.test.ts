// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { execFileSync } from 'node:child_process';
import { createPublicKey, randomBytes, verify as nativeVerify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sm2 } from 'sm-crypto-v2';
import { afterEach, describe, expect, it } from 'vitest';
import { N } from './sm2-points.ts';
import { SM2_DEFAULT_ID, sm2Digest, sm2Implementation, sm2PublicKeyOf, sm2Sign, sm2Verify, useSm2Implementation } from './sm2.ts';

// The example on the recommended curve (GB/T 32918.5 / GM/T 0003.5, ID 1234567812345678). The
// appendix of GB/T 32918.2 signs with ID ALICE123@YAHOO.COM on a 256-bit *test* curve, which OpenSSL
// cannot load and the platform never uses; the recommended-curve example and cross-checks with
// sm-crypto-v2 and the openssl tool stand in for it.
const D = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';
const PUB = '04' + '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' + 'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13';
const R = 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3';
const S = 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa';

const spki = (pub: string) => Buffer.concat([Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex'), Buffer.from(pub, 'hex')]);
const int = (hex: string) => {
  let b = Buffer.from(hex, 'hex');
  while (b.length > 1 && b[0] === 0 && !(b[1] & 0x80)) b = b.subarray(1);
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return Buffer.concat([Buffer.from([2, b.length]), b]);
};
/** Raw r‖s hex → DER, as OpenSSL reads SM2 signatures. */
const toDer = (raw: string) => {
  const body = Buffer.concat([int(raw.slice(0, 64)), int(raw.slice(64))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
};
/** DER → raw r‖s hex. */
const fromDer = (der: Buffer) => {
  const rl = der[3];
  const r = der.subarray(4, 4 + rl);
  const s = der.subarray(6 + rl, 6 + rl + der[5 + rl]);
  const h = (b: Buffer) =>
    b
      .toString('hex')
      .replace(/^00(?=[0-9a-f]{64}$)/, '')
      .padStart(64, '0');
  return h(r) + h(s);
};

const native = sm2Implementation().detected === 'native';
afterEach(() => useSm2Implementation(sm2Implementation().detected));

describe('SM2 signatures through OpenSSL where it can, interchangeable with sm-crypto-v2', () => {
  it('finds native SM2 on a Node whose OpenSSL has the SM2 curve and SM3', async () => {
    const { getCurves, getHashes } = await import('node:crypto');
    expect(sm2Implementation().detected).toBe(getCurves().includes('SM2') && getHashes().includes('sm3') ? 'native' : 'js');
  });

  it.skipIf(!native)('proves that OpenSSL, as Node calls it, hashes Z over an empty ID, not the standard default', () => {
    const key = createPublicKey({ key: spki(PUB), format: 'der', type: 'spki' });
    // The standard's example signature does not verify natively…
    expect(nativeVerify('sm3', Buffer.from('message digest'), key, toDer(R + S))).toBe(false);
    // …while a signature made with an empty ID does: Node gives no way to set OpenSSL's distid.
    const emptyId = sm2.doSignature('message digest', D, { hash: true, publicKey: PUB, userId: '' });
    expect(nativeVerify('sm3', Buffer.from('message digest'), key, toDer(emptyId))).toBe(true);
  });

  it('verifies the standard example and rejects it altered', () => {
    expect(sm2PublicKeyOf(D)).toBe(PUB);
    expect(sm2Verify('message digest', R + S, PUB)).toBe(true);
    expect(sm2Verify('message digest', (R + S).toUpperCase(), PUB.toUpperCase())).toBe(true);
    expect(sm2Verify('message digesT', R + S, PUB)).toBe(false);
    expect(sm2Verify('message digest', R + S.replace(/a$/, 'b'), PUB)).toBe(false);
    expect(sm2Verify('message digest', R + S, PUB, 'ALICE123@YAHOO.COM')).toBe(false);
  });

  for (const kind of ['native', 'js'] as const) {
    it.skipIf(kind === 'native' && !native)(`signs (${kind}) what sm-crypto-v2 verifies, and verifies what sm-crypto-v2 signs`, () => {
      useSm2Implementation(kind);
      expect(sm2Implementation().current).toBe(kind);
      for (const message of ['message digest', '', '乌兰浩特市人民政府办公室公章 · 電子印章 😀', 'x'.repeat(5000)]) {
        const pair = sm2.generateKeyPairHex();
        for (const userId of [SM2_DEFAULT_ID, 'ALICE123@YAHOO.COM']) {
          const ours = sm2Sign(message, pair.privateKey, userId);
          expect(ours).toMatch(/^[0-9a-f]{128}$/);
          expect(sm2.doVerifySignature(message, ours, pair.publicKey, { hash: true, userId })).toBe(true);
          const theirs = sm2.doSignature(message, pair.privateKey, { hash: true, publicKey: pair.publicKey, userId });
          // Several times: the key's precomputed multiples are built on its second use.
          for (let i = 0; i < 3; i++) {
            expect(sm2Verify(message, theirs, pair.publicKey, userId)).toBe(true);
            expect(sm2Verify(message, ours, pair.publicKey, userId)).toBe(true);
            expect(sm2Verify(`${message}.`, ours, pair.publicKey, userId)).toBe(false);
          }
        }
        // Bytes sign as their UTF-8 string does.
        expect(sm2Verify(Buffer.from(message, 'utf8'), sm2Sign(message, pair.privateKey), pair.publicKey)).toBe(true);
      }
    });
  }

  it('keeps verifying one key right as its table of multiples grows with use', () => {
    const pair = sm2.generateKeyPairHex();
    for (let i = 0; i < 70; i++) {
      const m = `checkpoint ${i}`;
      const sig = i % 2 ? sm2Sign(m, pair.privateKey) : sm2.doSignature(m, pair.privateKey, { hash: true, publicKey: pair.publicKey });
      expect(sm2Verify(m, sig, pair.publicKey)).toBe(true);
      expect(sm2Verify(`${m}!`, sig, pair.publicKey)).toBe(false);
    }
  });

  // What sm-crypto-v2 answers is the reference: the same answer for good and tampered signatures alike.
  const tampered = (sig: string): string[] => {
    const r = BigInt(`0x${sig.slice(0, 64)}`);
    const s = BigInt(`0x${sig.slice(64)}`);
    const h = (v: bigint) => (((v % N) + N) % N).toString(16).padStart(64, '0');
    return [h(r + 1n) + sig.slice(64), sig.slice(0, 64) + h(s + 1n), sig.slice(64) + sig.slice(0, 64), h(r) + h(N - s), randomBytes(64).toString('hex')];
  };
  const agree = (message: string | Buffer, sig: string, pub: string) => {
    const want = sm2.doVerifySignature(message, sig, pub, { hash: true });
    expect(sm2Verify(message, sig, pub)).toBe(want);
    return want;
  };

  it('answers as sm-crypto-v2 does for random first-seen keys and messages, good and tampered signatures', () => {
    for (let i = 0; i < 12; i++) {
      const pair = sm2.generateKeyPairHex();
      const message = randomBytes(1 + (i % 5) * 50);
      const sig = sm2.doSignature(message, pair.privateKey, { hash: true, publicKey: pair.publicKey });
      // A compressed key is read (and Z computed) as its uncompressed form.
      const pub = i % 3 ? pair.publicKey : sm2.compressPublicKeyHex(pair.publicKey);
      expect(agree(message, sig, pub)).toBe(true);
      for (const bad of tampered(sig)) expect(agree(message, bad, pub)).toBe(false);
    }
  });

  it('answers as sm-crypto-v2 does for a recurring key before, while and after its tables are made', () => {
    const pair = sm2.generateKeyPairHex();
    for (let i = 0; i < 80; i++) {
      const message = `${i}:${randomBytes(8).toString('hex')}`;
      const sig = i % 2 ? sm2Sign(message, pair.privateKey) : sm2.doSignature(message, pair.privateKey, { hash: true, publicKey: pair.publicKey });
      expect(agree(message, sig, pair.publicKey)).toBe(true);
      if (i % 4 === 0) for (const bad of tampered(sig)) expect(agree(message, bad, pair.publicKey)).toBe(false);
    }
  });

  it('rejects a signature whose s·G + t·P is the point at infinity, which has no x1', () => {
    // Key G (d = 1), r = e: s·G + t·G = (r + 2s)·G is the point at infinity for s = −r/2, and an
    // x1 read as 0 there would pass (e + 0) mod n = r.
    const pub = sm2PublicKeyOf('1');
    const e = BigInt(`0x${sm2Digest('m', pub).toString('hex')}`) % N;
    const s = ((N - e) * ((N + 1n) / 2n)) % N;
    expect((e + 2n * s) % N).toBe(0n);
    const sig = e.toString(16).padStart(64, '0') + s.toString(16).padStart(64, '0');
    for (let i = 0; i < 70; i++) expect(sm2Verify('m', sig, pub)).toBe(false);
  });

  it('signs differently each time (a fresh k), and each verifies', () => {
    const a = sm2Sign('same', D);
    const b = sm2Sign('same', D);
    expect(a).not.toBe(b);
    expect(sm2Verify('same', a, PUB) && sm2Verify('same', b, PUB)).toBe(true);
  });

  it('refuses malformed signatures and keys without throwing', () => {
    const good = sm2Sign('m', D);
    const n = 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123';
    for (const sig of ['', good.slice(2), `${good}00`, `zz${good.slice(2)}`, '0'.repeat(64) + good.slice(64), good.slice(0, 64) + n, n + good.slice(64), toDer(good).toString('hex')])
      expect(sm2Verify('m', sig, PUB)).toBe(false);
    for (const pub of ['', PUB.slice(2), `05${PUB.slice(2)}`, `04${'1'.repeat(128)}`, sm2.generateKeyPairHex().publicKey]) expect(sm2Verify('m', good, pub)).toBe(false);
    expect(sm2Verify('m', undefined as unknown as string, PUB)).toBe(false);
    expect(() => sm2Sign('m', '00')).toThrow();
    expect(() => sm2Sign('m', 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123')).toThrow();
  });

  // The openssl tool sets the ID explicitly; both directions must agree with it.
  const tool = (() => {
    try {
      return /^OpenSSL 3/.test(execFileSync('openssl', ['version'], { encoding: 'utf8' }));
    } catch {
      return false;
    }
  })();
  it.skipIf(!tool)('agrees with `openssl pkeyutl` given distid:1234567812345678, both ways', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-sm2-'));
    try {
      const pair = sm2.generateKeyPairHex();
      const at = (f: string) => path.join(dir, f);
      fs.writeFileSync(at('pub.pem'), createPublicKey({ key: spki(pair.publicKey), format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }));
      const sec1 = Buffer.concat([
        Buffer.from('30770201010420', 'hex'),
        Buffer.from(pair.privateKey, 'hex'),
        Buffer.from('a00a06082a811ccf5501822da144034200', 'hex'),
        Buffer.from(pair.publicKey, 'hex'),
      ]);
      fs.writeFileSync(at('key.der'), sec1);
      const message = '{"seal":"乌兰浩特市人力资源和社会保障局","n":1}';
      fs.writeFileSync(at('msg'), message);
      const pkeyutl = (args: string[]) => {
        try {
          execFileSync('openssl', ['pkeyutl', '-rawin', '-digest', 'sm3', '-in', at('msg'), ...args], { stdio: 'pipe' });
          return true;
        } catch {
          return false;
        }
      };
      const distid = ['-pkeyopt', `distid:${SM2_DEFAULT_ID}`];
      fs.writeFileSync(at('ours.sig'), toDer(sm2Sign(message, pair.privateKey)));
      expect(pkeyutl(['-verify', '-pubin', '-inkey', at('pub.pem'), '-sigfile', at('ours.sig'), ...distid])).toBe(true);
      expect(pkeyutl(['-verify', '-pubin', '-inkey', at('pub.pem'), '-sigfile', at('ours.sig')])).toBe(false);
      expect(pkeyutl(['-sign', '-keyform', 'DER', '-inkey', at('key.der'), '-out', at('theirs.sig'), ...distid])).toBe(true);
      expect(sm2Verify(message, fromDer(fs.readFileSync(at('theirs.sig'))), pair.publicKey)).toBe(true);
      // The standard's example too.
      fs.writeFileSync(at('pub.pem'), createPublicKey({ key: spki(PUB), format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }));
      fs.writeFileSync(at('msg'), 'message digest');
      fs.writeFileSync(at('vector.sig'), toDer(R + S));
      expect(pkeyutl(['-verify', '-pubin', '-inkey', at('pub.pem'), '-sigfile', at('vector.sig'), ...distid])).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses native signing where start-up did not find it, and always accepts the JS one', () => {
    useSm2Implementation('js');
    expect(sm2Verify('m', sm2Sign('m', D), PUB)).toBe(true);
    if (!native) expect(() => useSm2Implementation('native')).toThrow();
  });

  it('signs with random keys many times without a bad signature (the moved r and s stay in range)', () => {
    for (let i = 0; i < 20; i++) {
      const pair = sm2.generateKeyPairHex();
      const m = randomBytes(40);
      expect(sm2.doVerifySignature(m, sm2Sign(m, pair.privateKey), pair.publicKey, { hash: true })).toBe(true);
    }
  });
});
