import { Button, Progress, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api';
import type { Answer } from '../../api/client';

export type QualityRun = Answer<'/api/data/quality/runs/{id}'>;

const isOpen = (r?: QualityRun) => r?.state === 'queued' || r?.state === 'running';

/**
 * 立即检查: queues a quality check of one resource (the server answers at once) and follows its run
 * every second until it is done or failed; the scores are then read again.
 */
export function QualityRunButton({ code, name }: { code: string; name: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => api<QualityRun>(`/api/data/quality/${encodeURIComponent(code)}/run`, { method: 'POST', json: {} }),
    onSuccess: (r) => setRunId(r.id),
  });
  const followed = useQuery({
    queryKey: ['data-quality-run', runId],
    queryFn: () => api<QualityRun>(`/api/data/quality/runs/${runId}`),
    enabled: !!runId,
    refetchInterval: (q) => (isOpen(q.state.data) ? 1000 : false),
  });
  const run = followed.data ?? start.data;
  useEffect(() => {
    if (run?.state === 'done') void queryClient.invalidateQueries({ queryKey: ['data-quality'] });
  }, [run?.state, queryClient]);

  const { done, total } = run?.progress ?? { done: 0, total: null };
  const percent = total ? Math.round((done / total) * 100) : 0;
  return (
    <Space direction="vertical" size={4} style={{ minWidth: 160 }}>
      <Button size="small" onClick={() => start.mutate()} loading={start.isPending} disabled={isOpen(run)} aria-label={t('data.runCheckOf', { name })}>
        {t('data.runCheck')}
      </Button>
      {run && (
        <div role="status" aria-live="polite">
          {isOpen(run) && <Progress percent={percent} size="small" status="active" aria-label={t('data.runCheckOf', { name })} />}
          <Typography.Text type={run.state === 'failed' ? 'danger' : undefined}>
            {t(`data.runStates.${run.state}`)}
            {run.state === 'running' && total ? ` · ${t('data.runProgress', { done, total })}` : ''}
          </Typography.Text>
        </div>
      )}
      {start.error && (
        <Typography.Text type="danger" role="alert">
          {errorText(start.error, i18n.language)}
        </Typography.Text>
      )}
    </Space>
  );
}
