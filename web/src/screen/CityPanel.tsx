import { Card, Col, Row, Statistic } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { CaseMap } from '../cases/CaseMap';
import { call, client } from '../api/client';

const SHOWN = ['open', 'overdue', 'due_soon', 'supervised'] as const;

/** 一网统管 on the command screen: open, overdue, due-soon and supervised cases, and where cases are. */
export function CityPanel() {
  const { t } = useTranslation();
  const board = useQuery({ queryKey: ['case-board'], refetchInterval: 60_000, queryFn: () => call(client.GET('/api/cases/board')) });
  const places = useQuery({ queryKey: ['case-places'], queryFn: () => api<{ heat: [number, number, number][] }>('/api/cases/stats/places') });
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.board')}</h2>} style={{ marginTop: 16 }}>
      <Row gutter={[16, 16]}>
        {SHOWN.map((k) => (
          <Col key={k} xs={12} md={6}>
            <Statistic title={t(`cases.counts.${k}`)} value={board.data?.counts[k] ?? 0} />
          </Col>
        ))}
      </Row>
      <div style={{ marginTop: 16 }}>
        <CaseMap heat={places.data?.heat ?? []} height={420} />
      </div>
    </Card>
  );
}
