export type MeetingState = 'draft' | 'notified' | 'minuted';

export interface MeetingSummary {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  state: MeetingState;
  organiserDepartmentId: string;
  replyDueAt: string;
  units: number;
  replied: number;
  attendees: number;
}

export interface MeetingView extends MeetingSummary {
  agenda: string;
  organiserName: string;
  replies: { departmentId: string; departmentName: string; reply: 'pending' | 'attending' | 'absent'; attendees: string[]; repliedAt: string | null }[];
  checkIns: { name: string; departmentId: string | null; at: string }[];
  minutes: string | null;
  decisions: { id: string; seq: number; text: string; leadDepartmentId: string; helperDepartmentIds: string[]; dueDate: string; taskId: string | null }[];
  can: { manage: boolean; reply: boolean; checkIn: boolean };
  checkedIn: boolean;
}

export interface Department {
  id: string;
  name: string;
  nameEn?: string | null;
}

/** 2026-03-10 09:00 in China time, whatever the browser's zone. */
export const cst = (iso: string, lang: string) =>
  new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
