import { Alert, Button, ConfigProvider, theme } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../api/client';
import { useMe } from '../shell/session';
import { useTitle } from '../shell/useTitle';
import { useFormat } from './format';
import { gridOf, useScreenPrefs, type PanelId } from './prefs';
import { ScreenSettings } from './ScreenSettings';
import { AlertsPanel, HotlinePanel, MapPanel, ServicesPanel, SharingPanel, type Summary } from './ScreenPanels';
import './screen.css';

const PANEL: Record<PanelId, (p: { s: Summary; style?: React.CSSProperties }) => ReactElement> = {
  services: ServicesPanel,
  hotline: HotlinePanel,
  map: MapPanel,
  sharing: SharingPanel,
  alerts: AlertsPanel,
};

/** Beijing time, ticking every second (its own component, so the panels do not redraw each second). */
function Clock() {
  const { t } = useTranslation();
  const { lang } = useFormat();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  const date = new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(now);
  const time = new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(now);
  return (
    <div className="scr-clock">
      <time className="scr-clock-time" dateTime={now.toISOString()}>
        {time}
      </time>
      <span className="scr-clock-date">
        {date} · {t('scr.beijingTime')}
      </span>
    </div>
  );
}

/**
 * 一屏统览: the leader's full-screen view of the region at 1920×1080 — 一网通办, 12345 with its map
 * heat, data sharing and licences, and alerts — from one summary call refetched in place. Outside
 * the portal shell; on a phone the panels stack into one list.
 */
export function ScreenHome() {
  const { t, i18n } = useTranslation();
  useTitle('scr.title');
  const f = useFormat();
  const { data: me } = useMe();
  const [prefs, setPrefs] = useScreenPrefs(me?.accountId);
  const [settings, setSettings] = useState(false);
  const summary = useQuery({
    queryKey: ['screen-summary'],
    queryFn: () => call(client.GET('/api/screen/summary')),
    refetchInterval: prefs.refreshSeconds * 1000,
    // A wall screen is often a background tab of a kiosk browser; keep it current regardless.
    refetchIntervalInBackground: true,
  });
  const visible = prefs.order.filter((p) => !prefs.hidden.includes(p));
  const grid = gridOf(visible);
  const s = summary.data;
  return (
    // Its own dark theme, not the portal's (whose dark greys are made for white pages).
    <ConfigProvider theme={{ inherit: false, algorithm: theme.darkAlgorithm, token: { colorPrimary: '#3aa0ff', colorBgElevated: '#13263f', colorText: '#e8f0fa', colorTextSecondary: '#b8c8dc' } }}>
      <div className="scr-root">
        <header className="scr-head">
          <h1 className="scr-title">
            <span className="scr-title-region">{t('scr.region')}</span>
            {t('scr.title')}
          </h1>
          <Clock />
          <div className="scr-tools">
            <span className="scr-updated" data-updated={summary.dataUpdatedAt || undefined}>
              {summary.isError && s ? t('scr.stale', { time: f.time(summary.dataUpdatedAt) }) : summary.dataUpdatedAt ? t('scr.updated', { time: f.time(summary.dataUpdatedAt) }) : t('scr.updating')}
            </span>
            <Button type="text" className="scr-tool" onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')} aria-label={t('a11y.languageLabel')}>
              {t('a11y.language')}
            </Button>
            <Button type="text" className="scr-tool" icon={<SettingOutlined />} onClick={() => setSettings(true)}>
              {t('scr.settings')}
            </Button>
          </div>
        </header>
        <main className="scr-grid" style={{ '--scr-cols': grid.cols, '--scr-rows': grid.rows } as React.CSSProperties}>
          {!s && summary.isError && <Alert type="error" showIcon message={t('common.error')} className="scr-error" />}
          {s && visible.length === 0 && <p className="scr-empty scr-none">{t('scr.noPanels')}</p>}
          {s &&
            visible.map((id) => {
              const Show = PANEL[id];
              return <Show key={id} s={s} style={id === 'map' && grid.mapRows === 2 ? { gridRow: 'span 2' } : undefined} />;
            })}
        </main>
        <ScreenSettings open={settings} onClose={() => setSettings(false)} prefs={prefs} onChange={setPrefs} />
      </div>
    </ConfigProvider>
  );
}
