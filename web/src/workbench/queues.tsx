import { Badge, Card, Col, Empty, Row, Segmented, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { can, useMe } from '../shell/session';

/** One queue as the API counts it: a state from which this person may take a step. */
export interface Queue {
  state: string;
  zh: string;
  en: string;
  count: number;
  overdue: number;
}

/** One item's result of a bulk action. */
export interface BulkResult {
  results: { id: string; ok: boolean; code?: string; zh?: string; en?: string }[];
}

export const useServiceQueues = (enabled: boolean) => useQuery({ queryKey: ['svc-queues'], enabled, queryFn: () => api<Queue[]>('/api/services/queues'), refetchOnWindowFocus: true });
export const useCaseQueues = (enabled: boolean) => useQuery({ queryKey: ['case-queues'], enabled, queryFn: () => api<Queue[]>('/api/cases/queues'), refetchOnWindowFocus: true });

/** A queue's name: the job's word for it (待审查, 待回访) where the state's own name would not say it. */
export function useQueueName(kind: 'svc' | 'case') {
  const { t, i18n } = useTranslation();
  return (q: Pick<Queue, 'state' | 'zh' | 'en'>) => t(`queue.${kind}States.${q.state}`, { defaultValue: i18n.language === 'en' ? q.en : q.zh });
}

/** The queue tabs above a list: each queue with its count; the selected one is the list shown. */
export function QueueTabs({ kind, queues, value, onChange }: { kind: 'svc' | 'case'; queues: Queue[]; value: string | undefined; onChange: (s: string) => void }) {
  const name = useQueueName(kind);
  const { t } = useTranslation();
  if (!queues.length) return <Typography.Paragraph>{t('queue.none')}</Typography.Paragraph>;
  return (
    <Segmented
      value={value}
      onChange={(v) => onChange(String(v))}
      options={queues.map((q) => ({
        value: q.state,
        label: (
          <span>
            {name(q)} <Badge count={q.count} showZero color={q.overdue ? '#a8071a' : '#0958d9'} overflowCount={9999} />
          </span>
        ),
      }))}
    />
  );
}

/** Summarises a bulk action's results for a message: how many went through, and why the others did not. */
export function bulkSummary(r: BulkResult, lang: string, t: (k: string, o?: Record<string, unknown>) => string) {
  const ok = r.results.filter((x) => x.ok).length;
  const failed = r.results.filter((x) => !x.ok);
  if (!failed.length) return { ok: true, text: t('queue.bulkDone', { ok }) };
  const reasons = [...new Set(failed.map((x) => (lang === 'en' ? x.en : x.zh) ?? x.code ?? ''))].join('；');
  return { ok: false, text: t('queue.bulkFailed', { ok, failed: failed.length, reasons }) };
}

/** The workbench home's 我的待办: every queue this person works, with its count, one click from its list. */
export function MyQueues() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const svc = useServiceQueues(can(me, 'services.handle'));
  const cases = useCaseQueues(can(me, 'cases.view') || can(me, 'cases.handle'));
  const svcName = useQueueName('svc');
  const caseName = useQueueName('case');
  const tiles = [
    ...(svc.data ?? []).map((q) => ({ key: `s-${q.state}`, group: t('queue.services'), name: svcName(q), q, to: `/workbench/services?queue=${q.state}` })),
    ...(cases.data ?? []).map((q) => ({ key: `c-${q.state}`, group: t('queue.cases'), name: caseName(q), q, to: `/workbench/cases?queue=${q.state}` })),
  ];
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('queue.mine')}</h2>} style={{ marginTop: 16 }} loading={svc.isLoading || cases.isLoading}>
      {tiles.length === 0 ? (
        <Empty description={t('queue.none')} />
      ) : (
        <Row gutter={[12, 12]}>
          {tiles.map((x) => (
            <Col key={x.key} xs={12} sm={8} md={6} lg={4}>
              <Link to={x.to} aria-label={`${x.group} ${x.name} ${t('queue.count', { n: x.q.count })}`}>
                <Card size="small" hoverable>
                  <Statistic title={`${x.group} · ${x.name}`} value={x.q.count} />
                  {x.q.overdue > 0 && <Typography.Text style={{ color: '#a8071a' }}>{t('queue.overdueCount', { n: x.q.overdue })}</Typography.Text>}
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
