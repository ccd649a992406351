import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { calculateJwkThumbprint, EmbeddedJWK, jwtVerify, type JWK } from 'jose';
import { DomainError } from '../../../kernel/http/errors.ts';

/** How far a proof's `iat` may lie from now, either way (RFC 9449 leaves it to the server). */
export const DPOP_WINDOW_S = 60;
/** The algorithms the provider accepts for DPoP proofs (its default); the API accepts the same. */
const ALGORITHMS = ['ES256', 'Ed25519', 'EdDSA'];

export const DpopErrors = {
  invalid: (en: string) => new DomainError('DPOP_PROOF_INVALID', 401, '该令牌绑定了密钥，须以 DPoP 方式出示并附有效的 DPoP 证明', `This token is bound to a key: ${en}`),
};

/** How a caller presented an access token on the platform's API. */
export interface Presentation {
  scheme: 'Bearer' | 'DPoP';
  /** The `DPoP` header, if exactly one was sent. */
  proof?: string;
  method: string;
  /** The request's path and query, as received. */
  url: string;
}

export function presentation(req: { method: string; url: string; headers: IncomingHttpHeaders }): Presentation {
  const dpop = req.headers.dpop;
  return {
    scheme: req.headers.authorization?.startsWith('DPoP ') ? 'DPoP' : 'Bearer',
    proof: typeof dpop === 'string' ? dpop : undefined,
    method: req.method,
    url: req.url,
  };
}

/**
 * Checks the DPoP proof that must come with a token bound to the key whose thumbprint is `jkt`:
 * sent as `Authorization: DPoP`, signed by that key, for this method and this URL under the
 * public base (never the request's Host header), for this token (`ath`), and fresh. Returns the
 * proof's `jti`, which the caller must see only once. Throws DPOP_PROOF_INVALID.
 */
export async function checkProof(token: string, jkt: string, p: Presentation, publicBase: string, nowS: number): Promise<string> {
  if (p.scheme !== 'DPoP') throw DpopErrors.invalid('send it as “Authorization: DPoP”, with a DPoP proof');
  if (!p.proof || p.proof.length > 4000) throw DpopErrors.invalid('a DPoP proof is required');
  let payload: Record<string, unknown>;
  let jwk: JWK | undefined;
  try {
    const verified = await jwtVerify(p.proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ALGORITHMS });
    payload = verified.payload;
    jwk = verified.protectedHeader.jwk;
  } catch {
    throw DpopErrors.invalid('the DPoP proof is not a valid signed dpop+jwt');
  }
  // EmbeddedJWK has already refused a proof without its key; the check keeps the type honest.
  if (!jwk || (await calculateJwkThumbprint(jwk)) !== jkt) throw DpopErrors.invalid('the DPoP proof is signed by another key');
  const { jti, iat, htm, htu, ath } = payload;
  if (typeof jti !== 'string' || !jti || jti.length > 200) throw DpopErrors.invalid('the DPoP proof needs a jti');
  if (typeof iat !== 'number' || Math.abs(nowS - iat) > DPOP_WINDOW_S) throw DpopErrors.invalid('the DPoP proof is not recent');
  if (htm !== p.method) throw DpopErrors.invalid('the DPoP proof is for another method');
  if (typeof htu !== 'string' || stripped(htu) !== stripped(publicBase + p.url)) throw DpopErrors.invalid('the DPoP proof is for another URL');
  if (ath !== createHash('sha256').update(token).digest('base64url')) throw DpopErrors.invalid('the DPoP proof is for another token');
  return jti;
}

/** A URL without query and fragment, normalised, as RFC 9449 §4.3 compares `htu`. */
function stripped(u: string): string | null {
  try {
    const url = new URL(u);
    url.search = '';
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}
