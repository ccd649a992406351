import { Type } from '@sinclair/typebox';
import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/** Every step of an application through the action engine (submit, approve, refuse, withdraw, revoke, expire). */
export const APPLICATION_STEPPED = 'opendata.application.stepped';

/**
 * An application was written (`created`), its agreement signed (`signed`), its gateway credentials
 * collected (`credentials-collected`); a region's agreement template got a new version (`saved`).
 */
export const grantsEvents: EventCatalogue = {
  ...changeEvents('opendata.application', ['created', 'signed', 'credentials-collected']),
  ...changeEvents('opendata.agreement-template', ['saved']),
  [APPLICATION_STEPPED]: Type.Object({ id: Type.String(), action: Type.String(), from: Type.String(), to: Type.String(), number: Type.String(), datasetId: Type.String() }),
};
