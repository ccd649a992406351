import { Alert, Card, Space, Tag, Typography } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useChart } from '../../../shell/useChart';
import { STATE_COLOURS, type Label, type ReportTable, type ReportView } from './types';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const cellStyle: CSSProperties = { border: '1px solid #bfbfbf', padding: '4px 8px', verticalAlign: 'middle' };
const numStyle: CSSProperties = { ...cellStyle, textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };
const headStyle: CSSProperties = { ...cellStyle, background: '#f0f5ff', fontWeight: 600, textAlign: 'center' };

/** The label in the reader's language. */
export function usePick() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (l: Label) => (en ? l.en : l.zh);
}

/**
 * One table of the report as a real table: a caption, column headers with their groups
 * (法人或其他组织 over its five kinds), row headers, in a region that scrolls sideways on a phone and
 * takes the keyboard focus so it can be scrolled without a mouse.
 */
export function ReportTableView({ table, testId }: { table: ReportTable; testId?: string }) {
  const pick = usePick();
  const grouped = table.columns.some((c) => c.group);
  // Runs of consecutive columns under the same group (or none).
  const runs: { group: Label | null; cols: typeof table.columns }[] = [];
  for (const c of table.columns) {
    const last = runs.at(-1);
    if (last && last.group && c.group && last.group.zh === c.group.zh) last.cols.push(c);
    else runs.push({ group: c.group, cols: [c] });
  }
  const width = table.columns.length;
  return (
    <div role="region" aria-label={pick(table.caption)} tabIndex={0} style={{ overflowX: 'auto', marginBottom: 16 }} data-testid={testId ?? `gkrpt-table-${table.key}`}>
      <table style={{ borderCollapse: 'collapse', minWidth: width > 4 ? 720 : 360, width: '100%' }}>
        <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>{pick(table.caption)}</caption>
        <colgroup>
          <col />
          {runs.map((r, i) => (r.group ? <colgroup key={i} span={r.cols.length} /> : <col key={i} />))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" rowSpan={grouped ? 2 : 1} style={{ ...headStyle, textAlign: 'left', minWidth: 200 }}>
              {pick(table.rowHeader)}
            </th>
            {runs.map((r, i) =>
              r.group ? (
                <th key={i} scope="colgroup" colSpan={r.cols.length} style={headStyle}>
                  {pick(r.group)}
                </th>
              ) : (
                <th key={i} scope="col" rowSpan={grouped ? 2 : 1} style={headStyle}>
                  {pick(r.cols[0].label)}
                </th>
              ),
            )}
          </tr>
          {grouped && (
            <tr>
              {runs
                .filter((r) => r.group)
                .flatMap((r) => r.cols)
                .map((c) => (
                  <th key={c.key} scope="col" style={headStyle}>
                    {pick(c.label)}
                  </th>
                ))}
            </tr>
          )}
        </thead>
        <tbody>
          {table.rows.map((r) =>
            r.cells ? (
              <tr key={r.key} data-row={r.key}>
                <th scope="row" style={{ ...cellStyle, textAlign: 'left', fontWeight: r.level === 0 ? 600 : 400, paddingLeft: 8 + r.level * 16 }}>
                  {r.no && `${r.no} `}
                  {pick(r.label)}
                </th>
                {r.cells.map((n, i) => (
                  <td key={table.columns[i].key} style={numStyle}>
                    {n.toLocaleString()}
                  </td>
                ))}
              </tr>
            ) : (
              <tr key={r.key} data-row={r.key}>
                <th scope="rowgroup" colSpan={width + 1} style={{ ...cellStyle, textAlign: 'left', fontWeight: 600, background: '#fafafa', paddingLeft: 8 + r.level * 16 }}>
                  {r.no && `${r.no} `}
                  {pick(r.label)}
                </th>
              </tr>
            ),
          )}
        </tbody>
      </table>
      {table.note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {pick(table.note)}
        </Typography.Text>
      )}
    </div>
  );
}

/** Requests by outcome: the total of each answer type (its reasons summed), from part 三. */
export function outcomeTotals(table: ReportTable | undefined): { label: Label; count: number }[] {
  if (!table) return [];
  const total = table.columns.length - 1;
  const out: { key: string; label: Label; count: number }[] = [];
  for (const r of table.rows) {
    if (r.level !== 1 || r.key === 'answered') continue;
    out.push({ key: r.key, label: r.label, count: r.cells ? r.cells[total] : 0 });
  }
  for (const r of table.rows) {
    if (r.level !== 2 || !r.cells) continue;
    const type = out.find((o) => r.key.startsWith(`${o.key}.`));
    if (type) type.count += r.cells[total];
  }
  return out.map(({ label, count }) => ({ label: { zh: label.zh.replace(/（.*）$/, ''), en: label.en }, count }));
}

export function OutcomeChart({ table }: { table: ReportTable | undefined }) {
  const { t } = useTranslation();
  const pick = usePick();
  const data = useMemo(() => outcomeTotals(table), [table]);
  const total = data.reduce((a, d) => a + d.count, 0);
  const ref = useChart(
    useMemo(
      () =>
        data.length
          ? {
              tooltip: { trigger: 'axis' },
              grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', inverse: true, data: data.map((d) => pick(d.label)) },
              series: [{ type: 'bar', name: t('gkrpt.chart.requests'), data: data.map((d) => d.count), itemStyle: { color: '#1d5fa8' }, label: { show: true, position: 'right' } }],
            }
          : null,
      [data, pick, t],
    ),
  );
  const summary = data.map((d) => `${pick(d.label)} ${d.count}`).join('；');
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrpt.chart.title')}</h3>} style={{ marginBottom: 16 }}>
      <div ref={ref} className="yw-chart" role="img" aria-label={t('gkrpt.chart.label', { total, summary })} style={{ height: 240 }} />
    </Card>
  );
}

function Paragraphs({ text }: { text: string }) {
  const { t } = useTranslation();
  const parts = text.split(/\n+/).filter((p) => p.trim());
  if (!parts.length) return <Typography.Paragraph type="secondary">{t('gkrpt.none')}</Typography.Paragraph>;
  return (
    <>
      {parts.map((p, i) => (
        <Typography.Paragraph key={i} style={{ textIndent: '2em' }}>
          {p}
        </Typography.Paragraph>
      ))}
    </>
  );
}

function PartHeading({ level, children }: { level: 2 | 3 | 4; children: React.ReactNode }) {
  return (
    <Typography.Title level={level} style={{ fontSize: 18, marginTop: 24 }}>
      {children}
    </Typography.Title>
  );
}

const yuan = (n: number, en: boolean) => n.toLocaleString(en ? 'en' : 'zh-CN', { maximumFractionDigits: 0 });

/** The whole report: six parts, three with tables, the chart under part 三; `headingLevel` is the parts' level. */
export function ReportDocument({ report, headingLevel = 2 }: { report: ReportView; headingLevel?: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const byKey = (k: string) => report.tables.find((x) => x.key === k);
  const active = report.tables.filter((x) => x.key.startsWith('active-'));
  const fees = report.entered.processingFees;
  return (
    <article data-testid="gkrpt-document">
      {report.state !== 'published' && (
        <Space style={{ marginBottom: 8 }}>
          <Tag color={STATE_COLOURS[report.state]}>{t(`gkrpt.states.${report.state}`)}</Tag>
        </Space>
      )}
      {report.correctionReason && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('gkrpt.corrected', { edition: report.edition, reason: report.correctionReason })} />}
      <PartHeading level={headingLevel}>{t('gkrpt.parts.overview')}</PartHeading>
      <Paragraphs text={report.texts.overview} />
      <PartHeading level={headingLevel}>{t('gkrpt.parts.active')}</PartHeading>
      {active.map((x) => (
        <ReportTableView key={x.key} table={x} />
      ))}
      <PartHeading level={headingLevel}>{t('gkrpt.parts.requests')}</PartHeading>
      {byKey('requests') && <ReportTableView table={byKey('requests')!} />}
      <OutcomeChart table={byKey('requests')} />
      <PartHeading level={headingLevel}>{t('gkrpt.parts.reviews')}</PartHeading>
      {byKey('reviews') && <ReportTableView table={byKey('reviews')!} />}
      <PartHeading level={headingLevel}>{t('gkrpt.parts.problems')}</PartHeading>
      <Paragraphs text={report.texts.problems} />
      <PartHeading level={headingLevel}>{t('gkrpt.parts.other')}</PartHeading>
      <Typography.Paragraph style={{ textIndent: '2em' }}>{t('gkrpt.fees', { notices: fees.notices, amount: yuan(fees.collectedYuan, en) })}</Typography.Paragraph>
      <Paragraphs text={report.texts.other} />
      {report.explanation && (
        <>
          <Typography.Title level={(headingLevel + 1) as 3 | 4 | 5} style={{ fontSize: 16 }}>
            {t('gkrpt.explanation')}
          </Typography.Title>
          <Paragraphs text={report.explanation} />
        </>
      )}
    </article>
  );
}
