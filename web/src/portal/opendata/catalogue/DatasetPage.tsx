import { Alert, Card, Descriptions, Flex, Result, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../../api';
import { useLocalName } from '../../../shell/localName';
import { useCompact } from '../../../shell/useCompact';
import { useTitle } from '../../../shell/useTitle';
import { DatasetAccess } from '../access/DatasetAccess';
import { DatasetCommunity } from '../community/DatasetCommunity';
import { ApplyCard } from '../grants/ApplyCard';
import type { OpenDataset, OpenDatasetItem, Vocabularies } from '../types';
import { OpenDataNav } from './Nav';

/** One dataset: metadata, data items, and the sections of the other areas (downloads and API, apply, sandbox, ratings). */
export function DatasetPage({ name }: { name: string }) {
  const { t } = useTranslation();
  useTitle('odcat.title');
  const local = useLocalName();
  const compact = useCompact();
  const ds = useQuery({ queryKey: ['odcat-dataset', name], queryFn: () => api<OpenDataset>(`/api/opendata/datasets/${encodeURIComponent(name)}`), retry: false });
  const vocab = useQuery({ queryKey: ['odcat-vocab'], queryFn: () => api<Vocabularies>('/api/opendata/vocabularies'), staleTime: Infinity });
  const d = ds.data;
  if (ds.error)
    return (
      <>
        <OpenDataNav active="datasets" />
        <Result status={ds.error instanceof ApiError && ds.error.status === 404 ? '404' : 'warning'} title={t('odcat.notFound')} extra={<Link to="/opendata/datasets">{t('odcat.back')}</Link>} />
      </>
    );
  if (!d) return <OpenDataNav active="datasets" />;
  const theme = vocab.data?.themes.find((x) => x.code === d.theme);
  const licence = vocab.data?.licences.find((x) => x.code === d.licence);
  const date = (s: string | null) => (s ? new Date(s).toLocaleDateString() : t('odcat.unknown'));
  const frequency = t(`odcat.frequency.${d.frequency}`, { defaultValue: d.frequency });
  return (
    <>
      <OpenDataNav active="datasets" />
      <Link to="/opendata/datasets">{t('odcat.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>
        {local.pick(d.title, d.titleEn)}
      </Typography.Title>
      <Flex wrap gap={4} style={{ marginBottom: 8 }}>
        <Tag color={d.openType === 'open' ? 'blue' : 'purple'}>{t(`odcat.openType.${d.openType}`)}</Tag>
        {d.state !== 'published' && <Tag color="default">{t(`odcat.state.${d.state}`)}</Tag>}
        {d.tags.map((x) => (
          <Tag key={x}>{x}</Tag>
        ))}
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{local.pick(d.notes, d.notesEn)}</Typography.Paragraph>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Flex wrap gap={24}>
          <Statistic title={t('odcat.field.views')} value={d.counts.views} />
          <Statistic title={t('odcat.field.downloads')} value={d.counts.downloads} />
          <Statistic title={t('odcat.field.calls')} value={d.counts.calls} />
          <Statistic title={t('odcat.field.rating')} value={d.rating ? t('odcat.ratingValue', { average: d.rating.average.toFixed(1), count: d.rating.count }) : t('odcat.noRating')} />
        </Flex>
        <Descriptions bordered size="small" column={compact ? 1 : 2} data-testid="odcat-meta">
          <Descriptions.Item label={t('odcat.field.publisher')}>{local.pick(d.departmentName, d.departmentNameEn)}</Descriptions.Item>
          <Descriptions.Item label={t('odcat.field.theme')}>{theme ? local.pick(theme.name, theme.nameEn) : d.theme}</Descriptions.Item>
          <Descriptions.Item label={t('odcat.field.openType')}>{t(`odcat.openType.${d.openType}`)}</Descriptions.Item>
          {d.openBasis && <Descriptions.Item label={t('odcat.field.openBasis')}>{d.openBasis}</Descriptions.Item>}
          <Descriptions.Item label={t('odcat.field.licence')}>
            {licence ? (
              <a href={licence.url} target={licence.url.startsWith('http') ? '_blank' : undefined} rel="noreferrer">
                {local.pick(licence.name, licence.nameEn)}
              </a>
            ) : (
              d.licence
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('odcat.field.frequency')}>{frequency}</Descriptions.Item>
          <Descriptions.Item label={t('odcat.field.temporal')}>
            {d.temporalFrom || d.temporalTo ? t('odcat.temporalRange', { from: d.temporalFrom ?? '…', to: d.temporalTo ?? '…' }) : t('odcat.unknown')}
          </Descriptions.Item>
          <Descriptions.Item label={t('odcat.field.spatial')}>{d.spatial}</Descriptions.Item>
          <Descriptions.Item label={t('odcat.field.formats')}>{d.formats.join(' · ')}</Descriptions.Item>
          <Descriptions.Item label={t('odcat.field.rows')}>{d.rowCount === null ? t('odcat.unknown') : t('odcat.rowsCount', { count: d.rowCount })}</Descriptions.Item>
          <Descriptions.Item label={t('odcat.field.publishedAt')}>{date(d.publishedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('odcat.field.modifiedAt')}>{date(d.modifiedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('odcat.field.name')}>
            <code>{d.name}</code>
          </Descriptions.Item>
        </Descriptions>
        {d.openType === 'conditional' && <Alert type="info" showIcon message={t('odcat.conditionalNote')} />}
        <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('odcat.items')}</h2>}>
          <Table<OpenDatasetItem>
            rowKey="code"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={d.items}
            columns={[
              { title: t('odcat.itemCols.name'), dataIndex: 'name' },
              { title: t('odcat.itemCols.code'), dataIndex: 'code', render: (c: string) => <code>{c}</code> },
              { title: t('odcat.itemCols.description'), dataIndex: 'description', responsive: ['md'] },
              { title: t('odcat.itemCols.dataType'), dataIndex: 'dataType', render: (x: string) => t(`odcat.dataType.${x}`, { defaultValue: x }) },
              { title: t('odcat.itemCols.grade'), dataIndex: 'grade', render: (x: string) => t(`odcat.grade.${x}`, { defaultValue: x }), responsive: ['sm'] },
              { title: t('odcat.itemCols.published'), dataIndex: 'published', render: (x: boolean) => (x ? t('odcat.yes') : t('odcat.no')) },
            ]}
          />
        </Card>
        <DatasetAccess dataset={d} />
        {d.openType === 'conditional' && <ApplyCard dataset={d} />}
        <DatasetCommunity dataset={d} />
      </Space>
    </>
  );
}
