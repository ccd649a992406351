import type { OfficialDocumentModel } from './model.ts';

/**
 * A 通知 as the demo city would send it: every GB/T 9704 element present, a body long enough to run
 * onto a second full page, two attachments. Used by the render tests and the benchmark.
 */
export function sampleDocument(over: Partial<OfficialDocumentModel> = {}): OfficialDocumentModel {
  const body = [
    '为深入贯彻落实国家和自治区关于加快推进政务服务标准化、规范化、便利化的部署要求，进一步提升全市政务服务效能，经市人民政府同意，现就有关事项通知如下。',
    '一、总体要求',
    '坚持以人民为中心的发展思想，以企业和群众办事“一件事一次办”为目标，全面推行一网通办、一网统管、一网协同，推动政务服务从“能办”向“好办”“易办”转变。',
    '二、重点任务',
    '（一）推进政务服务事项标准化。各部门要对照国家政务服务事项基本目录，逐项梳理事项名称、设定依据、办理条件、申请材料和办理时限，于2026年10月31日前完成本部门事项清单的动态调整。',
    '（二）深化一网通办。全面推行网上受理、网上审批、电子证照共享复用，凡能通过数据共享获取的材料，一律不再要求群众提交。',
    '1.市政务服务和数据管理局负责统筹平台建设，完善统一身份认证和电子印章服务。',
    '2.各部门要按照职责分工，做好本部门业务系统与平台的对接工作。',
    '（三）加强督查考核。市政府督查室要将政务服务效能纳入年度督查重点，对工作推进不力的部门予以通报。',
    '三、工作要求',
    '各部门要高度重视，明确分管领导和责任科室，细化工作措施，确保各项任务按期完成。工作中遇到的重大问题，要及时向市人民政府报告。',
    '联系人：市人民政府办公室督查科，电话：0482-8261234。',
  ];
  return {
    copyNumber: '000123',
    secrecy: null,
    urgency: '加急',
    issuerMark: '乌兰浩特市人民政府办公室文件',
    docNumber: '乌政办发〔2026〕12号',
    title: '乌兰浩特市人民政府办公室关于进一步提升政务服务效能的通知',
    mainRecipients: ['各苏木乡镇人民政府、街道办事处', '市直各部门'],
    body,
    attachments: ['乌兰浩特市政务服务事项清单调整工作任务分工表', '政务服务效能提升工作联系人名单'],
    issuerName: '乌兰浩特市人民政府办公室',
    date: '2026-09-18',
    note: '此件公开发布',
    ccRecipients: ['市委各部门', '市人大常委会办公室', '市政协办公室', '市人民法院', '市人民检察院'],
    printedBy: '乌兰浩特市人民政府办公室',
    printedDate: '2026-09-18',
    ...over,
  };
}
