import { Card, Segmented, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../../api';
import { useChart } from '../../../shell/useChart';
import { CLASSES, CLASS_COLOURS, type Distribution } from './types';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type By = 'none' | 'region' | 'entityType';

/** 分类分布: entities per class (stacked by county or entity type), and the same figures as a table. */
export function Overview() {
  const { t } = useTranslation();
  const [by, setBy] = useState<By>('none');
  const dist = useQuery({
    queryKey: ['regcredit-distribution', by],
    queryFn: () => api<Distribution>(`/api/regulation/credit/distribution${by === 'none' ? '' : `?by=${by}`}`),
  });
  const d = dist.data;
  const label = (k: string | null) => k ?? t('regcredit.unknownGroup');
  const rows = useMemo(
    () => (d ? (by === 'none' ? [{ key: t('regcredit.allEntities'), counts: d.total }] : d.groups.map((g) => ({ key: label(g.key), counts: g.counts }))) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `label` follows `t`
    [d, by, t],
  );
  const total = d ? CLASSES.reduce((n, c) => n + d.total[c], 0) : 0;
  const chartLabel = t('regcredit.chartLabel', {
    total,
    ...Object.fromEntries(CLASSES.map((c) => [c, d?.total[c] ?? 0])),
  });
  const chartRef = useChart(
    useMemo(() => {
      if (!d) return null;
      return {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: rows.map((r) => r.key).reverse() },
        series: CLASSES.map((c) => ({ type: 'bar', stack: 'all', name: t(`regcredit.classes.${c}`), data: rows.map((r) => r.counts[c]).reverse(), itemStyle: { color: CLASS_COLOURS[c] } })),
      };
    }, [d, rows, t]),
  );
  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('regcredit.distribution')}</h2>}
      extra={
        <Segmented
          size="small"
          aria-label={t('regcredit.groupBy')}
          value={by}
          onChange={(v) => setBy(v as By)}
          options={(['none', 'region', 'entityType'] as By[]).map((v) => ({ value: v, label: t(`regcredit.by.${v}`) }))}
        />
      }
      style={{ marginBottom: 16 }}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        {CLASSES.map((c) => (
          <Tag key={c} color={CLASS_COLOURS[c]}>
            {t(`regcredit.classes.${c}`)}：{d?.total[c] ?? 0}
          </Tag>
        ))}
      </Space>
      <div ref={chartRef} className="yw-chart" role="img" aria-label={chartLabel} style={{ height: Math.max(160, 48 + rows.length * 36) }} />
      <Table
        rowKey="key"
        size="small"
        scroll={{ x: true }}
        pagination={false}
        loading={dist.isLoading}
        dataSource={rows}
        columns={[{ title: t(`regcredit.by.${by}`), dataIndex: 'key' }, ...CLASSES.map((c) => ({ title: c, key: c, render: (_: unknown, r: (typeof rows)[number]) => r.counts[c] }))]}
      />
    </Card>
  );
}
