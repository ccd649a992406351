import { Card, Empty, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, client } from '../../api/client';
import { useLocalName } from '../../shell/localName';
import { useTitle } from '../../shell/useTitle';
import { useMe } from '../../shell/session';

/** 一件事一次办: every bundle of the region, from the catalogue's life-event and business-event tiles. */
export function BundleList() {
  const { t } = useTranslation();
  const localName = useLocalName();
  useTitle('bun.title');
  const list = useQuery({ queryKey: ['bun-list'], queryFn: () => call(client.GET('/api/services/bundles')) });
  const { data: me } = useMe();
  const mine = useQuery({ queryKey: ['bun-mine'], queryFn: () => call(client.GET('/api/services/bundle-applications', { params: { query: { mine: true } } })), enabled: me?.type === 'person' });
  return (
    <>
      <Typography.Title level={1}>{t('bun.title')}</Typography.Title>
      <Typography.Paragraph>{t('bun.lead')}</Typography.Paragraph>
      <List
        aria-label={t('bun.listLabel')}
        loading={list.isLoading}
        locale={{ emptyText: <Empty description={t('bun.empty')} /> }}
        dataSource={list.data ?? []}
        renderItem={(b) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }}>
              <Link to={`/bundles/${b.id}`} style={{ fontSize: '1.15em', fontWeight: 600 }}>
                {localName(b)}
              </Link>
              <div style={{ marginTop: 4 }}>
                <Tag>{b.applicantType === 'enterprise' ? t('bun.forEnterprise') : t('bun.forPerson')}</Tag>
                <Tag color="blue">{t('bun.members', { n: b.members })}</Tag>
              </div>
            </Card>
          </List.Item>
        )}
      />
      {(mine.data?.items.length ?? 0) > 0 && (
        <section aria-labelledby="bun-mine">
          <Typography.Title level={2} id="bun-mine">
            {t('bun.mine')}
          </Typography.Title>
          <List
            dataSource={mine.data!.items}
            renderItem={(a) => (
              <List.Item>
                <Link to={`/bundle-applications/${a.id}`}>
                  {localName(a)} · {a.number}
                </Link>{' '}
                <Tag>{t(`bun.states.${a.state}`)}</Tag>
              </List.Item>
            )}
          />
        </section>
      )}
    </>
  );
}
