/** Strings of 只填一次 (fill once) and 免提交 (materials the platform stands in for), zh-CN first. */
export const fillZh = {
  knownTitle: '平台已掌握的信息（请核对）',
  knownHint: '以下信息来自您的实名认证、基础库、电子证照或以往办件，无需再填。核对无误即可提交；有变化的请选“修改”，在下方表单中改填。',
  from: '来自 {{source}}',
  verified: '已核验，不可修改',
  confirm: '确认',
  edit: '修改',
  editing: '已填入下方表单，可在表单中核对修改',
  exempt: '免提交',
  exemptData: '免提交：由{{source}}核验',
  exemptLicence: '免提交：将引用您的{{source}}（编号 {{no}}），提交即表示同意部门查验该证照',
  mustUpload: '需上传：{{why}}',
  keys: {
    person: { birthDate: '出生日期（人口基础库）', sex: '性别（人口基础库）', nation: '民族（人口基础库）', address: '户籍地址（人口基础库）', regionCode: '户籍地区（人口基础库）' },
    enterprise: { address: '住所（法人基础库）', type: '市场主体类型（法人基础库）', capital: '注册资本（法人基础库）', establishedOn: '成立日期（法人基础库）' },
  },
};

export const fillEn: typeof fillZh = {
  knownTitle: 'What the platform already knows (please check)',
  knownHint:
    'These come from your real-name verification, the base databases, your e-licences or your earlier applications, so you need not type them. If they are right, just submit; if something is different, choose “Change” and fill it in on the form below.',
  from: 'From {{source}}',
  verified: 'Verified, cannot be changed',
  confirm: 'Confirm',
  edit: 'Change',
  editing: 'Filled into the form below, to check or change there',
  exempt: 'Not needed',
  exemptData: 'Not needed: checked against {{source}}',
  exemptLicence: 'Not needed: your {{source}} (no. {{no}}) will be cited; by submitting you agree that the department checks it',
  mustUpload: 'Please upload: {{why}}',
  keys: {
    person: {
      birthDate: 'Date of birth (population base)',
      sex: 'Sex (population base)',
      nation: 'Ethnic group (population base)',
      address: 'Registered address (population base)',
      regionCode: 'Registered region (population base)',
    },
    enterprise: {
      address: 'Domicile (legal-entity base)',
      type: 'Entity type (legal-entity base)',
      capital: 'Registered capital (legal-entity base)',
      establishedOn: 'Date established (legal-entity base)',
    },
  },
};
