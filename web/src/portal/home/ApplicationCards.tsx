import { Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TimeTag, useLabel, when } from '../../svc/labels';
import type { ApplicationView } from '../../svc/types';

/** 我的办件 as cards: the item's name as the link, then number, state, clock and date. */
export function ApplicationCards({ rows, loading }: { rows: ApplicationView[]; loading?: boolean }) {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  if (loading) return <Spin aria-label={t('common.loading')} />;
  if (!rows.length) return <Empty description={t('portal.none')} />;
  return (
    <ul className="yw-card-list">
      {rows.map((r) => (
        <li key={r.id} className="yw-card">
          <Link to={`/applications/${r.id}`} className="yw-card-title">
            {r.itemName}
          </Link>
          <div className="yw-card-meta">
            <span>{t('portal.cards.state', { v: label(r.stateName) })}</span>
            <TimeTag status={r.timeStatus} />
            <span>{t('portal.cards.number', { v: r.number })}</span>
            <span>{t('portal.cards.submittedAt', { v: when(r.submittedAt, i18n.language) })}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
