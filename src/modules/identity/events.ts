import { changeEvents, type EventCatalogue } from '../../kernel/events/index.ts';

/**
 * What the identity module publishes: only change events (`{ id, ...summary }`). Sign-ins, codes
 * and factor changes publish none (`event: false`): they are audited, and nobody reacts to them.
 */
export const identityEvents: EventCatalogue = {
  ...changeEvents('identity.account', ['registered', 'created', 'verified-in-person']),
  ...changeEvents('identity.signing-key', ['signing-key-created', 'signing-key-rotated']),
  ...changeEvents('identity.client', ['registered', 'updated', 'secret-rotated']),
  ...changeEvents('identity.enterprise', ['legal-representative-bound']),
  ...changeEvents('identity.authorisation', ['agent-authorised', 'agent-revoked']),
  // The demo seed loading synthetic people and enterprises (seed/demo.ts).
  ...changeEvents('identity.base', ['base-data-loaded']),
};
