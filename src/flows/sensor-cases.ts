import type { Kernel } from '../kernel/index.ts';
import type { CasesModule } from '../modules/cases/index.ts';
import { ALARM_RAISED, type AlarmRaised } from '../modules/cityops/index.ts';

/** 一网统管: an alarm raised by a sensor becomes a case, exactly once (the alarm id is its reference). */
export function sensorCases(k: Kernel, cases: CasesModule): void {
  k.events.subscribe<typeof AlarmRaised>(ALARM_RAISED, async (e, trx) => void (await cases.reportSensor(trx, e.payload)));
}
