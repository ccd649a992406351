/** Strings of the data-sharing pages, zh-CN first. */
export const dataZh = {
  title: '数据共享', catalogue: '数据目录', catalogueLead: '一数一源一标准：每个数据项只有一个提供部门。按名称、数据项中文检索。', search: '检索数据资源', code: '资源编码', name: '资源名称', provider: '提供部门', category: '类别',
  sharing: '共享类型', open: '开放类型', frequency: '更新频率', updated: '最近更新', items: '数据项', item: '数据项', standard: '标准', grade: '分级', importance: '重要程度', basis: '依据',
  request: '申请共享', requestTitle: '申请共享：{{name}}', system: '使用系统', purpose: '用途', legalBasis: '法律依据', period: '使用期限', clearItems: '申请明文（L3/L4 默认脱敏）', rowRegion: '限定行政区划（可选）', submit: '提交申请', submitted: '已提交共享申请 {{number}}',
  requests: '共享申请', mine: '本部门的申请', toDecide: '待审核', number: '申请编号', state: '状态', due: '办理时限', overdue: '已超期',
  states: { submitted: '待提供部门审核', bureau_review: '待数据局复核', approved: '已批准', refused: '不予共享' },
  approve: '同意', refuse: '不同意', reason: '理由', decided: '已审核', credentials: '领取接入凭证', credentialsOnce: '凭证只显示这一次，请保存到接入系统：', clientId: '客户端标识', secret: '客户端密钥',
  usage: '使用记录', usageLead: '每一次网关调用：谁、依据哪项授权、为何用途、哪些数据项、多少行。', at: '时间', client: '调用系统', operation: '操作', rows: '行数', outcome: '结果', csv: '导出 CSV',
  figures: '质量与指标', onDemand: '按需共享率', coverage: '目录覆盖率', overdueRequests: '超期申请', overdueObjections: '超期异议', calls: '调用次数', quality: '质量评分', score: '评分', callsChart: '各资源调用次数',
  runCheck: '立即检查', runCheckOf: '立即检查“{{name}}”', runProgress: '已完成 {{done}}/{{total}} 步', actions: '操作',
  runStates: { queued: '排队等待检查', running: '正在检查', done: '检查完成', failed: '检查未能完成，请稍后重试' },
  lists: { title: '三张清单', duty: '责任清单', demand: '需求清单', negative: '负面清单', notCatalogued: '尚未编目' },
  register: '登记数据资源', definition: '资源定义（JSON）', registered: '已登记',
  objections: '数据异议', raised: '本部门提出', toAnswer: '待答复', description: '异议内容', answer: '答复', corrected: '已更正', explained: '已说明', answerIt: '答复异议',
};

export const dataEn: typeof dataZh = {
  title: 'Data sharing', catalogue: 'Data catalogue', catalogueLead: 'One source, one standard: each data item has one providing department. Search names and items in Chinese.', search: 'Search data resources', code: 'Code', name: 'Resource', provider: 'Provider', category: 'Category',
  sharing: 'Sharing', open: 'Opening', frequency: 'Updated', updated: 'Last update', items: 'Items', item: 'Item', standard: 'Standard', grade: 'Grade', importance: 'Importance', basis: 'Basis',
  request: 'Ask to share', requestTitle: 'Ask to share: {{name}}', system: 'Consuming system', purpose: 'Purpose', legalBasis: 'Legal basis', period: 'Period', clearItems: 'Clear values (L3/L4 are masked by default)', rowRegion: 'Limit to a region (optional)', submit: 'Submit', submitted: 'Sharing request {{number}} submitted',
  requests: 'Sharing requests', mine: 'Our requests', toDecide: 'To decide', number: 'Number', state: 'State', due: 'Due', overdue: 'Overdue',
  states: { submitted: 'Awaiting the provider', bureau_review: 'Awaiting the data bureau', approved: 'Approved', refused: 'Refused' },
  approve: 'Approve', refuse: 'Refuse', reason: 'Reason', decided: 'Decided', credentials: 'Collect credentials', credentialsOnce: 'Shown only this once; store them in the consuming system:', clientId: 'Client id', secret: 'Client secret',
  usage: 'Usage', usageLead: 'Every gateway call: who, under which grant, for what purpose, which items, how many rows.', at: 'Time', client: 'System', operation: 'Operation', rows: 'Rows', outcome: 'Outcome', csv: 'Export CSV',
  figures: 'Quality and figures', onDemand: 'Shared on demand', coverage: 'Catalogue coverage', overdueRequests: 'Overdue requests', overdueObjections: 'Overdue objections', calls: 'Calls', quality: 'Quality', score: 'Score', callsChart: 'Calls per resource',
  runCheck: 'Check now', runCheckOf: 'Check “{{name}}” now', runProgress: '{{done}} of {{total}} steps done', actions: 'Actions',
  runStates: { queued: 'Queued for checking', running: 'Checking', done: 'Check finished', failed: 'The check could not be completed; try again later' },
  lists: { title: 'Lists', duty: 'Responsibilities', demand: 'Demands', negative: 'Negative list', notCatalogued: 'Not catalogued yet' },
  register: 'Register a resource', definition: 'Resource definition (JSON)', registered: 'Registered',
  objections: 'Data objections', raised: 'Raised by us', toAnswer: 'To answer', description: 'Objection', answer: 'Answer', corrected: 'Corrected', explained: 'Explained', answerIt: 'Answer',
};
