import { Alert, Card, Col, Row, Statistic } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../api';
import type { Overview } from '../../../portal/openness/reports/types';

/** The year so far for the 政务公开办: requests received, answered (on time / late), open and overdue, documents published. */
export function YearOverview({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const o = useQuery({ queryKey: ['gkrpt-overview', year], queryFn: () => api<Overview>(`/api/openness/report-overview?year=${year}`), retry: false });
  const d = o.data;
  const stat = (key: string, v: number | null | undefined, danger = false) => (
    <Col xs={12} sm={8} md={6} lg={3} key={key}>
      <Statistic title={t(`gkrpt.overview.${key}`)} value={v ?? '—'} valueStyle={danger && v ? { color: '#a8071a' } : undefined} />
    </Col>
  );
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('gkrpt.overview.title', { year })}</h3>} style={{ marginBottom: 16 }} data-testid="gkrpt-overview">
      {o.isError ? (
        <Alert type="warning" showIcon message={errorText(o.error, i18n.language)} />
      ) : (
        <Row gutter={[16, 16]}>
          {stat('received', d?.received)}
          {stat('carriedIn', d?.carriedIn)}
          {stat('answered', d?.answered)}
          {stat('answeredOnTime', d?.answeredOnTime)}
          {stat('answeredLate', d?.answeredLate, true)}
          {stat('open', d?.open)}
          {stat('overdue', d?.overdue, true)}
          {stat('published', d?.published)}
        </Row>
      )}
    </Card>
  );
}
