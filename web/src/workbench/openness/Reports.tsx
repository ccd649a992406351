import { Button, Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api';
import { usePick } from '../../portal/openness/reports/ReportDocument';
import { STATE_COLOURS, type ReportPage, type ReportSummary, type ReportView } from '../../portal/openness/reports/types';
import { useAction } from '../../shell/useAction';
import { useTitle } from '../../shell/useTitle';
import { ReportEditor } from './reports/Editor';
import { YearOverview } from './reports/Overview';

const thisYear = () => Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

/** 年度报告 for the 政务公开办: the year so far, every year's report, generate a draft; /workbench/openness/reports/<year> edits one. */
export function ReportsPage(props: { sub: string }) {
  useTitle('gkrpt.workbench');
  const year = /^\d{4}$/.test(props.sub) ? Number(props.sub) : null;
  return year ? <ReportEditor year={year} /> : <ReportList />;
}

function ReportList() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const pick = usePick();
  const navigate = useNavigate();
  const act = useAction('gkrpt-');
  const [year, setYear] = useState(thisYear() - 1);
  const list = useQuery({ queryKey: ['gkrpt-drafts'], queryFn: () => api<ReportPage>('/api/openness/report-drafts?limit=50') });
  const years = Array.from({ length: thisYear() - 2007 }, (_, i) => thisYear() - i);
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) : '—');
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {t('gkrpt.workbench')}
      </Typography.Title>
      <YearOverview year={thisYear()} />
      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrpt.generate.title')}</h3>} style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label={t('gkrpt.generate.year')} htmlFor="gkrpt-year">
            <Select id="gkrpt-year" style={{ width: 120 }} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} />
          </Form.Item>
          <Button
            type="primary"
            data-testid="gkrpt-generate"
            onClick={() =>
              void act(
                async () => {
                  const r = await api<ReportView>('/api/openness/report-drafts', { method: 'POST', json: { year } });
                  navigate(`/workbench/openness/reports/${r.year}`);
                },
                t('gkrpt.generate.done', { year }),
              )
            }
          >
            {t('gkrpt.generate.button')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('gkrpt.generate.hint')}
        </Typography.Paragraph>
      </Card>
      <Table<ReportSummary>
        rowKey={(r) => `${r.year}-${r.edition}`}
        size="small"
        scroll={{ x: true }}
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid="gkrpt-list"
        columns={[
          { title: t('gkrpt.fields.year'), key: 'year', render: (_: unknown, r) => <Link to={`/workbench/openness/reports/${r.year}`}>{pick(r.title)}</Link> },
          {
            title: t('gkrpt.fields.state'),
            key: 'state',
            render: (_: unknown, r) => (
              <Space>
                <Tag color={STATE_COLOURS[r.state]}>{t(`gkrpt.states.${r.state}`)}</Tag>
                {r.edition > 1 && t('gkrpt.editionN', { edition: r.edition })}
              </Space>
            ),
          },
          { title: t('gkrpt.fields.checks'), key: 'checks', render: (_: unknown, r) => (r.checks ? <Tag color="red">{t('gkrpt.checksN', { n: r.checks })}</Tag> : t('gkrpt.checksOk')) },
          { title: t('gkrpt.fields.publishedAt'), key: 'publishedAt', render: (_: unknown, r) => day(r.publishedAt) },
          { title: t('gkrpt.fields.updatedAt'), key: 'updatedAt', render: (_: unknown, r) => day(r.updatedAt) },
        ]}
      />
    </>
  );
}
