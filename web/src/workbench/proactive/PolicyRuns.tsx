import { Alert, Button, Card, Empty, Segmented, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../api';
import { useProFormat } from '../../proactive/format';
import { countsOf, itemsOf, type Page, type PolicyView, type Reach, type RunCounts, type RunPerson, type RunView } from '../../proactive/types';
import { useAction } from '../../shell/useAction';
import { useChart } from '../../shell/useChart';
import { when } from '../../svc/labels';

echarts.use([BarChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const SERIES: { key: keyof RunCounts; color: string }[] = [
  { key: 'newlyEligible', color: '#0b4fa8' },
  { key: 'stopped', color: '#b3261e' },
  { key: 'declined', color: '#8a6d00' },
  { key: 'confirmed', color: '#5b3e96' },
  { key: 'paid', color: '#2e7d32' },
];
type ListKey = 'newlyEligible' | 'stopped' | 'declined' | 'confirmed' | 'paid';

/**
 * A policy's runs: the latest run's counts, every run's counts as a bar chart (oldest left), the
 * latest run's lists with masked names, and — for 政策找人 — the reach funnel.
 */
export function PolicyRuns({ policy, canRun }: { policy: PolicyView; canRun: boolean }) {
  const { t, i18n } = useTranslation();
  const f = useProFormat();
  const runs = useQuery({ queryKey: ['pro-runs', policy.id], queryFn: () => api<Page<RunView> | RunView[]>(`/api/proactive/policies/${policy.id}/runs?limit=30`).then(itemsOf) });
  // Newest first from the server; the chart reads left to right in time.
  const rows = useMemo(() => [...(runs.data ?? [])].sort((a, b) => String(b.startedAt ?? '').localeCompare(String(a.startedAt ?? ''))), [runs.data]);
  const [picked, setPicked] = useState<string | null>(null);
  const runId = picked ?? rows[0]?.id ?? null;
  const detail = useQuery({ queryKey: ['pro-run', runId], enabled: !!runId, queryFn: () => api<RunView>(`/api/proactive/runs/${runId}`) });
  const reach = useQuery({ queryKey: ['pro-reach', policy.id], enabled: policy.mode === 'application', queryFn: () => api<Reach>(`/api/proactive/policies/${policy.id}/reach`) });
  const run = useAction('pro-');
  const label = (r: RunView) => (r.startedAt ? when(r.startedAt, i18n.language) : (r.asOf ?? r.id.slice(0, 8)));

  const chartRef = useChart(
    useMemo(() => {
      if (!rows.length) return null;
      const ordered = [...rows].reverse();
      return {
        tooltip: { trigger: 'axis' },
        legend: { data: SERIES.map((s) => t(`pro.counts.${s.key}`)) },
        grid: { left: 48, right: 16, top: 48, bottom: 48 },
        xAxis: { type: 'category', data: ordered.map(label) },
        yAxis: { type: 'value', minInterval: 1 },
        series: SERIES.map((s) => ({ name: t(`pro.counts.${s.key}`), type: 'bar', data: ordered.map((r) => countsOf(r)[s.key]), itemStyle: { color: s.color } })),
      };
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [rows, t, i18n.language]),
  );
  const funnelRef = useChart(
    useMemo(() => {
      if (!reach.data) return null;
      const r = reach.data;
      return {
        tooltip: { trigger: 'item' },
        series: [
          {
            type: 'funnel',
            sort: 'none',
            left: '10%',
            width: '80%',
            label: { show: true, position: 'inside', formatter: '{b}: {c}' },
            data: (['matched', 'notified', 'applied', 'granted'] as const).map((k, i) => ({
              name: t(`pro.funnel.${k}`),
              value: r[k],
              itemStyle: { color: ['#0b4fa8', '#5b3e96', '#8a6d00', '#2e7d32'][i] },
            })),
          },
        ],
      };
    }, [reach.data, t]),
  );

  const current = detail.data ?? rows.find((r) => r.id === runId) ?? null;
  const counts = current ? countsOf(current) : null;
  const [list, setList] = useState<ListKey>('newlyEligible');
  const people: RunPerson[] = current?.lists?.[list] ?? [];

  return (
    <>
      {canRun && (
        <Button type="primary" style={{ marginBottom: 16 }} onClick={() => run(() => api(`/api/proactive/policies/${policy.id}/runs`, { method: 'POST', json: {} }), t('pro.ran'))}>
          {t('pro.runNow')}
        </Button>
      )}
      {runs.error && <Alert type="error" title={t('common.error')} />}
      {!runs.isLoading && !rows.length ? (
        <Empty description={t('pro.noRuns')} />
      ) : (
        <>
          {counts && current && (
            <section aria-labelledby="pro-run-counts">
              <h2 id="pro-run-counts" style={{ fontSize: '1.1em' }}>
                {t('pro.runAt')}：{label(current)}
              </h2>
              <ul className="yw-pro-funnel" data-testid="run-counts">
                {(['matched', ...SERIES.map((s) => s.key)] as (keyof RunCounts)[]).map((k) => (
                  <li key={k} data-count={k}>
                    <span>{t(`pro.counts.${k}`)}</span>
                    <strong>{counts[k]}</strong>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('pro.chart')}</h2>} style={{ marginTop: 16 }}>
            <div ref={chartRef} className="yw-chart" role="img" aria-label={t('pro.chart')} style={{ height: 300 }} />
            <Table<RunView>
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 'max-content' }}
              style={{ marginTop: 12 }}
              dataSource={rows}
              rowClassName={(r) => (r.id === runId ? 'ant-table-row-selected' : '')}
              columns={[
                {
                  title: t('pro.runAt'),
                  key: 'at',
                  render: (_, r) => (
                    <Button type="link" style={{ padding: 0 }} aria-pressed={r.id === runId} onClick={() => setPicked(r.id)}>
                      {label(r)}
                    </Button>
                  ),
                },
                ...(['matched', ...SERIES.map((s) => s.key)] as (keyof RunCounts)[]).map((k) => ({ title: t(`pro.counts.${k}`), key: k, render: (_: unknown, r: RunView) => countsOf(r)[k] })),
              ]}
            />
          </Card>
          <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('pro.lists')}</h2>} style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary">{t('pro.masked')}</Typography.Paragraph>
            <Segmented<ListKey>
              aria-label={t('pro.lists')}
              value={list}
              onChange={setList}
              options={SERIES.map((s) => ({ value: s.key as ListKey, label: t(`pro.counts.${s.key}`) }))}
              style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
            />
            <Table<RunPerson>
              size="small"
              rowKey={(p) => `${p.idMasked}-${p.name}`}
              loading={detail.isLoading}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              dataSource={people}
              columns={[
                { title: t('pro.person'), dataIndex: 'name' },
                { title: t('pro.idMasked'), dataIndex: 'idMasked' },
                { title: t('pro.amount'), key: 'amount', render: (_, p) => f.yuan(p.amountFen) },
              ]}
            />
          </Card>
        </>
      )}
      {policy.mode === 'application' && (
        <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('pro.reach')}</h2>} style={{ marginTop: 16 }}>
          {reach.data && (
            <ul className="yw-pro-funnel" data-testid="reach">
              {(['matched', 'notified', 'applied', 'granted'] as const).map((k) => (
                <li key={k}>
                  <span>{t(`pro.funnel.${k}`)}</span>
                  <strong>{reach.data[k]}</strong>
                </li>
              ))}
            </ul>
          )}
          <div ref={funnelRef} className="yw-chart" role="img" aria-label={t('pro.reach')} style={{ height: 260, marginTop: 12 }} />
        </Card>
      )}
    </>
  );
}
