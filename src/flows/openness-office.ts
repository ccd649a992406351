import { SYSTEM_PRINCIPAL } from '../modules/identity/index.ts';
import type { OfficeModule } from '../modules/office/index.ts';
import type { OpennessModule } from '../modules/openness/index.ts';

/**
 * 逾期督办: an overdue 依申请公开 request becomes a 督查督办 task of the office module, led by the answering
 * department. The platform raises it (office.use in the request's region), as 'disclosure'.
 */
export function opennessOffice(openness: OpennessModule, office: OfficeModule): void {
  openness.useSupervisor({
    raise: (trx, input) =>
      office.supervision.port.raise(
        trx,
        { ...SYSTEM_PRINCIPAL, name: '政务公开逾期督办', regionCode: input.regionCode },
        {
          title: input.title,
          detail: input.detail,
          source: { kind: 'disclosure', ref: input.ref, label: input.label },
          leadDepartmentId: input.leadDepartmentId,
          dueDate: input.dueDate,
          regionCode: input.regionCode,
        },
      ),
  });
}
