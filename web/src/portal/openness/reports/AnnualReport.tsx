import { Alert, Button, Card, Col, Empty, List, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, errorText } from '../../../api';
import { ReportDocument, usePick } from './ReportDocument';
import type { ReportPage, ReportView } from './types';

const day = (iso: string | null, en: boolean) => (iso ? new Date(iso).toLocaleDateString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) : '');

/**
 * 政府信息公开工作年度报告 (/openness/reports[/<year>]): the published years, and a year's report with
 * its tables, the chart of requests by outcome, its earlier editions and a CSV of the tables.
 */
export function AnnualReportPage(props: { sub: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const pick = usePick();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const year = /^\d{4}$/.test(props.sub) ? Number(props.sub) : null;
  const edition = search.get('edition');
  const years = useQuery({ queryKey: ['gkrpt-years'], queryFn: () => api<ReportPage>('/api/openness/reports?limit=50') });
  const shown = year ?? years.data?.items[0]?.year ?? null;
  const report = useQuery({
    queryKey: ['gkrpt-report', shown, edition],
    enabled: shown !== null,
    retry: false,
    queryFn: () => api<ReportView>(`/api/openness/reports/${shown}${edition ? `?edition=${encodeURIComponent(edition)}` : ''}`),
  });
  const r = report.data;
  useEffect(() => {
    document.title = `${r ? pick(r.title) : t('gkrpt.title')} · ${t('app.name')}`;
  }, [r, pick, t]);
  const notFound = report.error instanceof ApiError && (report.error.status === 404 || report.error.status === 400);
  return (
    <div className="yw-section">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {r ? pick(r.title) : t('gkrpt.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrpt.years')}</h2>}>
            {years.data && years.data.items.length > 0 ? (
              <List
                size="small"
                dataSource={years.data.items}
                renderItem={(y) => (
                  <List.Item>
                    <Link to={`/openness/reports/${y.year}`} aria-current={y.year === shown ? 'page' : undefined} style={{ fontWeight: y.year === shown ? 600 : 400 }}>
                      {t('gkrpt.yearLink', { year: y.year })}
                    </Link>
                  </List.Item>
                )}
              />
            ) : years.isLoading ? (
              <Skeleton active paragraph={{ rows: 3 }} />
            ) : (
              <Empty description={t('gkrpt.noneYet')} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={18}>
          {report.isLoading && shown !== null && <Skeleton active />}
          {notFound && <Alert type="info" showIcon message={t('gkrpt.notPublished', { year: shown })} />}
          {report.isError && !notFound && <Alert type="error" showIcon message={errorText(report.error, i18n.language)} />}
          {r && (
            <>
              <Space wrap style={{ marginBottom: 8 }}>
                <Typography.Text type="secondary">{t('gkrpt.publishedOn', { date: day(r.publishedAt, en), edition: r.edition })}</Typography.Text>
                <Button href={`/api/openness/reports/${r.year}/tables.csv?lang=${en ? 'en' : 'zh'}`} download data-testid="gkrpt-csv">
                  {t('gkrpt.csv')}
                </Button>
                {r.editions.length > 1 && (
                  <Select
                    aria-label={t('gkrpt.editions')}
                    style={{ minWidth: 200 }}
                    value={r.edition}
                    onChange={(v) => navigate(`/openness/reports/${r.year}${v === r.editions.find((e) => e.state === 'published')?.edition ? '' : `?edition=${v}`}`)}
                    options={r.editions.map((e) => ({
                      value: e.edition,
                      label: t(e.state === 'published' ? 'gkrpt.editionCurrent' : 'gkrpt.editionOld', { edition: e.edition, date: day(e.publishedAt, en) }),
                    }))}
                  />
                )}
              </Space>
              {r.state === 'superseded' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('gkrpt.superseded')} />}
              <ReportDocument report={r} />
            </>
          )}
        </Col>
      </Row>
    </div>
  );
}
