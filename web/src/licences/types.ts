/** Shapes of the licences API as the pages use them: the server's own, from the generated schema. */
import type { Answer } from '../api/client';

export type LicenceSummary = Answer<'/api/licenses/{id}'>;
export type Wallet = Answer<'/api/licenses/mine'>;
export type UseRow = Answer<'/api/licenses/mine/uses'>[number];
export type GrantRow = Answer<'/api/licenses/mine/grants'>[number];
export type VerifyResult = Answer<'/api/licenses/verify/{identifier}'>;
export type Verdict = VerifyResult['verdict'];
export type LicenceType = Answer<'/api/licenses/types'>[number];
export type Seal = Answer<'/api/licenses/seals'>[number];

/** Tag colours for a licence status (green valid, grey ended, red revoked). */
export const statusColor = (s: string) => (s === 'valid' ? 'green' : s === 'expired' || s === 'superseded' ? 'default' : 'red');
