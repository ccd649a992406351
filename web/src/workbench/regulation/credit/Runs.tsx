import { Button, Card, List, Progress, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useAction } from '../../../shell/useAction';
import type { Run } from './types';

const OPEN = new Set(['queued', 'running']);
// Filled 'success' tags and a finished Progress's green figure fall short of AA contrast: plain colours instead.
const STATE_COLOURS = { queued: 'default', running: 'processing', done: 'green', failed: 'red' } as const;

/** The region's recent runs with live progress, and (regulation.manage) a button to classify again now. */
export function Runs({ manage }: { manage: boolean }) {
  const { t, i18n } = useTranslation();
  const act = useAction('regcredit');
  const runs = useQuery({
    queryKey: ['regcredit-runs'],
    queryFn: () => api<{ items: Run[] }>('/api/regulation/credit/runs'),
    // Poll while a run is open, so its progress moves on screen.
    refetchInterval: (q) => (q.state.data?.items.some((r) => OPEN.has(r.state)) ? 1500 : false),
  });
  const items = runs.data?.items ?? [];
  const open = items.some((r) => OPEN.has(r.state));
  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('regcredit.runs')}</h2>}
      extra={
        manage && (
          <Button type="primary" disabled={open} onClick={() => act(() => api('/api/regulation/credit/runs', { method: 'POST', json: {} }), t('regcredit.runQueued'))}>
            {t('regcredit.runNow')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <List
        size="small"
        loading={runs.isLoading}
        locale={{ emptyText: t('regcredit.noRuns') }}
        dataSource={items}
        renderItem={(r) => {
          const pct = r.progress.total ? Math.round((r.progress.done / r.progress.total) * 100) : r.state === 'done' ? 100 : 0;
          return (
            <List.Item>
              <Space direction="vertical" style={{ width: '100%' }} size={2}>
                <Space wrap>
                  <Tag color={STATE_COLOURS[r.state]}>{t(`regcredit.states.${r.state}`)}</Tag>
                  <span>{r.kind === 'monthly' ? t('regcredit.cause.monthly', { month: r.month }) : t('regcredit.cause.run')}</span>
                  <Typography.Text type="secondary">{new Date(r.queuedAt).toLocaleString(i18n.language)}</Typography.Text>
                </Space>
                {r.state !== 'failed' && (
                  <Progress
                    percent={pct}
                    status={r.state === 'done' ? 'normal' : 'active'}
                    size="small"
                    aria-label={t('regcredit.progress', { done: r.progress.done, total: r.progress.total ?? '…' })}
                    format={() => `${r.progress.done}/${r.progress.total ?? '…'}`}
                  />
                )}
                {r.state === 'done' && <Typography.Text type="secondary">{t('regcredit.runDone', { total: r.progress.total ?? 0, changed: r.changed })}</Typography.Text>}
                {r.failure && <Typography.Text type="danger">{r.failure}</Typography.Text>}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
