import { Button, Card, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call, client } from '../../api/client';
import { useLocalName } from '../../shell/localName';
import { useTitle } from '../../shell/useTitle';
import { StepDiagram } from './StepDiagram';

/** A 一件事: what it bundles, the order the departments work in, and the way to apply once. */
export function BundlePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localName = useLocalName();
  useTitle('bun.title');
  const b = useQuery({ queryKey: ['bun', id], queryFn: () => call(client.GET('/api/services/bundles/{id}', { params: { path: { id } } })) });
  if (!b.data) return null;
  const d = b.data;
  return (
    <>
      <Typography.Title level={1}>{localName(d)}</Typography.Title>
      <Typography.Paragraph>{localName.pick(d.description, d.descriptionEn)}</Typography.Paragraph>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('bun.order')}</h2>} size="small" style={{ marginBottom: 16 }}>
        <StepDiagram members={d.memberItems} />
      </Card>
      <Link to={`/bundles/${d.id}/apply`}>
        <Button type="primary" size="large">
          {t('bun.apply')}
        </Button>
      </Link>
    </>
  );
}
