import { Button, Card, Empty, Flex, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { useAction } from '../../../shell/useAction';
import { usePages } from '../../../shell/usePages';
import type { QueueComment } from '../../../portal/opendata/community/types';
import { ReasonModal } from './ReasonModal';

type State = QueueComment['state'];

/** 评论审核: pending comments oldest first (or published / hidden ones), each published, hidden with a reason, or replied to. */
export function CommentReview() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [state, setState] = useState<State>('pending');
  const [asking, setAsking] = useState<{ c: QueueComment; what: 'hide' | 'reply' } | null>(null);
  const act = useAction('odcom-');
  const params = { state, limit: 20 };
  const { list, rows } = usePages<QueueComment>(['odcom-queue', params], '/api/opendata/comments', params);
  const publish = (c: QueueComment) => act(() => api(`/api/opendata/comments/${c.id}/publish`, { method: 'POST', json: {} }), t('odcom.admin.published'));
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('odcom.admin.queueState')}
          style={{ width: 160 }}
          value={state}
          onChange={setState}
          options={(['pending', 'published', 'hidden'] as State[]).map((s) => ({ value: s, label: t(`odcom.admin.states.${s}`) }))}
        />
      </Space>
      <List
        loading={list.isLoading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('odcom.empty')} /> }}
        renderItem={(c) => (
          <List.Item data-testid="odcom-queue-item">
            <Card size="small" style={{ width: '100%' }}>
              <Flex gap={8} wrap align="center">
                {c.dataset && (
                  <Link to={`/opendata/datasets/${encodeURIComponent(c.dataset.name)}`} target="_blank">
                    {en && c.dataset.titleEn ? c.dataset.titleEn : c.dataset.title}
                  </Link>
                )}
                <Typography.Text type="secondary">
                  {c.authorName} · {new Date(c.createdAt).toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' })}
                </Typography.Text>
                {c.state === 'hidden' && <Tag>{t('odcom.dataset.hidden')}</Tag>}
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '8px 0' }}>{c.body}</Typography.Paragraph>
              {c.hiddenReason && <Typography.Paragraph type="secondary">{t('odcom.dataset.hiddenBecause', { reason: c.hiddenReason })}</Typography.Paragraph>}
              {c.reply && (
                <Typography.Paragraph>
                  {t('odcom.dataset.reply')}：{c.reply}
                </Typography.Paragraph>
              )}
              <Space wrap>
                {c.state !== 'published' && (
                  <Button type="primary" size="small" onClick={() => publish(c)}>
                    {t('odcom.admin.publish')}
                  </Button>
                )}
                {c.state !== 'hidden' && (
                  <Button size="small" danger onClick={() => setAsking({ c, what: 'hide' })}>
                    {t('odcom.admin.hide')}
                  </Button>
                )}
                <Button size="small" onClick={() => setAsking({ c, what: 'reply' })}>
                  {t('odcom.admin.reply')}
                </Button>
              </Space>
            </Card>
          </List.Item>
        )}
      />
      {list.hasNextPage && <Button onClick={() => list.fetchNextPage()}>{t('odcom.more')}</Button>}
      {asking && (
        <ReasonModal
          title={asking.what === 'hide' ? t('odcom.admin.hide') : t('odcom.admin.reply')}
          label={asking.what === 'hide' ? t('odcom.admin.hideReason') : t('odcom.admin.replyText')}
          max={asking.what === 'hide' ? 500 : 1000}
          onClose={() => setAsking(null)}
          onOk={(text) =>
            asking.what === 'hide'
              ? act(() => api(`/api/opendata/comments/${asking.c.id}/hide`, { method: 'POST', json: { reason: text } }), t('odcom.admin.hiddenOk'))
              : act(() => api(`/api/opendata/comments/${asking.c.id}/reply`, { method: 'POST', json: { reply: text } }), t('odcom.admin.replied'))
          }
        />
      )}
    </>
  );
}
