import type { Tx } from '../../../kernel/db/index.ts';
import type { RegulationArea, RegulationContext } from '../area.ts';
import { Approvals, type ApprovedLicensing } from './approvals.ts';
import { Complaints, type ComplaintFacts, type ComplaintSource } from './complaints.ts';
import { profilesEvents } from './events.ts';
import { Profiles } from './profile.ts';
import { profilesRoutes } from './routes.ts';

export type { ApprovedLicensing } from './approvals.ts';
export type { ComplaintFacts, ComplaintSource } from './complaints.ts';

export interface ProfilesArea extends RegulationArea {
  /** 审管联动 (the flow calls it in the approval event's transaction; once per application). */
  onApproved(trx: Tx, a: ApprovedLicensing): Promise<'linked' | 'replayed' | 'unavailable'>;
  /** A 12345 case was registered (the flow calls it in the event's transaction); returns how many entities it was linked to. */
  onComplaint(trx: Tx, c: ComplaintFacts): Promise<number>;
  /** Plugs in the cases module's read of a case (manual links by case number); null unplugs. */
  useComplaints(source: ComplaintSource | null): void;
  /** The profile and figures (seeds and tests read them directly too). */
  profiles: Profiles;
  /** Complaint links and 线索 inspections (the demo seed starts one). */
  complaints: Complaints;
}

/** 企业画像, 12345 线索, 审管联动 and 监管效能. */
export function createProfilesArea(ctx: RegulationContext): ProfilesArea {
  const complaints = new Complaints(ctx);
  const approvals = new Approvals(ctx);
  const profiles = new Profiles(ctx, complaints, approvals);
  // The credit area registers fact sources; its port is set before this area is made (see ../index.ts).
  ctx.ports.credit?.addFactSource('complaints12m', complaints.factSource);
  return {
    events: profilesEvents,
    routes: profilesRoutes(profiles, complaints),
    onApproved: (trx, a) => approvals.onApproved(trx, a),
    onComplaint: (trx, c) => complaints.onRegistered(trx, c),
    useComplaints: (s) => void (complaints.source = s),
    profiles,
    complaints,
  };
}
