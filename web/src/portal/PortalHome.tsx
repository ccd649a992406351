import { Button, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useElderly } from '../shell/elderly';
import { signInUrl, useMe } from '../shell/session';
import { useTitle } from '../shell/useTitle';
import type { Answer } from '../api/client';
import { ElderlyHome } from './home/ElderlyHome';
import { EventTiles } from './home/EventTiles';
import { HotServices } from './home/HotServices';
import { MyCorner } from './home/MyCorner';
import { MatchesSection } from './proactive/Matches';

type Region = Answer<'/api/org/regions'>[number];

/**
 * 首页, in the manner of the provincial apps: search, 热门服务, life and business events, and for a
 * signed-in resident their applications, reports and messages. In 长辈模式: search and a few large tiles.
 */
export function PortalHome() {
  const { t } = useTranslation();
  useTitle('portal.title');
  const { elderly } = useElderly();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const person = me?.type === 'person';
  return (
    <>
      <section className="yw-hero" aria-labelledby="portal-title">
        <h1 id="portal-title">{t('portal.title')}</h1>
        {!elderly && <p>{t('portal.lead')}</p>}
        <search>
          <Input.Search
            size="large"
            maxLength={50}
            enterButton={t('portal.searchButton')}
            placeholder={t('portal.searchPlaceholder')}
            aria-label={t('portal.search')}
            onSearch={(v) => navigate(v.trim() ? `/services?q=${encodeURIComponent(v.trim())}` : '/services')}
            style={{ maxWidth: 640 }}
          />
        </search>
      </section>
      {elderly ? (
        <ElderlyHome />
      ) : (
        <>
          <HotServices />
          {person && <MatchesSection />}
          {person ? (
            <MyCorner />
          ) : (
            !me && (
              <section className="yw-section" aria-label={t('portal.signInFor')}>
                <Typography.Paragraph>
                  {t('portal.signInFor')}{' '}
                  <Button type="primary" href={signInUrl('/')}>
                    {t('portal.signIn')}
                  </Button>
                </Typography.Paragraph>
              </section>
            )
          )}
          <EventTiles />
          <Pillars />
          <Streets />
        </>
      )}
    </>
  );
}

/** The platform's public services, each a way in. */
function Pillars() {
  const { t } = useTranslation();
  const pillars = [
    { key: 'p1', to: '/services' },
    { key: 'p2', to: '/cases/new' },
    { key: 'p3', to: '/verify' },
    { key: 'p4', to: '/licences' },
    { key: 'p5', to: '/policies' },
    { key: 'p6', to: '/opendata' },
    { key: 'p7', to: '/openness' },
  ] as const;
  return (
    <section className="yw-section" aria-labelledby="pillars">
      <div className="yw-section-head">
        <h2 id="pillars">{t('portal.pillars')}</h2>
      </div>
      <ul className="yw-pillars">
        {pillars.map((p) => (
          <li key={p.key}>
            <Link to={p.to}>
              <strong>{p.key === 'p5' ? t('pro.policyCards') : p.key === 'p6' ? t('od.title') : p.key === 'p7' ? t('gk.title') : t(`portal.${p.key}`)}</strong>
              {p.key === 'p5' ? t('pro.pillar') : p.key === 'p6' ? t('od.pillar') : p.key === 'p7' ? t('gk.pillar') : t(`portal.${p.key}d`)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Where the platform serves: one line of the city's streets and towns, not a list of things to press. */
function Streets() {
  const { t, i18n } = useTranslation();
  const regions = useQuery({ queryKey: ['regions', '152201'], queryFn: () => api<Region[]>('/api/org/regions?parent=152201') });
  if (!regions.data?.length) return null;
  return (
    <section className="yw-streets" aria-labelledby="streets">
      <h2 id="streets" style={{ fontSize: '1em', margin: 0 }}>
        {t('portal.regions')}
      </h2>
      <p style={{ margin: '4px 0 0' }}>{regions.data.map((r) => r.name).join(i18n.language === 'en' ? ', ' : '、')}</p>
    </section>
  );
}
