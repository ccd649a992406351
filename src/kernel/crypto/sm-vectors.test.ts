// yiwang-test: database-independent (opens no database; see vitest.config.ts)
import { sm2, sm3, sm4 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { digest, keyedDigest } from './hash.ts';
import { sm2Verify } from './sm2.ts';

/**
 * The national algorithms we sign, hash and encrypt with, checked against the examples printed in
 * their standards (GB/T 32905 SM3, GB/T 32907 SM4, GB/T 32918.2 SM2 signature on the recommended
 * curve with the default user ID 1234567812345678).
 */
describe('SM2, SM3 and SM4 against the standards’ examples', () => {
  it('hashes with SM3', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('hashes the same through OpenSSL as the standard and the JavaScript SM3, plain and keyed', () => {
    expect(digest('sm3', 'abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(digest('sm3', 'abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    // Blind indexes written before must still be found: HMAC-SM3 from either implementation agrees.
    const key = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';
    for (const v of ['152201199001011234', '张三', '', '长'.repeat(200)]) expect(keyedDigest('sm3', key, v)).toBe(sm3(v, { key, mode: 'hmac' }));
    expect(keyedDigest('sm3', key, 'a')).not.toBe(keyedDigest('sm3', key, 'b'));
  });

  it('encrypts one block with SM4', () => {
    const key = '0123456789abcdeffedcba9876543210';
    // The plaintext is the bytes of the key (a hex string input would be read as UTF-8 text).
    expect(sm4.encrypt(new Uint8Array(Buffer.from(key, 'hex')), key, { padding: 'none' })).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('derives the example public key and verifies the example SM2 signature with Z over the default ID', () => {
    const d = '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8';
    const pub = sm2.getPublicKeyFromPrivateKey(d.toLowerCase());
    expect(pub.toUpperCase()).toBe('04' + '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020' + 'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13');
    const r = 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3';
    const s = 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA';
    const signature = (r + s).toLowerCase();
    expect(sm2.doVerifySignature('message digest', signature, pub, { hash: true })).toBe(true);
    expect(sm2Verify('message digest', signature, pub)).toBe(true);
    // One bit off in the message or the signature, and it no longer verifies.
    expect(sm2.doVerifySignature('message digesT', signature, pub, { hash: true })).toBe(false);
    expect(sm2.doVerifySignature('message digest', signature.replace(/3$/, '4').replace(/a$/, 'b'), pub, { hash: true })).toBe(false);
    // Our own signatures verify the same way.
    const mine = sm2.doSignature('message digest', d.toLowerCase(), { hash: true, publicKey: pub });
    expect(sm2.doVerifySignature('message digest', mine, pub, { hash: true })).toBe(true);
  });
});
