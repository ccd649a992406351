import { Button, Layout, Space, Switch, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { can, signInUrl, useMe, useSignOut } from './session';

interface Props {
  elderly: boolean;
  onElderly(v: boolean): void;
}

/** Header with navigation, language and elderly-mode switches; every page renders inside <main>. */
export function Shell({ elderly, onElderly }: Props) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const links = [
    { to: '/', label: t('nav.portal'), show: true },
    { to: '/services', label: t('svc.catalogue'), show: true },
    { to: '/applications', label: t('svc.mine'), show: me?.type === 'person' },
    { to: '/cases/new', label: t('cases.reportNew'), show: !me || me.type === 'person' },
    { to: '/cases', label: t('cases.mine'), show: me?.type === 'person' },
    { to: '/licences', label: t('lic.wallet'), show: me?.type === 'person' },
    { to: '/verify', label: t('lic.verifyTitle'), show: !me || me.type === 'person' },
    { to: '/workbench', label: t('nav.workbench'), show: can(me, 'workbench.use') },
    { to: '/account', label: t('nav.account'), show: !!me },
    { to: '/admin', label: t('nav.admin'), show: can(me, 'org.read') },
    { to: '/screen', label: t('nav.screen'), show: can(me, 'screen.view') },
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('a11y.skip')}
      </a>
      <Layout.Header className="yw-header">
        <Link to="/" className="yw-brand">
          {t('app.full')}
        </Link>
        <nav aria-label={t('nav.main')} className="yw-nav">
          {links
            .filter((l) => l.show)
            .map((l) => (
              <NavLink key={l.to} to={l.to} end={l.to === '/'}>
                {l.label}
              </NavLink>
            ))}
        </nav>
        <Space wrap className="yw-tools">
          <label className="yw-switch">
            <Switch size="small" checked={elderly} onChange={onElderly} aria-label={t('a11y.elderly')} />
            <span>{t('a11y.elderly')}</span>
          </label>
          <Button size="small" onClick={() => i18n.changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')} aria-label={t('a11y.languageLabel')} lang={i18n.language === 'en' ? 'zh-CN' : 'en'}>
            {t('a11y.language')}
          </Button>
          {me ? (
            <>
              <span className="yw-who">{me.actingFor ? `${me.name} · ${me.actingFor.name}` : me.name}</span>
              <Button
                size="small"
                onClick={async () => {
                  await signOut();
                  navigate('/');
                }}
              >
                {t('nav.signout')}
              </Button>
            </>
          ) : (
            <>
              <Button size="small" onClick={() => navigate('/register')}>
                {t('nav.register')}
              </Button>
              <Button size="small" type="primary" href={signInUrl(location.pathname === '/signin' ? '/' : location.pathname)}>
                {t('nav.signin')}
              </Button>
            </>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} className="yw-main">
        {/* Pages loaded on first visit show the header meanwhile. */}
        <Suspense fallback={null}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="yw-footer">
        <Typography.Text>
          {t('app.full')} · {t('app.region')} (152201)
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
