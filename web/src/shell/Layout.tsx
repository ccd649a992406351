import { Button, Layout, Switch, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import type { ShellContext } from './elderly';
import { can, signInUrl, useMe, useSignOut } from './session';
import { TabBar } from './TabBar';

type Props = ShellContext;

/**
 * The frame of every page. Desktop: a header with the navigation. Phone (≤ 768 px): one compact header
 * row (brand, 长辈模式, language, sign in/out) and, for residents and visitors, the bottom tab bar;
 * staff keep their own links in the header. Every page renders inside <main>.
 */
export function Shell({ elderly, onElderly }: Props) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const person = me?.type === 'person';
  const staff = me?.type === 'staff';
  const links = [
    { to: '/', label: t('portal.tab.home'), show: true },
    { to: '/services', label: t('svc.catalogue'), show: true },
    { to: '/applications', label: t('svc.mine'), show: person },
    { to: '/cases/new', label: t('cases.reportNew'), show: !me || person },
    { to: '/cases', label: t('cases.mine'), show: person },
    { to: '/licences', label: t('lic.wallet'), show: person },
    { to: '/messages', label: t('portal.messages.title'), show: person },
    { to: '/verify', label: t('lic.verifyTitle'), show: !me || person },
    { to: '/workbench', label: t('nav.workbench'), show: can(me, 'workbench.use') },
    { to: '/account', label: t('nav.account'), show: !!me },
    { to: '/admin', label: t('nav.admin'), show: can(me, 'org.read') },
    { to: '/screen', label: t('nav.screen'), show: can(me, 'screen.view') },
  ];
  return (
    <Layout className={staff ? 'yw-shell' : 'yw-shell yw-with-tabs'} style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('a11y.skip')}
      </a>
      <Layout.Header className="yw-header">
        <Link to="/" className="yw-brand">
          <span className="yw-brand-full">{t('app.full')}</span>
          {/* One of the two shows (styles.css), so the link is named by the one on screen. */}
          <span className="yw-brand-short">{t('app.name')}</span>
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
        <div className="yw-tools">
          <label className="yw-switch">
            <Switch size="small" checked={elderly} onChange={onElderly} aria-label={t('a11y.elderly')} />
            <span className="yw-switch-text">{t('a11y.elderly')}</span>
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
              <Button size="small" className="yw-register" onClick={() => navigate('/register')}>
                {t('nav.register')}
              </Button>
              <Button size="small" type="primary" href={signInUrl(location.pathname === '/signin' ? '/' : location.pathname)}>
                {t('nav.signin')}
              </Button>
            </>
          )}
        </div>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} className="yw-main">
        {/* Pages loaded on first visit show the header meanwhile. */}
        <Suspense fallback={null}>
          <Outlet context={{ elderly, onElderly } satisfies ShellContext} />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="yw-footer">
        <Typography.Text>
          {t('app.full')} · {t('app.region')}
        </Typography.Text>
      </Layout.Footer>
      {!staff && <TabBar me={me} />}
    </Layout>
  );
}
