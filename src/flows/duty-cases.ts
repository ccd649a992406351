import type { Kernel } from '../kernel/index.ts';
import type { CasesModule } from '../modules/cases/index.ts';
import type { OfficeModule } from '../modules/office/index.ts';

/** The 12345 category a duty desk's urgent report is filed under (公共安全); dispatch refines it. */
export const DUTY_CASE_CATEGORY = '07';

/**
 * 值班 → 一网统管: an urgent report (突发事件信息) from a duty desk opens a case exactly once (the
 * report id is its reference, as an alarm id is for sensors), and the report shows the case number.
 */
export function dutyCases(k: Kernel, cases: CasesModule, office: OfficeModule): void {
  const { duty } = office;
  k.events.subscribe<typeof duty.IncidentReported>(duty.INCIDENT_REPORTED, async (e, trx) => {
    const r = e.payload;
    const opened = await cases.reportSensor(trx, {
      alarmId: `duty-incident:${r.id}`,
      deviceId: `office-duty:${r.departmentId}`,
      metric: 'casualties',
      value: r.casualties,
      threshold: 0,
      categoryCode: DUTY_CASE_CATEGORY,
      urgency: 'urgent',
      title: `突发事件：${r.place}`,
      content: `${r.what}（发生时间 ${r.occurredAt}，伤亡 ${r.casualties} 人，报告人 ${r.reporter}）`,
      lon: r.lon,
      lat: r.lat,
      address: r.place,
      streetCode: null,
      gridCode: null,
    });
    await duty.duty.linkCase(trx, r.id, { caseId: opened.id, number: opened.number });
  });
}
