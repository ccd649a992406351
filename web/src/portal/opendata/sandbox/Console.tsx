import { Alert, Button, Card, Col, Flex, Form, Input, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api, errorText } from '../../../api';
import { signInUrl, useMe } from '../../../shell/session';
import { useChart } from '../../../shell/useChart';
import { useTitle } from '../../../shell/useTitle';
import { History } from './History';
import { FNS, OPS, type AccessList, type Condition, type Measure, type QueryResult, type ReleasedGroup } from './types';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface FilterDraft {
  item?: string;
  op: Condition['op'];
  value: string;
}

/** The sandbox (可用不可见): aggregate queries over approved items, results with small groups suppressed. */
export function SandboxPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  useTitle('odsbx.title');
  const me = useMe();
  const signedIn = !!me.data;
  const access = useQuery({ queryKey: ['odsbx-access'], queryFn: () => api<AccessList>('/api/opendata/sandbox/access'), enabled: signedIn });
  return (
    <article style={{ maxWidth: 1100 }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('odsbx.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('odsbx.intro')}</Typography.Paragraph>
      {me.isSuccess && !signedIn ? (
        <Alert
          type="info"
          showIcon
          message={t('odsbx.signIn')}
          action={
            <Button type="primary" href={signInUrl('/opendata/sandbox')}>
              {t('odsbx.signInAction')}
            </Button>
          }
        />
      ) : access.isError ? (
        <Alert type="error" showIcon message={errorText(access.error, localStorage.getItem('yw.lang') ?? 'zh-CN')} />
      ) : access.data && access.data.datasets.length === 0 ? (
        <Alert type="info" showIcon message={t('odsbx.noAccess')} action={<Link to="/opendata/datasets?openType=conditional">{t('odsbx.toApply')}</Link>} />
      ) : access.data ? (
        <>
          <Builder access={access.data} />
          <History />
        </>
      ) : null}
    </article>
  );
}

function Builder({ access }: { access: AccessList }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const qc = useQueryClient();
  const [datasetId, setDatasetId] = useState(access.datasets[0].datasetId);
  const [groupBy, setGroupBy] = useState<string[]>([]);
  const [measures, setMeasures] = useState<Measure[]>([]);
  const [filters, setFilters] = useState<FilterDraft[]>([]);
  const dataset = access.datasets.find((d) => d.datasetId === datasetId) ?? access.datasets[0];
  const items = dataset.items;
  const itemOptions = items.map((i) => ({ value: i.code, label: i.name }));
  const numericOptions = items.filter((i) => i.numeric).map((i) => ({ value: i.code, label: i.name }));
  const typeOf = (code: string | undefined) => items.find((i) => i.code === code);

  const run = useMutation({
    mutationFn: () =>
      api<QueryResult>('/api/opendata/sandbox/queries', {
        method: 'POST',
        json: {
          dataset: dataset.datasetId,
          groupBy,
          measures: measures.map((m) => (m.fn === 'count' ? { fn: 'count' } : m)),
          where: filters
            .filter((f) => f.item)
            .map((f) => {
              const numeric = typeOf(f.item)?.numeric;
              const one = (s: string) => (numeric && s.trim() !== '' && !Number.isNaN(Number(s)) ? Number(s) : s.trim());
              return {
                item: f.item!,
                op: f.op,
                value:
                  f.op === 'in'
                    ? f.value
                        .split(/[,，、]/)
                        .filter((s) => s.trim())
                        .map(one)
                    : one(f.value),
              };
            }),
        },
      }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['odsbx-access'] });
      void qc.invalidateQueries({ queryKey: ['odsbx-history'] });
    },
  });

  const reset = (id: string) => {
    setDatasetId(id);
    setGroupBy([]);
    setMeasures([]);
    setFilters([]);
    run.reset();
  };

  return (
    <>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('odsbx.builder')}</h2>} style={{ marginBottom: 16 }}>
        <Form layout="vertical" onFinish={() => run.mutate()}>
          <Form.Item label={t('odsbx.dataset')} htmlFor="odsbx-dataset">
            <Select id="odsbx-dataset" value={dataset.datasetId} onChange={reset} options={access.datasets.map((d) => ({ value: d.datasetId, label: en ? d.titleEn || d.title : d.title }))} />
          </Form.Item>
          <Space wrap size={[8, 4]} style={{ marginBottom: 12 }}>
            <Tag color="blue">{t('odsbx.until', { until: dataset.until.slice(0, 10) })}</Tag>
            <Tag>{dataset.rowRegion ? t('odsbx.rowRegion', { region: dataset.rowRegion }) : t('odsbx.allRows')}</Tag>
            <Tag>{t('odsbx.kRule', { k: access.k })}</Tag>
            <Tag data-testid="odsbx-budget">{t('odsbx.budget', { used: access.budget.used, limit: access.budget.limit })}</Tag>
          </Space>
          <Form.Item label={t('odsbx.groupBy')} htmlFor="odsbx-groupby">
            <Select id="odsbx-groupby" mode="multiple" maxCount={3} value={groupBy} onChange={setGroupBy} options={itemOptions} allowClear />
          </Form.Item>

          <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
            <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('odsbx.measures')}</legend>
            {measures.map((m, i) => (
              <Row key={i} gutter={[8, 8]} style={{ marginBottom: 8 }}>
                <Col xs={24} sm={8}>
                  <Select
                    aria-label={t('odsbx.fn')}
                    style={{ width: '100%' }}
                    value={m.fn}
                    onChange={(fn) => setMeasures(measures.map((x, j) => (j === i ? { fn, item: fn === 'count' ? undefined : x.item } : x)))}
                    options={FNS.map((fn) => ({ value: fn, label: t(`odsbx.fns.${fn}`) }))}
                  />
                </Col>
                <Col xs={18} sm={12}>
                  {m.fn !== 'count' && (
                    <Select
                      aria-label={t('odsbx.item')}
                      style={{ width: '100%' }}
                      value={m.item}
                      onChange={(item) => setMeasures(measures.map((x, j) => (j === i ? { ...x, item } : x)))}
                      options={numericOptions}
                    />
                  )}
                </Col>
                <Col xs={6} sm={4}>
                  <Button onClick={() => setMeasures(measures.filter((_, j) => j !== i))}>{t('odsbx.remove')}</Button>
                </Col>
              </Row>
            ))}
            <Button disabled={measures.length >= 5} onClick={() => setMeasures([...measures, { fn: numericOptions.length ? 'avg' : 'count', item: numericOptions[0]?.value }])}>
              {t('odsbx.addMeasure')}
            </Button>
          </fieldset>

          <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
            <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('odsbx.filters')}</legend>
            {filters.map((f, i) => (
              <Row key={i} gutter={[8, 8]} style={{ marginBottom: 8 }}>
                <Col xs={24} sm={8}>
                  <Select
                    aria-label={t('odsbx.item')}
                    style={{ width: '100%' }}
                    value={f.item}
                    onChange={(item) => setFilters(filters.map((x, j) => (j === i ? { ...x, item } : x)))}
                    options={itemOptions}
                  />
                </Col>
                <Col xs={10} sm={5}>
                  <Select
                    aria-label={t('odsbx.op')}
                    style={{ width: '100%' }}
                    value={f.op}
                    onChange={(op) => setFilters(filters.map((x, j) => (j === i ? { ...x, op } : x)))}
                    options={OPS.map((op) => ({ value: op, label: t(`odsbx.ops.${op}`) }))}
                  />
                </Col>
                <Col xs={14} sm={7}>
                  <Input
                    aria-label={t('odsbx.value')}
                    title={t('odsbx.valueHelp')}
                    value={f.value}
                    maxLength={200}
                    onChange={(e) => setFilters(filters.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
                  />
                </Col>
                <Col xs={24} sm={4}>
                  <Button onClick={() => setFilters(filters.filter((_, j) => j !== i))}>{t('odsbx.remove')}</Button>
                </Col>
              </Row>
            ))}
            <Button disabled={filters.length >= 5} onClick={() => setFilters([...filters, { item: items[0]?.code, op: 'eq', value: '' }])}>
              {t('odsbx.addFilter')}
            </Button>
          </fieldset>
          <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="odsbx-run">
            {run.isPending ? t('odsbx.running') : t('odsbx.run')}
          </Button>
        </Form>
      </Card>
      {run.isError && <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} message={errorText(run.error, i18n.language)} />}
      {run.data && <ResultView result={run.data} names={new Map(items.map((i) => [i.code, i.name]))} />}
    </>
  );
}

/** A cell of a suppressed group: 「<k 已抑制」 with the reason on hover, focus or tap. */
function Suppressed({ k, reason }: { k: number; reason: ReleasedGroup['reason'] }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={reason ? t(`odsbx.reasons.${reason}`, { k }) : undefined}>
      <Tag tabIndex={0} style={{ color: '#595959', borderStyle: 'dashed' }} data-testid="odsbx-suppressed">
        {t('odsbx.suppressedCell', { k })}
      </Tag>
    </Tooltip>
  );
}

export function ResultView({ result, names }: { result: QueryResult; names: Map<string, string> }) {
  const { t } = useTranslation();
  const keyText = (g: ReleasedGroup) =>
    result.groupBy.length ? result.groupBy.map((c) => (g.key[c] === null || g.key[c] === undefined ? t('odsbx.empty') : String(g.key[c]))).join(' · ') : t('odsbx.rows');
  const label = (m: Measure) => (m.fn === 'count' ? t('odsbx.fns.count') : `${t(`odsbx.fns.${m.fn}`)}（${names.get(m.item ?? '') ?? m.item}）`);
  const shown = result.groups.filter((g) => !g.suppressed);
  const chartRef = useChart(
    useMemo(
      () =>
        shown.length
          ? {
              tooltip: { trigger: 'axis' },
              grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', data: shown.map(keyText).reverse() },
              series: [{ type: 'bar', name: t('odsbx.rows'), data: shown.map((g) => g.count).reverse(), itemStyle: { color: '#1d5fa8' } }],
            }
          : null,
      // eslint-disable-next-line react-hooks/exhaustive-deps -- keyText follows the result and `t`
      [result, t],
    ),
  );
  const rows = result.groups.map((g, i) => ({ ...g, rowKey: i }));
  const reasons = [...new Set(result.groups.filter((g) => g.suppressed).map((g) => g.reason))];
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('odsbx.result')}</h2>} style={{ marginBottom: 16 }} data-testid="odsbx-result">
      {result.suppressedGroups > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('odsbx.suppressedNote', { n: result.suppressedGroups })}
          description={
            <Flex vertical gap={4}>
              {result.keysWithheld && <span>{t('odsbx.keysWithheld')}</span>}
              {reasons.map((r) => r && <span key={r}>{t(`odsbx.reasons.${r}`, { k: result.k })}</span>)}
            </Flex>
          }
        />
      )}
      {shown.length > 0 && <div ref={chartRef} className="yw-chart" role="img" aria-label={t('odsbx.chartLabel', { n: shown.length })} style={{ height: Math.max(160, 40 + shown.length * 30) }} />}
      <Table
        rowKey="rowKey"
        size="small"
        scroll={{ x: true }}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t('odsbx.noGroups') }}
        dataSource={rows}
        columns={[
          ...result.groupBy.map((c) => ({
            title: names.get(c) ?? c,
            key: `g-${c}`,
            render: (_: unknown, g: ReleasedGroup) => (g.key[c] === null || g.key[c] === undefined ? t('odsbx.empty') : String(g.key[c])),
          })),
          { title: t('odsbx.rows'), key: 'count', render: (_: unknown, g: ReleasedGroup) => (g.suppressed ? <Suppressed k={result.k} reason={g.reason} /> : g.count) },
          ...result.measures.map((m, i) => ({
            title: label(m),
            key: `m-${i}`,
            render: (_: unknown, g: ReleasedGroup) =>
              g.suppressed ? <Suppressed k={result.k} reason={g.reason} /> : g.values?.[i] === null || g.values?.[i] === undefined ? '—' : Number(g.values[i]!.toFixed(2)).toLocaleString(),
          })),
        ]}
      />
    </Card>
  );
}
