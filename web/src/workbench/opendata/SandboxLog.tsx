import { Alert, Button, Card, Col, Form, Input, Row, Select, Table, Tag, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api, ApiError, errorText } from '../../api';
import { useChart } from '../../shell/useChart';
import { useTitle } from '../../shell/useTitle';
import { STATUS_COLOURS } from '../../portal/opendata/sandbox/History';
import { queryText, type LogEntry, type LogPage } from '../../portal/opendata/sandbox/types';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The sandbox log of the provider's datasets: every query and the size of its result. */
export function SandboxLogPage({ sub }: { sub: string }) {
  const { t, i18n } = useTranslation();
  useTitle('odsbx.log.title');
  const [dataset, setDataset] = useState(sub || '');
  const [status, setStatus] = useState<'' | 'answered' | 'refused'>('');
  const [account, setAccount] = useState('');
  const params = new URLSearchParams();
  if (dataset) params.set('dataset', dataset);
  if (status) params.set('status', status);
  if (account.trim()) params.set('account', account.trim());
  const log = useInfiniteQuery({
    queryKey: ['odsbx-log', dataset, status, account.trim()],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<LogPage>(`/api/opendata/sandbox/log?limit=50&${params.toString()}${pageParam ? `&after=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.next ?? undefined,
    retry: false,
  });
  const rows = useMemo(() => log.data?.pages.flatMap((p) => p.items) ?? [], [log.data]);
  const perDay = useMemo(() => log.data?.pages[0]?.perDay ?? [], [log.data]);
  // Datasets seen in the log so far, to filter by (the log answers every dataset the caller may see).
  const datasets = useMemo(() => [...new Map(rows.map((r) => [r.datasetId, r.datasetName])).entries()], [rows]);
  const total = perDay.reduce((s, d) => s + d.answered + d.refused, 0);
  const refused = perDay.reduce((s, d) => s + d.refused, 0);
  const chartRef = useChart(
    useMemo(
      () =>
        perDay.length
          ? {
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
              xAxis: { type: 'category', data: perDay.map((d) => d.day.slice(5)) },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { type: 'bar', stack: 'q', name: t('odsbx.log.answered'), data: perDay.map((d) => d.answered), itemStyle: { color: '#1d5fa8' } },
                { type: 'bar', stack: 'q', name: t('odsbx.log.refused'), data: perDay.map((d) => d.refused), itemStyle: { color: '#a8071a' } },
              ],
            }
          : null,
      [perDay, t],
    ),
  );
  const forbidden = log.error instanceof ApiError && log.error.status === 403;
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('odsbx.log.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('odsbx.log.intro')}</Typography.Paragraph>
      {forbidden ? (
        <Alert type="info" showIcon message={t('odsbx.log.forbidden')} />
      ) : (
        <>
          {log.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorText(log.error, i18n.language)} />}
          <Form layout="vertical">
            <Row gutter={[12, 0]}>
              <Col xs={24} sm={8}>
                <Form.Item label={t('odsbx.log.dataset')} htmlFor="odsbx-log-dataset">
                  <Select
                    id="odsbx-log-dataset"
                    value={dataset}
                    onChange={setDataset}
                    options={[{ value: '', label: t('odsbx.log.allDatasets') }, ...datasets.map(([id, name]) => ({ value: id, label: name }))]}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item label={t('odsbx.log.status')} htmlFor="odsbx-log-status">
                  <Select
                    id="odsbx-log-status"
                    value={status}
                    onChange={setStatus}
                    options={[
                      { value: '', label: t('odsbx.log.allStatuses') },
                      { value: 'answered', label: t('odsbx.log.answered') },
                      { value: 'refused', label: t('odsbx.log.refused') },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item label={t('odsbx.log.who')} htmlFor="odsbx-log-account">
                  <Input id="odsbx-log-account" value={account} maxLength={100} onChange={(e) => setAccount(e.target.value)} allowClear />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('odsbx.log.perDay')}</h3>} style={{ marginBottom: 12 }}>
            <div ref={chartRef} className="yw-chart" role="img" aria-label={t('odsbx.log.chartLabel', { total, refused })} style={{ height: 200 }} />
          </Card>
          <Table
            rowKey="id"
            size="small"
            scroll={{ x: true }}
            pagination={false}
            loading={log.isLoading}
            dataSource={rows}
            data-testid="odsbx-log"
            columns={[
              { title: t('odsbx.at'), key: 'at', render: (_: unknown, e: LogEntry) => new Date(e.at).toLocaleString(i18n.language === 'en' ? 'en' : 'zh-CN') },
              { title: t('odsbx.log.who'), key: 'who', render: (_: unknown, e: LogEntry) => e.accountName },
              { title: t('odsbx.dataset'), dataIndex: 'datasetName' },
              { title: t('odsbx.query'), key: 'query', render: (_: unknown, e: LogEntry) => queryText(e.query, t) },
              {
                title: t('odsbx.status'),
                key: 'status',
                render: (_: unknown, e: LogEntry) => (
                  <>
                    <Tag color={STATUS_COLOURS[e.status]}>{t(`odsbx.statuses.${e.status}`)}</Tag>
                    {e.status === 'answered' ? t('odsbx.groups', { returned: e.groupsReturned, suppressed: e.groupsSuppressed }) : e.refusalCode}
                  </>
                ),
              },
            ]}
          />
          {log.hasNextPage && (
            <Button style={{ marginTop: 8 }} onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
              {t('odsbx.log.more')}
            </Button>
          )}
        </>
      )}
    </>
  );
}
