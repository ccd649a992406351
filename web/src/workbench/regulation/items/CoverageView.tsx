import { Alert, Card, Col, Empty, List, Progress, Row, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useCompact } from '../../../shell/useCompact';
import type { Coverage, CoverageRow } from './types';

const MISSING_BG = '#fff1f0';

/**
 * 照单监管: every 行政许可 item of the catalogue with the 监管事项 that follow it. The count of
 * those without one leads the page and they are listed first, marked in red with a tag (not by
 * colour alone), so an administrator sees at once what is still to be written.
 */
export function CoverageView() {
  const { t } = useTranslation();
  const compact = useCompact();
  const [missingOnly, setMissingOnly] = useState(false);
  const cov = useQuery({ queryKey: ['regitem-coverage'], queryFn: () => api<Coverage>('/api/regulation/items/coverage') });
  const c = cov.data;
  const rows = (c?.items ?? []).filter((r) => !missingOnly || r.supervisionItems.length === 0);
  const percent = c && c.licensingItems ? Math.floor((c.covered / c.licensingItems) * 100) : 100;
  const missingTag = <Tag color="red">{t('regitem.cov.missingTag')}</Tag>;
  const followers = (r: CoverageRow) => (r.supervisionItems.length ? r.supervisionItems.map((s) => `${s.name}（${s.code}）`).join('；') : missingTag);
  if (cov.error) return <Alert type="error" showIcon message={String((cov.error as Error).message)} />;
  return (
    <>
      <Typography.Paragraph>{t('regitem.cov.lead')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('regitem.cov.licensingItems')} value={c?.licensingItems ?? '—'} loading={cov.isLoading} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('regitem.cov.covered')} value={c?.covered ?? '—'} loading={cov.isLoading} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small" data-testid="regitem-missing">
            <Statistic title={t('regitem.cov.missing')} value={c?.missing ?? '—'} loading={cov.isLoading} valueStyle={c?.missing ? { color: '#b3261e' } : undefined} />
          </Card>
        </Col>
      </Row>
      {c && (
        <Progress
          percent={percent}
          status={c.missing ? 'exception' : 'success'}
          aria-label={t('regitem.cov.progress', { p: percent })}
          format={() => t('regitem.cov.progress', { p: percent })}
          style={{ marginBottom: 12 }}
        />
      )}
      {c && c.missing === 0 && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t('regitem.cov.allCovered')} />}
      {c && c.staleLinks.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('regitem.cov.stale')} description={c.staleLinks.map((s) => `${s.itemCode} → ${s.licensingItemCode}`).join('；')} />
      )}
      <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <Switch checked={missingOnly} onChange={setMissingOnly} />
        {t('regitem.cov.missingOnly')}
      </label>
      {compact ? (
        <List
          loading={cov.isLoading}
          dataSource={rows}
          locale={{ emptyText: <Empty /> }}
          renderItem={(r) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card
                size="small"
                style={{ width: '100%', background: r.supervisionItems.length ? undefined : MISSING_BG }}
                data-testid="regitem-coverage-row"
                data-missing={r.supervisionItems.length === 0}
              >
                <Typography.Text strong>{r.name}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{r.code}</Typography.Text> · {r.departmentName}
                </div>
                <div style={{ overflowWrap: 'anywhere' }}>{followers(r)}</div>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<CoverageRow>
          rowKey="code"
          size="small"
          loading={cov.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(r) =>
            ({
              'data-testid': 'regitem-coverage-row',
              'data-missing': r.supervisionItems.length === 0,
              style: r.supervisionItems.length ? undefined : { background: MISSING_BG },
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('regitem.cov.licensingItems'), key: 'name', render: (_, r) => `${r.name}（${r.code}）` },
            { title: t('regitem.fields.department'), dataIndex: 'departmentName' },
            { title: t('regitem.cov.supervisionItems'), key: 'items', render: (_, r) => followers(r) },
          ]}
        />
      )}
    </>
  );
}
