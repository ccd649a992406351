import type { Principal } from '../../kernel/policy/index.ts';

/** What an application shows of a licence it cites in place of a material. */
export interface CitedLicence {
  id: string;
  identifier: string;
  licenceNo: string;
  name: string;
  issuerName: string;
  validUntil: string | null;
  status: string;
  statusLabel: string;
}

/**
 * 免证办: a material may be replaced by an e-licence the applicant holds. The licences module
 * answers these questions; services only asks them, so services need not depend on licences (the
 * platform plugs the answerer in at start).
 */
export interface LicenceReferences {
  /** The applicant holds this licence, it is of the given type and valid now; else throws a 422. */
  check(applicant: Principal, licenceId: string, typeKey: string): Promise<CitedLicence>;
  /** Records the use with the applicant's consent, in the holder's 用证记录. */
  recordUse(applicant: Principal, licenceId: string, applicationId: string, purpose: string): Promise<void>;
  /** The current state of cited licences, for staff reading the application. */
  describe(ids: string[]): Promise<Map<string, CitedLicence>>;
  /** 只填一次 / 免提交: the licences of these types the applicant (or the enterprise they act for) holds, valid or not. */
  held(applicant: Principal, typeKeys: string[]): Promise<(CitedLicence & { typeKey: string })[]>;
  /** The licence types there are, for item editors picking a licence number to prefill. */
  types(): Promise<{ key: string; zh: string; en: string }[]>;
}
