import { Empty, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { CheckPage } from './draws/CheckPage';
import { STATE_COLOURS, type PublicListItem } from './draws/types';

/** Published plans and the draw check page (/supervision/draws, /supervision/draws/<id>), no sign-in. */
export function PublicDraws({ sub }: { sub: string }) {
  if (sub) return <CheckPage id={sub} />;
  return <DrawList />;
}

function DrawList() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const list = useQuery({ queryKey: ['regdraw-public'], queryFn: () => api<{ items: PublicListItem[] }>('/api/regulation/public/draws?limit=100') });
  const items = list.data?.items ?? [];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('regdraw.publicTitle')}
      </Typography.Title>
      <Typography.Paragraph>{t('regdraw.publicIntro')}</Typography.Paragraph>
      {!list.isLoading && items.length === 0 && <Empty description={t('regdraw.empty')} />}
      <List
        aria-label={t('regdraw.publicTitle')}
        dataSource={items}
        loading={list.isLoading}
        renderItem={(x) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Link to={`/supervision/draws/${x.id}`} data-testid="regdraw-public-link">
                  {x.name}
                </Link>
              }
              description={
                <div style={{ overflowWrap: 'anywhere' }}>
                  <Tag color={STATE_COLOURS[x.state]}>{t(`regdraw.states.${x.state}`)}</Tag>
                  {x.number} · {en ? (x.lead.nameEn ?? x.lead.name) : x.lead.name}
                  {x.joint.length ? ` + ${x.joint.map((d) => (en ? (d.nameEn ?? d.name) : d.name)).join('、')}` : ''} · {t('regdraw.candidatesCount')} {x.candidatesCount ?? '—'}
                  {x.drawnAt
                    ? ` · ${t('regdraw.drawnAt')} ${new Date(x.drawnAt).toLocaleString()}`
                    : x.seedAvailableAt
                      ? ` · ${t('regdraw.seedAvailableAt')} ${new Date(x.seedAvailableAt).toLocaleString()}`
                      : ''}
                </div>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
