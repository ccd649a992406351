import { randomBytes } from 'node:crypto';
import { sm2, sm4 } from 'sm-crypto-v2';
import { keyedDigest, type HashAlg } from './hash.ts';
import type { PlatformKeys } from './keys.ts';

export { digest, keyedDigest, canonicalJson, type HashAlg } from './hash.ts';
export { loadOrCreateKeys, generateKeys, type PlatformKeys } from './keys.ts';

const PREFIX = 'sm4gcm1';

/** Field encryption (SM4-GCM), blind indexes and SM2 signatures with the platform keys. */
export class PlatformCrypto {
  constructor(
    private readonly keys: PlatformKeys,
    private readonly hashAlg: HashAlg,
  ) {}

  get signPublicKey(): string {
    return this.keys.signPublicKey;
  }

  encryptField(plain: string): string {
    const iv = randomBytes(12).toString('hex');
    const out = sm4.encrypt(plain, this.keys.fieldKey, { mode: 'gcm', iv, outputTag: true });
    return `${PREFIX}:${iv}:${out.output}:${out.tag}`;
  }

  decryptField(sealed: string): string {
    const [prefix, iv, ct, tag] = sealed.split(':');
    if (prefix !== PREFIX || !iv || !ct || !tag) throw new Error('not an encrypted field');
    return sm4.decrypt(ct, this.keys.fieldKey, { mode: 'gcm', iv, tag });
  }

  /** Same input → same output, without revealing the input: for equality lookups on encrypted data. */
  blindIndex(value: string): string {
    return keyedDigest(this.hashAlg, this.keys.indexKey, value);
  }

  sign(message: string): string {
    return sm2.doSignature(message, this.keys.signPrivateKey, { hash: true, publicKey: this.keys.signPublicKey });
  }

  static verify(message: string, signature: string, publicKey: string): boolean {
    try {
      return sm2.doVerifySignature(message, signature, publicKey, { hash: true });
    } catch {
      return false;
    }
  }
}
