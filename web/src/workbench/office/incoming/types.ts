/** The 收文 API's answers, as the pages read them. */
export interface IncomingItem {
  id: string;
  number: string;
  title: string;
  docNumber: string | null;
  senderName: string;
  docType: string | null;
  urgency: string | null;
  secrecy: string | null;
  source: 'platform' | 'paper';
  recipientKind: 'main' | 'cc';
  state: string;
  departmentId: string;
  leadDepartmentId: string | null;
  dueAt: string | null;
  overdue: boolean;
  receivedAt: string;
}

export interface IncomingDetail extends IncomingItem {
  version: number;
  departmentName: string;
  fileId: string | null;
  suggestion: string | null;
  instruction: string | null;
  summary: string | null;
  reply: string | null;
  repliedAt: string | null;
  supervisionTaskId: string | null;
  units: { id: string; name: string; role: 'lead' | 'helper'; input: string | null; inputAt: string | null }[];
  steps: {
    at: string;
    action: string;
    fromState: string | null;
    toState: string;
    actorName: string;
    departmentId: string | null;
    departmentName: string | null;
    opinion: string | null;
    dueAt: string | null;
  }[];
  readers: { accountId: string; name: string; departmentId: string | null; sentAt: string; readAt: string | null }[];
  actions: string[];
}

export const STATE_COLOURS: Record<string, string> = {
  received: 'blue',
  signed: 'blue',
  registered: 'blue',
  reviewed: 'cyan',
  suggested: 'gold',
  instructed: 'purple',
  handling: 'purple',
  completed: 'green',
  returned: 'red',
};

/** A time as people in China read it, in the page's language. */
export const when = (iso: string, en: boolean, withTime = true) =>
  new Date(iso).toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}) });
