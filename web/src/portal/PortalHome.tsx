import { Card, Col, Input, List, Row, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useTitle } from '../shell/useTitle';
import type { Answer } from '../api/client';

type Region = Answer<'/api/org/regions'>[number];

/** Public portal home: what the platform offers and the streets and towns it serves. */
export function PortalHome() {
  const { t } = useTranslation();
  useTitle('portal.title');
  const regions = useQuery({ queryKey: ['regions', '152201'], queryFn: () => api<Region[]>('/api/org/regions?parent=152201') });
  const pillars = ['p1', 'p2', 'p3', 'p4'] as const;
  const navigate = useNavigate();
  return (
    <>
      <section className="yw-hero" aria-labelledby="portal-title">
        <h1 id="portal-title">{t('portal.title')}</h1>
        <p>{t('portal.lead')}</p>
        <search>
          <Input.Search
            size="large"
            maxLength={50}
            enterButton={t('portal.search')}
            placeholder={t('portal.searchPlaceholder')}
            aria-label={t('portal.search')}
            onSearch={(v) => navigate(v.trim() ? `/services?q=${encodeURIComponent(v.trim())}` : '/services')}
            style={{ maxWidth: 640 }}
          />
        </search>
      </section>
      <section aria-labelledby="pillars">
        <Typography.Title level={2} id="pillars">
          {t('portal.pillars')}
        </Typography.Title>
        <Row gutter={[16, 16]}>
          {pillars.map((p) => (
            <Col xs={24} sm={12} md={6} key={p}>
              <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t(`portal.${p}`)}</h3>}>{t(`portal.${p}d`)}</Card>
            </Col>
          ))}
        </Row>
      </section>
      <section aria-labelledby="streets" style={{ marginTop: 24 }}>
        <Typography.Title level={2} id="streets">
          {t('portal.regions')}
        </Typography.Title>
        <List
          loading={regions.isLoading}
          grid={{ gutter: 8, xs: 2, sm: 3, md: 4, lg: 6 }}
          dataSource={regions.data ?? []}
          renderItem={(r) => (
            <List.Item>
              <Tag>{r.name}</Tag>
            </List.Item>
          )}
        />
      </section>
    </>
  );
}
