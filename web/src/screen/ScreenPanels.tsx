import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../api/client';
import { CaseMap } from '../cases/CaseMap';
import { useFormat } from './format';
import { Kpi, Panel } from './Panel';
import { INK, ScreenChart, baseOption } from './ScreenChart';

export type Summary = Answer<'/api/screen/summary'>;
type Props = { s: Summary; style?: React.CSSProperties };

const axisStyle = { axisLabel: { color: INK.muted }, axisLine: { lineStyle: { color: INK.line } }, splitLine: { lineStyle: { color: INK.line } } };

type Line = { name: string; data: number[] | undefined };

/** A line chart of one or two series over the summary's days (the first one shaded). */
function useTrend(s: Summary, a: Line, b?: Line) {
  const f = useFormat();
  const aName = a.name;
  const aData = a.data;
  const bName = b?.name;
  const bData = b?.data;
  return useMemo(() => {
    const lines = [{ name: aName, data: aData }, ...(bName ? [{ name: bName, data: bData }] : [])];
    return {
      ...baseOption(),
      xAxis: { type: 'category', data: s.days.map(f.day), boundaryGap: false, ...axisStyle, splitLine: { show: false } },
      yAxis: { type: 'value', minInterval: 1, ...axisStyle },
      series: lines.map((x, i) => ({
        name: x.name,
        type: 'line',
        smooth: true,
        showSymbol: false,
        data: x.data ?? [],
        lineStyle: { width: 2, color: INK.series[i] },
        itemStyle: { color: INK.series[i] },
        areaStyle: i === 0 ? { opacity: 0.12, color: INK.series[i] } : undefined,
      })),
    };
  }, [s.days, f, aName, aData, bName, bData]);
}

function Denied({ id, title, style }: { id: string; title: string; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  return (
    <Panel id={id} title={title} style={style}>
      <p className="scr-empty">{t('scr.notAllowed')}</p>
    </Panel>
  );
}

export function ServicesPanel({ s, style }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const v = s.services;
  const option = useTrend(s, { name: t('scr.services.received'), data: v?.trend }, { name: t('scr.services.online'), data: v?.trendOnline });
  if (!v) return <Denied id="services" title={t('scr.panels.services')} style={style} />;
  return (
    <Panel id="services" title={t('scr.panels.services')} style={style}>
      <div className="scr-kpis">
        <Kpi label={t('scr.services.today')} value={f.n(v.today)} />
        <Kpi label={t('scr.services.onlineShare')} value={f.pct(v.onlineShare ?? v.periodOnlineShare)} />
        <Kpi label={t('scr.services.onTime')} value={f.pct(v.onTimeRate)} />
        <Kpi label={t('scr.services.good')} value={f.pct(v.goodShare)} note={t('scr.services.bad', { value: f.pct(v.badShare) })} />
      </div>
      <ScreenChart option={option} label={t('scr.services.trend', { days: s.days.length })} />
    </Panel>
  );
}

export function HotlinePanel({ s, style }: Props) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const v = s.hotline;
  const trend = useTrend(s, { name: t('scr.hotline.cases'), data: v?.trend });
  const hot = useMemo(() => {
    const rows = [...(v?.hot ?? [])].reverse();
    return {
      ...baseOption(),
      tooltip: { trigger: 'item' },
      legend: { show: false },
      grid: { left: 4, right: 28, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        data: rows.map((r) => (i18n.language === 'en' && r.nameEn ? r.nameEn : r.name)),
        axisLabel: { color: INK.text },
        axisLine: { show: false },
        axisTick: { show: false },
      },
      series: [{ type: 'bar', data: rows.map((r) => r.count), barMaxWidth: 14, itemStyle: { color: INK.series[1], borderRadius: 3 }, label: { show: true, position: 'right', color: INK.text } }],
    };
  }, [v, i18n.language]);
  if (!v) return <Denied id="hotline" title={t('scr.panels.hotline')} style={style} />;
  return (
    <Panel id="hotline" title={t('scr.panels.hotline')} style={style}>
      <div className="scr-kpis">
        <Kpi label={t('scr.hotline.today')} value={f.n(v.today)} />
        <Kpi label={t('scr.hotline.onTime')} value={f.pct(v.onTimeRate)} />
        <Kpi label={t('scr.hotline.satisfaction')} value={f.pct(v.satisfaction)} />
        <Kpi label={t('scr.hotline.open')} value={f.n(v.open)} />
      </div>
      <div className="scr-split">
        <div className="scr-split-part">
          <h3 className="scr-sub">{t('scr.hotline.hot')}</h3>
          {v.hot.length ? <ScreenChart option={hot} label={t('scr.hotline.hot')} /> : <p className="scr-empty">{t('scr.noData')}</p>}
        </div>
        <div className="scr-split-part">
          <h3 className="scr-sub">{t('scr.hotline.trend', { days: s.days.length })}</h3>
          <ScreenChart option={trend} label={t('scr.hotline.trend', { days: s.days.length })} />
        </div>
      </div>
    </Panel>
  );
}

/** The heat of case locations on the region's streets (CaseMap as it is, sized to its cell). */
export function MapPanel({ s, style }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const box = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    if (!box.current) return;
    // The map is drawn at a fixed height; it is drawn again only when the cell changes noticeably.
    const ro = new ResizeObserver(([e]) => setHeight((h) => (Math.abs(e.contentRect.height - h) > 24 ? Math.floor(e.contentRect.height) : h)));
    ro.observe(box.current);
    return () => ro.disconnect();
  }, []);
  const v = s.hotline;
  if (!v) return <Denied id="map" title={t('scr.panels.map')} style={style} />;
  const located = v.heat.reduce((sum, h) => sum + (h[2] ?? 0), 0);
  return (
    <Panel id="map" title={t('scr.panels.map')} style={style}>
      <div className="scr-kpis">
        <Kpi label={t('scr.map.total', { days: s.days.length })} value={f.n(located)} />
      </div>
      <div ref={box} className="scr-map" aria-label={t('scr.map.label', { days: s.days.length })} role="group">
        {height > 0 && <CaseMap key={height} heat={v.heat as [number, number, number][]} height={height} />}
      </div>
    </Panel>
  );
}

export function SharingPanel({ s, style }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const option = useTrend(s, { name: t('scr.sharing.callsSeries'), data: s.sharing?.trend }, { name: t('scr.sharing.issuedSeries'), data: s.licences?.trend });
  if (!s.sharing && !s.licences) return <Denied id="sharing" title={t('scr.panels.sharing')} style={style} />;
  return (
    <Panel id="sharing" title={t('scr.panels.sharing')} style={style}>
      <div className="scr-kpis">
        <Kpi label={t('scr.sharing.calls')} value={f.n(s.sharing?.today)} />
        <Kpi label={t('scr.sharing.licencesToday')} value={f.n(s.licences?.today)} />
        <Kpi label={t('scr.sharing.valid')} value={f.n(s.licences?.valid)} />
      </div>
      <ScreenChart option={option} label={t('scr.sharing.trend', { days: s.days.length })} />
    </Panel>
  );
}

export function AlertsPanel({ s, style }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: { key: string; label: string; n: number | undefined; note?: string }[] = [
    { key: 'overdueApplications', label: t('scr.alerts.overdueApplications'), n: s.services?.overdue },
    { key: 'overdueCases', label: t('scr.alerts.overdueCases'), n: s.hotline?.overdue },
    { key: 'supervised', label: t('scr.alerts.supervised'), n: s.hotline?.supervised },
    { key: 'alarms', label: t('scr.alerts.alarms'), n: s.city?.openAlarms, note: s.city ? t('scr.alerts.alarmsToday', { n: f.n(s.city.alarmsToday) }) : undefined },
    { key: 'overdueRequests', label: t('scr.alerts.overdueRequests'), n: s.sharing?.overdueRequests },
  ];
  const shown = rows.filter((r) => r.n !== undefined);
  const total = shown.reduce((sum, r) => sum + (r.n ?? 0), 0);
  return (
    <Panel id="alerts" title={t('scr.panels.alerts')} style={style}>
      <div className="scr-kpis">
        <Kpi label={t('scr.alerts.count')} value={f.n(total)} tone={total > 0 ? 'warn' : 'ok'} note={total === 0 ? t('scr.alerts.none') : undefined} />
      </div>
      <ul className="scr-alerts">
        {shown.map((r) => (
          <li key={r.key} className={r.n ? 'scr-alert-on' : undefined}>
            <span className="scr-alert-label">
              {r.label}
              {r.note && <span className="scr-alert-note">{r.note}</span>}
            </span>
            <span className="scr-alert-n">{f.n(r.n)}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
