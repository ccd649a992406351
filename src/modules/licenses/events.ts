import { Type, type Static } from '@sinclair/typebox';
import { changeEvents, type EventCatalogue } from '../../kernel/events/index.ts';

/** A licence was issued (or revised: a new version of its lineage). */
export const LICENCE_ISSUED = 'licenses.licence.issued';
export const LicenceIssued = Type.Object({
  id: Type.String(),
  identifier: Type.String(),
  typeKey: Type.String(),
  name: Type.String(),
  issuerName: Type.String(),
  version: Type.Integer(),
  applicationId: Type.Union([Type.String(), Type.Null()]),
});
export type LicenceIssued = Static<typeof LicenceIssued>;

/** A licence stopped being valid by a decision (revoked, cancelled …); expiry publishes `licenses.licence.expired`. */
export const LICENCE_ENDED = 'licenses.licence.ended';
export const LicenceEnded = Type.Object({ id: Type.String(), identifier: Type.String(), status: Type.String() });
export type LicenceEnded = Static<typeof LicenceEnded>;

export const licensesEvents: EventCatalogue = {
  [LICENCE_ISSUED]: LicenceIssued,
  [LICENCE_ENDED]: LicenceEnded,
  ...changeEvents('licenses.licence', ['expired']),
  ...changeEvents('licenses.seal', ['created']),
  ...changeEvents('licenses.grant', ['granted', 'grant-revoked']),
  ...changeEvents('licenses.type', ['created', 'updated']),
};
