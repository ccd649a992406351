/** Shapes of the licences API as the pages use them. */
export interface LicenceSummary {
  id: string; identifier: string; licenceNo: string; typeKey: string; name: string; version: number;
  status: 'valid' | 'annulled' | 'cancelled' | 'expired' | 'revoked' | 'superseded'; statusLabel: string; statusReason: string | null;
  issuerName: string; issuedOn: string; validFrom: string; validUntil: string | null; holderName: string; holderCode: string; itemCode: string | null;
  rows: { label: string; value: string }[]; verifyUrl: string;
}
export interface Wallet { items: LicenceSummary[]; materialsSaved: number }
export interface UseRow { id: string; kind: string; actorName: string; departmentId: string | null; purpose: string; at: string; licenceName: string; licenceNo: string; identifier: string }
export interface GrantRow { id: string; identifier: string; departmentId: string; scopes: string[]; purpose: string; expiresAt: string; active: boolean; revokedAt: string | null }
export type Verdict = 'genuine' | 'altered' | 'revoked' | 'expired' | 'unknown';
export interface VerifyResult {
  verdict: Verdict; zh: string; en: string;
  licence: { identifier: string; licenceNo: string; name: string; version: number; status: string; issuerName: string; issuedOn: string; validUntil: string | null; holderName: string; holderCode: string } | null;
  seal: { code: string; name: string; unitName: string; signedAt: string; signer: string } | null;
}
export interface LicenceType { key: string; version: number; active: boolean; definition: { name: string; nameEn?: string; typeCode: string; authority: string; holderType: 'person' | 'entity'; fields: Record<string, unknown>; issuers: string[]; items: { itemCode: string }[] } & Record<string, unknown> }
export interface Seal { id: string; code: string; departmentId: string; name: string; unitName: string; unitCode: string; purpose: string; validFrom: string; validTo: string; users: string[]; automatic: boolean; active: boolean; uses: number }

/** Tag colours for a licence status (green valid, grey ended, red revoked). */
export const statusColor = (s: string) => (s === 'valid' ? 'green' : s === 'expired' || s === 'superseded' ? 'default' : 'red');
