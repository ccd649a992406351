import { Readable } from 'node:stream';
import type { Kernel } from '../kernel/index.ts';
import { moduleOwner } from '../kernel/files/index.ts';
import { CASE_STEPPED, type CaseStepped, type CasesModule } from '../modules/cases/index.ts';
import { LICENCE_ISSUED, type LicenceIssued, type LicensesModule } from '../modules/licenses/index.ts';
import type { OfficeModule } from '../modules/office/index.ts';
import { APPLICATION_STEPPED, type ApplicationStepped, type ServicesModule } from '../modules/services/index.ts';

/** What a source answers (the office module's ArchivableRecord port). */
type Archivable = NonNullable<Awaited<ReturnType<Parameters<OfficeModule['archives']['useSource']>[1]>>>;

/**
 * 电子档案 of every pillar's finished records: 办件 when delivered (出件), 12345 工单 when closed
 * (回访办结), 证照 when issued. Each source answers from its module's read-only facts; the record's
 * own details go in as a JSON content file (责任者 left empty is the unit's name, filled in by the archive) beside its result, photo or sealed licence. Archiving
 * is queued in the completion event's transaction and done by the archive's job, so a slow or
 * refused archive never holds up the step that finished the record. (发文 and 收文 register
 * their own sources inside the office module.)
 */
export function archiveSources(k: Kernel, services: ServicesModule, cases: CasesModule, licenses: LicensesModule, office: OfficeModule): void {
  const archives = office.archives;
  // The record as its unit wrote it, for the archive: the file the content check reads 题名 and 文号 from.
  const recordFile = async (name: string, regionCode: string, body: unknown) =>
    (
      await k.files.save(k.db, {
        stream: Readable.from([Buffer.from(JSON.stringify(body, null, 2))]),
        name,
        declaredMime: 'application/octet-stream',
        ownerId: moduleOwner('office'),
        regionCode,
      })
    ).id;

  archives.useSource('application', async (id): Promise<Archivable | null> => {
    const a = await services.archiveFacts(k.db, id);
    if (!a || a.state !== 'delivered') return null;
    const title = `${a.itemName}（${a.number}）`;
    const info = await recordFile('办件信息.json', a.regionCode, {
      题名: title,
      办件编号: a.number,
      事项编码: a.itemCode,
      事项名称: a.itemName,
      结果: a.outcome,
      申请时间: a.submittedAt,
      办结时间: a.completedAt,
      出件时间: a.deliveredAt,
    });
    return {
      kind: 'application',
      id: a.id,
      regionCode: a.regionCode,
      departmentId: a.departmentId,
      responsible: '',
      title,
      reference: a.number,
      date: (a.completedAt ?? a.deliveredAt ?? a.submittedAt).slice(0, 10),
      secrecy: null,
      files: [{ fileId: info, name: '办件信息.json', role: 'content' }, ...(a.resultFileId ? [{ fileId: a.resultFileId, name: '结果文书.pdf', role: 'content' as const }] : [])],
      actionLog: a.log.map((s) => ({ at: s.at, action: s.action, actor: s.actor, unit: s.departmentId, opinion: s.opinion })),
      metadata: { docType: a.itemCode, outcome: a.outcome },
    };
  });

  archives.useSource('case', async (id): Promise<Archivable | null> => {
    const c = await cases.archiveFacts(k.db, id);
    // Only a case a unit handled and closed has a 责任者; answered-on-the-spot calls stay with 12345.
    if (!c || c.state !== 'closed' || !c.handlingDepartmentId) return null;
    const answer = [...c.log].reverse().find((s) => s.action === 'reply')?.opinion ?? null;
    const info = await recordFile('工单信息.json', c.regionCode, {
      题名: c.title,
      工单号: c.number,
      类型: c.kind,
      渠道: c.channel,
      诉求内容: c.content,
      答复: answer,
      登记时间: c.registeredAt,
      办结时间: c.closedAt,
    });
    return {
      kind: 'case',
      id: c.id,
      regionCode: c.regionCode,
      departmentId: c.handlingDepartmentId,
      responsible: '',
      title: c.title,
      reference: c.number,
      date: (c.closedAt ?? c.registeredAt).slice(0, 10),
      secrecy: c.confidential ? '内部' : null,
      files: [{ fileId: info, name: '工单信息.json', role: 'content' }, ...c.photoIds.map((p, i) => ({ fileId: p, name: `现场照片${i + 1}`, role: 'attachment' as const }))],
      actionLog: c.log.map((s) => ({ at: s.at, action: s.action, actor: s.actor, unit: s.departmentId, opinion: s.opinion })),
      metadata: { docType: c.kind, channel: c.channel },
    };
  });

  archives.useSource('licence', async (id): Promise<Archivable | null> => {
    const l = await licenses.archiveFacts(k.db, id);
    if (!l) return null;
    const info = await recordFile('证照信息.json', l.regionCode, {
      题名: l.name,
      证照标识: l.identifier,
      证照编号: l.licenceNo,
      持证主体: l.holderName,
      持证主体代码: l.holderCodeMasked,
      颁发机构: l.issuerName,
      颁发日期: l.issuedOn,
      有效期至: l.validUntil,
      文件摘要: l.documentHash,
    });
    return {
      kind: 'licence',
      id: l.id,
      regionCode: l.regionCode,
      departmentId: l.issuerDepartmentId,
      responsible: l.issuerName,
      title: `${l.name}（${l.holderName}）`,
      reference: l.identifier,
      date: l.issuedOn,
      secrecy: null,
      files: [{ fileId: info, name: '证照信息.json', role: 'content' }, ...(l.documentFileId ? [{ fileId: l.documentFileId, name: `${l.licenceNo}.pdf`, role: 'seal' as const }] : [])],
      actionLog: [
        { at: l.signedAt, action: 'issue', actor: l.issuerName, unit: l.issuerDepartmentId, opinion: null },
        ...(l.statusAt && l.status !== 'valid' ? [{ at: l.statusAt, action: l.status, actor: l.issuerName, unit: l.issuerDepartmentId, opinion: l.statusReason }] : []),
      ],
      metadata: { docType: l.typeKey, applicationId: l.applicationId },
    };
  });

  k.events.subscribe<typeof ApplicationStepped>(APPLICATION_STEPPED, async (e, trx) => {
    if (e.payload.to === 'delivered') await archives.archiveLater(trx, 'application', e.payload.id, e.regionCode ?? k.config.regionCode);
  });
  k.events.subscribe<typeof CaseStepped>(CASE_STEPPED, async (e, trx) => {
    if (e.payload.to === 'closed') await archives.archiveLater(trx, 'case', e.payload.id, e.regionCode ?? k.config.regionCode);
  });
  k.events.subscribe<typeof LicenceIssued>(LICENCE_ISSUED, async (e, trx) => archives.archiveLater(trx, 'licence', e.payload.id, e.regionCode ?? k.config.regionCode));
}
