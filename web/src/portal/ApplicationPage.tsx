import { Alert, Button, Card, Descriptions, Popconfirm, Result, Space, Steps, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api';
import { History } from '../svc/History';
import { FormCard } from '../svc/FormCard';
import { TimeTag, useLabel, when } from '../svc/labels';
import type { ApplicationDetail } from '../svc/types';
import { useAction } from '../shell/useAction';
import { useTitle } from '../shell/useTitle';
import { EvaluationCard } from './EvaluationCard';
import { SupplementCard } from './SupplementCard';
import { InstantCard } from '../svc/InstantCard';

const STAGES = ['submit', 'accept', 'decide', 'complete', 'deliver'] as const;

/** Where an application stands, as a step bar and a full history; withdraw, correct, download, rate. */
export function ApplicationPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  useTitle('svc.progress');
  const label = useLabel();
  const act = useAction('svc-app');
  const q = useQuery({ queryKey: ['svc-app', id], queryFn: () => api<ApplicationDetail>(`/api/services/applications/${id}`) });
  const a = q.data;
  if (q.error) return <Alert type="error" title={String((q.error as Error).message)} />;
  if (!a) return null;
  const done = new Set(a.history.map((h) => h.action));
  const stage = a.state === 'delivered' ? 4 : a.outcome ? 3 : done.has('pass_review') ? 2 : done.has('accept') ? 1 : 0;
  const ended = a.timeStatus === 'done' && !a.outcome;
  const can = (code: string) => a.actions.some((x) => x.code === code);
  return (
    <>
      <Typography.Title level={1}>{a.itemName}</Typography.Title>
      <Steps
        current={stage}
        status={ended ? 'error' : a.timeStatus === 'overdue' ? 'error' : undefined}
        responsive
        items={STAGES.map((s) => ({ title: t(`svc.stage.${s}`) }))}
        style={{ marginBottom: 24 }}
      />
      <Descriptions bordered column={{ xs: 1, sm: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('svc.number')}>{a.number}</Descriptions.Item>
        <Descriptions.Item label={t('svc.state')}>
          <strong>{label(a.stateName)}</strong> <TimeTag status={a.timeStatus} />
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.department')}>{a.departmentName}</Descriptions.Item>
        <Descriptions.Item label={t('svc.submittedAt')}>{when(a.submittedAt, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('svc.dueAt')}>{when(a.dueAt, i18n.language)}</Descriptions.Item>
        {a.outcome && <Descriptions.Item label={t('svc.result')}>{t(`svc.outcome.${a.outcome}`)}</Descriptions.Item>}
      </Descriptions>
      <InstantCard app={a} />
      {a.resultFileId && (
        <Result
          status={a.outcome === 'approved' ? 'success' : 'warning'}
          title={t(`svc.outcome.${a.outcome}`)}
          subTitle={t('res.decisionHint')}
          extra={
            <Space wrap>
              <Button type="primary" href={`/api/services/applications/${a.id}/decision`} download>
                {t('res.downloadDecision')}
              </Button>
              {/* An English copy only when asked: made and sealed on the first request. */}
              <Button href={`/api/services/applications/${a.id}/decision?lang=en`} download>
                {t('res.downloadDecisionEn')}
              </Button>
            </Space>
          }
        />
      )}
      {(can('supplement') || can('resupply')) && <SupplementCard app={a} action={can('supplement') ? 'supplement' : 'resupply'} />}
      {a.outcome && <EvaluationCard app={a} />}
      <FormCard app={a} />
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.history')}</h2>} size="small" style={{ marginTop: 16 }}>
        <History rows={a.history} />
      </Card>
      {can('withdraw') && (
        <Space style={{ marginTop: 16 }}>
          <Popconfirm
            title={t('svc.confirmWithdraw')}
            onConfirm={() => act(() => api(`/api/services/applications/${a.id}/actions`, { method: 'POST', json: { action: 'withdraw', expectedVersion: a.version } }), t('svc.withdrawn'))}
          >
            <Button danger>{t('svc.withdraw')}</Button>
          </Popconfirm>
        </Space>
      )}
    </>
  );
}
