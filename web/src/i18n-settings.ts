/** Strings of the per-region settings and case workflow editor pages (admin), zh-CN first. */
export const cfgZh = {
  rules: '12345规则', rulesLead: '本地区的时限、回访、延期、督办和防刷规则。未改动的项沿用上级（自治区、盟市或国家默认）的值；保存后作为新版本生效，已在办的工单仍按其登记时的规则办理。',
  region: '地区代码', setting: '配置项', inherited: '上级值：{{value}}（来自{{from}}）', national: '国家默认', fromRegion: '{{code}}', own: '本地区已设置', reset: '恢复上级值',
  reason: '修改原因', reasonRequired: '请填写修改原因（至少2个字）', save: '保存为新版本', saved: '已保存为新版本', history: '历史版本', version: '版本', savedAt: '保存时间', savedBy: '保存人',
  notEditable: '此配置项请通过接口维护。',
  workflow: '工单流程', workflowLead: '工单的状态与动作。发布后新登记的工单按新版本办理，已在办的工单保持原版本及其名称。',
  current: '当前生效版本：{{version}}（{{region}}）', states: '状态', actions: '动作', code: '编码', zh: '中文名称', en: '英文名称', kind: '类型', limitDays: '时限（工作日）',
  kinds: { active: '办理中', paused: '暂停计时', end: '结束' }, from: '从状态', to: '到状态', actor: '执行者', actors: { staff: '工作人员', applicant: '来电人', system: '系统' },
  roles: '角色', unit: '范围', units: { department: '本单位', region: '本辖区', dispatcher: '派单单位' }, requires: '须填写', requireKinds: { reason: '意见', items: '清单', delivery: '出件方式' },
  initial: '初始状态', addState: '新增状态', addAction: '新增动作', remove: '删除', check: '检查', publish: '发布新版本', published: '已发布版本 {{version}}', noProblems: '检查通过，可以发布',
  problems: '流程定义有以下问题，未发布：',
};

export const cfgEn: typeof cfgZh = {
  rules: '12345 rules', rulesLead: 'This region’s time limits and rules for visit back, extensions, supervision and floods. Fields left alone follow the level above (province, city or the national default); a save is a new version, and cases already open keep the rules they were registered under.',
  region: 'Region code', setting: 'Setting', inherited: 'From above: {{value}} (set by {{from}})', national: 'national default', fromRegion: '{{code}}', own: 'Set by this region', reset: 'Use the value from above',
  reason: 'Reason for the change', reasonRequired: 'Give a reason (at least 2 characters)', save: 'Save as a new version', saved: 'Saved as a new version', history: 'Versions', version: 'Version', savedAt: 'Saved at', savedBy: 'Saved by',
  notEditable: 'This setting is maintained through the API.',
  workflow: 'Case workflow', workflowLead: 'The states and actions of a case. Once published, new cases follow the new version; open cases keep theirs, with its names.',
  current: 'In force: version {{version}} ({{region}})', states: 'States', actions: 'Actions', code: 'Code', zh: 'Chinese name', en: 'English name', kind: 'Kind', limitDays: 'Limit (working days)',
  kinds: { active: 'Active', paused: 'Clock paused', end: 'End' }, from: 'From states', to: 'To state', actor: 'Taken by', actors: { staff: 'Staff', applicant: 'Caller', system: 'System' },
  roles: 'Roles', unit: 'Scope', units: { department: 'Own unit', region: 'Region', dispatcher: 'Dispatching unit' }, requires: 'Requires', requireKinds: { reason: 'Opinion', items: 'Items', delivery: 'Delivery' },
  initial: 'Initial state', addState: 'Add state', addAction: 'Add action', remove: 'Remove', check: 'Check', publish: 'Publish a new version', published: 'Published version {{version}}', noProblems: 'No problems; ready to publish',
  problems: 'The workflow has these problems and was not published:',
};
