import { Alert, Card, Col, Row, Select, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api, errorText } from '../../../api';
import { useChart } from '../../../shell/useChart';
import { percent, type Figures } from './types';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const heading = (text: string) => <h3 style={{ margin: 0, fontSize: 'inherit' }}>{text}</h3>;

/** 监管效能 for leaders: coverage (and by credit class), problems found, overdue work, late publication, 告知承诺 and complaints. */
export function EffectFigures() {
  const { t, i18n } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const q = useQuery({ queryKey: ['regprof-figures', year], queryFn: () => api<Figures>(`/api/regulation/figures?year=${year}`) });
  const f = q.data;
  const classRef = useChart(
    useMemo(
      () =>
        f
          ? {
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
              xAxis: { type: 'category', data: f.coverage.byClass.map((c) => c.class) },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { type: 'bar', name: t('regprof.fig.objects'), data: f.coverage.byClass.map((c) => c.objects), itemStyle: { color: '#8c8c8c' } },
                { type: 'bar', name: t('regprof.fig.inspected'), data: f.coverage.byClass.map((c) => c.inspected ?? 0), itemStyle: { color: '#0b4fa8' } },
              ],
            }
          : null,
      [f, t],
    ),
  );
  const monthRef = useChart(
    useMemo(
      () =>
        f
          ? {
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
              xAxis: { type: 'category', data: f.months.map((m) => String(m.month)) },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { type: 'bar', name: t('regprof.fig.created'), data: f.months.map((m) => m.created), itemStyle: { color: '#ad6800' } },
                { type: 'line', name: t('regprof.fig.recorded'), data: f.months.map((m) => m.recorded), itemStyle: { color: '#237804' } },
              ],
            }
          : null,
      [f, t],
    ),
  );
  return (
    <>
      <Select
        aria-label={t('regprof.fig.year')}
        value={year}
        onChange={setYear}
        style={{ width: 120, marginBottom: 16 }}
        options={[0, 1, 2].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))}
      />
      {q.error && <Alert type="error" showIcon message={errorText(q.error, i18n.language)} />}
      {f && f.unavailable.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('regprof.fig.unavailable', { list: f.unavailable.join('、') })} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {(
          [
            ['coverage', percent(f?.coverage.rate ?? null), `${f?.coverage.inspected ?? 0} / ${f?.coverage.objects ?? 0}`],
            ['problems', percent(f?.problemsFound.rate ?? null), `${f?.problemsFound.numerator ?? 0} / ${f?.problemsFound.denominator ?? 0}`],
            ['overdue', String(f?.tasks.overdue ?? 0), `${t('regprof.fig.open')} ${f?.tasks.open ?? 0}`],
            ['publishedLate', String(f?.results.publishedLate ?? 0), `${t('regprof.fig.unpublished')} ${f?.results.unpublishedPastDeadline ?? 0}`],
            ['commitments', percent(f?.commitments.onTimeRate ?? null), `${f?.commitments.onTime ?? 0} / ${(f?.commitments.onTime ?? 0) + (f?.commitments.late ?? 0)}`],
            ['complaints', String(f?.complaints.linked ?? 0), `${t('regprof.fig.filed')} ${f?.filedForPenalty ?? 0}`],
          ] as const
        ).map(([key, value, note]) => (
          <Col key={key} xs={12} md={8} lg={4}>
            <Card size="small" loading={q.isLoading}>
              <Statistic title={t(`regprof.fig.${key}`)} value={value} />
              <div style={{ color: '#595959', fontSize: 12 }}>{note}</div>
            </Card>
          </Col>
        ))}
      </Row>
      {f && (
        <>
          <Card size="small" style={{ marginBottom: 16 }} title={heading(t('regprof.fig.commitments'))}>
            {t('regprof.fig.commitmentCounts', {
              n: f.commitments.underCommitment,
              onTime: f.commitments.onTime,
              late: f.commitments.late,
              open: f.commitments.open,
              overdue: f.commitments.overdue,
              without: f.commitments.withoutTask,
            })}
            <br />
            {t('regprof.fig.complaintCounts', { linked: f.complaints.linked, entities: f.complaints.entities, clues: f.complaints.clues })}
          </Card>
          <Card size="small" style={{ marginBottom: 16 }} title={heading(t('regprof.fig.byClass'))}>
            <div ref={classRef} className="yw-chart" role="img" aria-label={t('regprof.fig.byClassChart')} style={{ height: 240, width: '100%' }} />
            <Table
              rowKey="class"
              size="small"
              pagination={false}
              dataSource={f.coverage.byClass}
              columns={[
                { title: t('regprof.fig.class'), dataIndex: 'class' },
                { title: t('regprof.fig.objects'), dataIndex: 'objects' },
                { title: t('regprof.fig.inspected'), dataIndex: 'inspected', render: (v: number | null) => v ?? '—' },
                { title: t('regprof.fig.rate'), dataIndex: 'rate', render: (v: number | null) => percent(v) },
              ]}
            />
          </Card>
          <Card size="small" title={heading(t('regprof.fig.months'))}>
            <div ref={monthRef} className="yw-chart" role="img" aria-label={t('regprof.fig.monthsChart')} style={{ height: 240, width: '100%' }} />
          </Card>
        </>
      )}
    </>
  );
}
