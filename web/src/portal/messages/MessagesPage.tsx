import { App, Button, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api';
import { useTitle } from '../../shell/useTitle';
import { NoticeCards } from './NoticeCards';
import { useInbox, type Notice } from './inbox';

/** 消息: the person's notices (受理, 补正, 准予许可, replies), unread first; each opens its application or case. */
export function MessagesPage() {
  const { t, i18n } = useTranslation();
  useTitle('portal.messages.title');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const inbox = useInbox(true, 100);
  const refresh = () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'inbox' });
  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
    } catch (err) {
      message.error(errorText(err, i18n.language));
    }
    await refresh();
  };
  const markRead = (n: Notice) => run(() => api(`/api/notifications/${n.id}/read`, { method: 'POST' }), t('portal.messages.marked'));
  const unread = (inbox.data ?? []).filter((n) => !n.readAt).length;
  return (
    <>
      <Typography.Title level={1}>{t('portal.messages.title')}</Typography.Title>
      <Typography.Paragraph>{t('portal.messages.lead')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('portal.unread', { n: unread })}</Typography.Text>
        <Button disabled={unread === 0} onClick={() => run(() => api('/api/notifications/read-all', { method: 'POST' }), t('portal.messages.readAllDone'))}>
          {t('portal.messages.readAll')}
        </Button>
      </Space>
      <NoticeCards rows={inbox.data ?? []} loading={inbox.isLoading} onRead={markRead} />
    </>
  );
}
