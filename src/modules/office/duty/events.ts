import { Type, type Static } from '@sinclair/typebox';
import { changeEvents, type EventCatalogue } from '../../../kernel/events/index.ts';

/** 突发事件信息 reached the duty desk: a flow (src/flows/duty-cases.ts) opens a case from it. */
export const INCIDENT_REPORTED = 'office.duty.incident.reported';
export const IncidentReported = Type.Object({
  id: Type.String(),
  departmentId: Type.String(),
  what: Type.String(),
  place: Type.String(),
  occurredAt: Type.String(),
  casualties: Type.Integer(),
  reporter: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
});
export type IncidentReported = Static<typeof IncidentReported>;

export const dutyEvents: EventCatalogue = {
  [INCIDENT_REPORTED]: IncidentReported,
  ...changeEvents('office.duty.rota', ['generated', 'updated']),
  ...changeEvents('office.duty.handover', ['created', 'acknowledged']),
  ...changeEvents('office.duty.log', ['written']),
  ...changeEvents('office.duty.incident', ['case-linked']),
};
