/** Strings of real results (决定书, 营业执照 in the wallet, masked identifiers), zh-CN first. */
export const resZh = {
  downloadDecision: '下载决定书（PDF）',
  downloadDecisionEn: '英文副本（PDF）',
  decisionHint: '决定书已加盖办理部门电子印章，可扫描文书上的二维码或在“证照核验”页上传文件核验真伪。',
  decisionVerified: '这是一份行政决定文书，文号：{{no}}',
  operator: '经营者',
};

export const resEn: typeof resZh = {
  downloadDecision: 'Download the decision (PDF)',
  downloadDecisionEn: 'English copy (PDF)',
  decisionHint: 'The decision bears the deciding department’s e-seal. Scan its QR code, or upload the file on the verification page, to check that it is genuine.',
  decisionVerified: 'This is an administrative decision, no. {{no}}',
  operator: 'Operator',
};
