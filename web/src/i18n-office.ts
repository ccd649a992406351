/** Strings of the workbench's 一网协同 area (the shell and the one 待办 list), zh-CN first. */
export const offZh = {
  area: '协同办公',
  section: '协同办公栏目',
  todos: '我的待办',
  signature: '待我签批',
  all: '全部',
  kinds: { document: '发文', incoming: '收文', supervision: '督办', meeting: '会议', duty: '值班', archive: '档案' },
  lights: { green: '正常', yellow: '临期', red: '超期' },
  due: '期限',
  since: '收到时间',
  action: '待办事项',
  open: '办理',
  empty: '暂无待办',
};

export const offEn: typeof offZh = {
  area: 'Office',
  section: 'Office sections',
  todos: 'My to-dos',
  signature: 'Awaiting my signature',
  all: 'All',
  kinds: { document: 'Outgoing', incoming: 'Incoming', supervision: 'Supervision', meeting: 'Meeting', duty: 'Duty', archive: 'Archive' },
  lights: { green: 'On track', yellow: 'Due soon', red: 'Overdue' },
  due: 'Due',
  since: 'Since',
  action: 'To do',
  open: 'Open',
  empty: 'Nothing to do',
};
