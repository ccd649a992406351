import { Button, Empty, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { when } from '../../svc/labels';
import { useNoticeText, type Notice } from './inbox';

/** Notices as cards, unread marked in words and a bar; opening one marks it read (when `onRead` is given). */
export function NoticeCards({ rows, loading, compact, onRead }: { rows: Notice[]; loading?: boolean; compact?: boolean; onRead?(n: Notice): void }) {
  const { t, i18n } = useTranslation();
  const text = useNoticeText();
  if (loading) return <Spin aria-label={t('common.loading')} />;
  if (!rows.length) return <Empty description={t('portal.messages.empty')} />;
  return (
    <ul className="yw-card-list">
      {rows.map((n) => {
        const unread = !n.readAt;
        return (
          <li key={n.id} className={unread ? 'yw-card yw-unread' : 'yw-card'} data-unread={unread}>
            <div className="yw-card-title">
              {unread && <Tag color="red">{t('portal.messages.new')}</Tag>}
              {n.link ? (
                <Link to={n.link} onClick={() => unread && onRead?.(n)}>
                  {text(n.title)}
                </Link>
              ) : (
                text(n.title)
              )}
            </div>
            {!compact && <p style={{ margin: '6px 0 0' }}>{n.body}</p>}
            <div className="yw-card-meta">
              <span>{when(n.createdAt, i18n.language)}</span>
              {!unread && <span>{t('portal.messages.read')}</span>}
              {unread && onRead && (
                <Button size="small" onClick={() => onRead(n)}>
                  {t('portal.messages.markRead')}
                </Button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
