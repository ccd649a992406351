import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Answer } from '../../api/client';

export type Notice = Answer<'/api/notifications'>[number];

/** The person's notices, unread first (the API orders them). */
export function useInbox(enabled: boolean, limit = 50) {
  return useQuery({ queryKey: ['inbox', limit], enabled, queryFn: () => api<Notice[]>(`/api/notifications?limit=${limit}`) });
}

/** How many notices are unread: the 消息 tab's badge. */
export function useUnread(enabled: boolean) {
  return useQuery({ queryKey: ['inbox', 'unread'], enabled, queryFn: () => api<{ count: number }>('/api/notifications/unread-count'), staleTime: 30_000 });
}

/**
 * Notices are written once in both languages as "中文 / English" (e.g. "准予许可 / Grant"); the page
 * shows the half in its own language, and whole text when a notice has only one.
 */
export function useNoticeText() {
  const { i18n } = useTranslation();
  return (text: string) => {
    const parts = text.split(' / ');
    if (parts.length !== 2) return text;
    return i18n.language === 'en' ? parts[1] : parts[0];
  };
}
