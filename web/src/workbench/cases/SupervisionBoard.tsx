import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CaseTable } from './CaseTable';
import { call, client } from '../../api/client';

const ORDER = ['registered', 'unsigned_late', 'overdue', 'due_soon', 'supervised', 'extensions', 'returns', 'open'] as const;

/** 督办看板: counts that need attention and the cases behind them. */
export function SupervisionBoard() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['case-board'], refetchInterval: 60_000, queryFn: () => call(client.GET('/api/cases/board')) });
  return (
    <>
      <Typography.Paragraph>{t('cases.boardLead')}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {ORDER.map((k) => (
          <Col key={k} xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t(`cases.counts.${k}`)}
                value={q.data?.counts[k] ?? 0}
                styles={{ content: { color: (k === 'overdue' || k === 'unsigned_late') && (q.data?.counts[k] ?? 0) > 0 ? '#b3261e' : undefined } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <div style={{ marginTop: 16 }}>
        <CaseTable rows={q.data?.cases ?? []} loading={q.isLoading} />
      </div>
    </>
  );
}
