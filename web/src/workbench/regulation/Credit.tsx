import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can, useMe } from '../../shell/session';
import { Indicators } from './credit/Indicators';
import { Lookup } from './credit/Lookup';
import { Overview } from './credit/Overview';
import { Runs } from './credit/Runs';

/** 互联网+监管 · 信用分类: `sub` is the path below /workbench/regulation/credit/ ('' for the overview, 'indicators'). */
export function CreditPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const manage = can(me, 'regulation.manage');
  const view = sub === 'indicators' ? 'indicators' : 'overview';
  return (
    <>
      <h2 style={{ fontSize: 18 }}>{t('regcredit.title')}</h2>
      <Segmented
        aria-label={t('regcredit.title')}
        style={{ marginBottom: 16 }}
        value={view}
        onChange={(v) => navigate(`/workbench/regulation/credit${v === 'indicators' ? '/indicators' : ''}`)}
        options={[
          { value: 'overview', label: t('regcredit.overview') },
          { value: 'indicators', label: t('regcredit.indicators') },
        ]}
      />
      {view === 'indicators' ? (
        <Indicators manage={manage} />
      ) : (
        <>
          <Overview />
          <Lookup />
          <Runs manage={manage} />
        </>
      )}
    </>
  );
}
