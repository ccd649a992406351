import { Alert, Button, Card, Descriptions, Popconfirm, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api';
import { CaseHistory } from '../../cases/CaseHistory';
import type { CaseDetail } from '../../cases/types';
import { useAction } from '../../shell/useAction';
import { useTitle } from '../../shell/useTitle';
import { when } from '../../svc/labels';

/** A resident's own case: where it is, who handles it, the answer, and the whole history. */
export function CaseStatus() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  useTitle('cases.mine');
  const act = useAction('case');
  const q = useQuery({ queryKey: ['case', id], queryFn: () => api<CaseDetail>(`/api/cases/${id}`) });
  const c = q.data;
  if (q.error) return <Alert type="error" title={String((q.error as Error).message)} />;
  if (!c) return null;
  const canWithdraw = c.actions.some((a) => a.code === 'withdraw');
  return (
    <>
      <Typography.Title level={1}>{t('cases.caseTitle', { number: c.number })}</Typography.Title>
      {c.duplicateOf && <Alert type="info" style={{ marginBottom: 12 }} title={t('cases.mergedInto')} />}
      <Card
        size="small"
        title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{c.title}</h2>}
        extra={<Tag color={c.open ? 'blue' : 'default'}>{i18n.language === 'en' ? c.stateLabel.en : c.stateLabel.zh}</Tag>}
      >
        <Typography.Paragraph>{c.content}</Typography.Paragraph>
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('cases.unit')}>{c.handlingDepartmentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cases.dueAt')}>{when(c.dueAt, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.address')}>{c.address ?? c.streetName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('cases.createdAt')}>{when(c.createdAt, i18n.language)}</Descriptions.Item>
          {(c.reply || c.answer) && (
            <Descriptions.Item label={t('cases.reply')} span={2}>
              {c.reply ?? c.answer}
            </Descriptions.Item>
          )}
        </Descriptions>
        {canWithdraw && (
          <Popconfirm
            title={t('cases.withdraw')}
            onConfirm={() => act(() => api(`/api/cases/${c.id}/actions`, { method: 'POST', json: { action: 'withdraw', expectedVersion: c.version } }), t('cases.done'))}
          >
            <Button danger style={{ marginTop: 12 }}>
              {t('cases.withdraw')}
            </Button>
          </Popconfirm>
        )}
      </Card>
      <Card size="small" style={{ marginTop: 12 }} title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.flow')}</h2>}>
        <CaseHistory rows={c.history} />
      </Card>
    </>
  );
}
