import { Alert, Button, Card, Empty, Segmented, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../api';
import { ReasonList } from '../../proactive/ConditionsTable';
import { useProFormat } from '../../proactive/format';
import type { Page, PolicyView, Reach, RunDetail, RunPerson, RunView } from '../../proactive/types';
import { useAction } from '../../shell/useAction';
import { useChart } from '../../shell/useChart';
import { when } from '../../svc/labels';

echarts.use([BarChart, LineChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** What each run found, one bar each; how many were eligible in all, a line. */
const RUN_SERIES = [
  { key: 'newlyEligible', color: '#0b4fa8' },
  { key: 'stopped', color: '#b3261e' },
  { key: 'notified', color: '#5b3e96' },
] as const;
/** Where the policy's benefits stand now, beside the latest run. */
const STANDING = ['offered', 'confirmed', 'declined', 'paid'] as const;
type ListKey = 'newlyEligible' | 'stopped';

/**
 * A policy's runs: the chosen run's counts (newly eligible, stopped) and where its benefits stand
 * (declined, confirmed, paid), every run as a bar chart (oldest left) and a table, the run's lists
 * with masked names, and — for 政策找人 — the reach funnel (matched → notified → applied → granted).
 */
export function PolicyRuns({ policy, canRun }: { policy: PolicyView; canRun: boolean }) {
  const { t, i18n } = useTranslation();
  const f = useProFormat();
  const runs = useQuery({ queryKey: ['pro-runs', policy.id], queryFn: () => api<Page<RunView>>(`/api/proactive/policies/${policy.id}/runs?limit=30`) });
  const rows = useMemo(() => [...(runs.data?.items ?? [])].sort((a, b) => b.startedAt.localeCompare(a.startedAt)), [runs.data]);
  const [picked, setPicked] = useState<string | null>(null);
  const runId = picked ?? rows[0]?.id ?? null;
  const detail = useQuery({ queryKey: ['pro-run', runId], enabled: !!runId, queryFn: () => api<RunDetail>(`/api/proactive/runs/${runId}`) });
  const reach = useQuery({ queryKey: ['pro-reach', policy.id], enabled: policy.mode === 'application', queryFn: () => api<Reach>(`/api/proactive/policies/${policy.id}/reach`) });
  const run = useAction('pro-');
  const lang = i18n.language;

  const chartRef = useChart(
    useMemo(() => {
      if (!rows.length) return null;
      const ordered = [...rows].reverse();
      return {
        tooltip: { trigger: 'axis' },
        legend: { data: [...RUN_SERIES.map((s) => t(`pro.counts.${s.key}`)), t('pro.counts.matched')] },
        grid: { left: 48, right: 16, top: 48, bottom: 48 },
        xAxis: { type: 'category', data: ordered.map((r) => when(r.startedAt, lang)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          ...RUN_SERIES.map((s) => ({ name: t(`pro.counts.${s.key}`), type: 'bar', data: ordered.map((r) => r[s.key]), itemStyle: { color: s.color } })),
          { name: t('pro.counts.matched'), type: 'line', data: ordered.map((r) => r.matched), itemStyle: { color: '#2e7d32' } },
        ],
      };
    }, [rows, t, lang]),
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
            label: { show: true, position: 'inside', formatter: '{b}: {c}', color: '#fff' },
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

  const current = detail.data ?? null;
  const [list, setList] = useState<ListKey>('newlyEligible');
  const people: RunPerson[] = (list === 'stopped' ? current?.stoppedList : current?.newlyEligibleList) ?? [];
  const figures = current
    ? [
        ...(['matched', 'newlyEligible', 'stopped', 'notified'] as const).map((k) => ({ k, label: t(`pro.counts.${k}`), v: current[k] })),
        ...STANDING.map((k) => ({ k, label: t(`pro.counts.${k}`), v: current[k] })),
      ]
    : [];

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
          {current && (
            <section aria-labelledby="pro-run-counts">
              <h2 id="pro-run-counts" style={{ fontSize: '1.1em' }}>
                {t('pro.runOf', { at: when(current.startedAt, lang), asOf: current.asOf, n: current.population })}
              </h2>
              <ul className="yw-pro-funnel" data-testid="run-counts">
                {figures.map((x) => (
                  <li key={x.k} data-count={x.k}>
                    <span>{x.label}</span>
                    <strong>{x.v}</strong>
                  </li>
                ))}
              </ul>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('pro.standingNote')}
              </Typography.Paragraph>
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
              columns={[
                {
                  title: t('pro.runAt'),
                  key: 'at',
                  render: (_, r) => (
                    <Button type="link" style={{ padding: 0 }} aria-pressed={r.id === runId} onClick={() => setPicked(r.id)}>
                      {when(r.startedAt, lang)}
                    </Button>
                  ),
                },
                { title: t('pro.trigger'), key: 'trigger', render: (_, r) => t(`pro.triggers.${r.trigger}`, { defaultValue: r.trigger }) },
                { title: t('pro.population'), dataIndex: 'population' },
                ...(['matched', 'newlyEligible', 'stopped', 'notified'] as const).map((k) => ({ title: t(`pro.counts.${k}`), key: k, dataIndex: k })),
                { title: t('pro.duration'), key: 'ms', render: (_, r) => t('pro.ms', { n: r.durationMs }) },
              ]}
            />
          </Card>
          <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('pro.lists')}</h2>} style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary">{t('pro.masked')}</Typography.Paragraph>
            <Segmented<ListKey>
              aria-label={t('pro.lists')}
              value={list}
              onChange={setList}
              options={(['newlyEligible', 'stopped'] as const).map((k) => ({ value: k, label: `${t(`pro.counts.${k}`)} ${current?.[`${k}List`].length ?? 0}` }))}
              style={{ marginBottom: 12 }}
            />
            <Table<RunPerson>
              size="small"
              rowKey="benefitId"
              loading={detail.isLoading}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              dataSource={people}
              columns={[
                { title: t('pro.person'), dataIndex: 'name' },
                { title: t('pro.idMasked'), dataIndex: 'idMasked' },
                { title: t('pro.amount'), key: 'amount', render: (_, p) => f.yuan(p.amountFen) },
                { title: t('pro.status'), key: 'state', render: (_, p) => t(`pro.states.${p.state}`, { defaultValue: p.state }) },
                ...(list === 'stopped'
                  ? [{ title: t('pro.stopWhy'), key: 'why', render: (_: unknown, p: RunPerson) => (p.reason ? <ReasonList rows={p.reason.conditions.filter((c) => c.held !== true)} /> : '—') }]
                  : []),
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
