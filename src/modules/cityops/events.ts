import { Type, type Static } from '@sinclair/typebox';
import { changeEvents, type EventCatalogue } from '../../kernel/events/index.ts';

/** A sensor's reading broke a rule and a new alarm opened (one event per alarm, not per reading). */
export const ALARM_RAISED = 'cityops.alarm.raised';
export const AlarmRaised = Type.Object({
  alarmId: Type.String(),
  deviceId: Type.String(),
  metric: Type.String(),
  value: Type.Number(),
  threshold: Type.Number(),
  categoryCode: Type.String(),
  urgency: Type.String(),
  title: Type.String(),
  content: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
  address: Type.Union([Type.String(), Type.Null()]),
  streetCode: Type.Union([Type.String(), Type.Null()]),
  gridCode: Type.Union([Type.String(), Type.Null()]),
});
export type AlarmRaised = Static<typeof AlarmRaised>;

export const cityopsEvents: EventCatalogue = {
  [ALARM_RAISED]: AlarmRaised,
  ...changeEvents('cityops.grid', ['grids-saved']),
  ...changeEvents('cityops.layer', ['map-layers-saved']),
  ...changeEvents('cityops.address', ['addresses-saved']),
  ...changeEvents('cityops.device', ['device-registered']),
  ...changeEvents('cityops.rule', ['rule-saved']),
  ...changeEvents('cityops.alarm', ['alarm-cleared']),
};
