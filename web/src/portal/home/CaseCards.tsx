import { Empty, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCaseLabel } from '../../cases/codes';
import type { CaseSummary } from '../../cases/types';
import { when } from '../../svc/labels';

/** 我的诉求 as cards: what was reported, its state, number and date. */
export function CaseCards({ rows, loading }: { rows: CaseSummary[]; loading?: boolean }) {
  const { t, i18n } = useTranslation();
  const label = useCaseLabel();
  if (loading) return <Spin aria-label={t('common.loading')} />;
  if (!rows.length) return <Empty description={t('cases.none')} />;
  return (
    <ul className="yw-card-list">
      {rows.map((r) => (
        <li key={r.id} className="yw-card">
          <Link to={`/cases/${r.id}`} className="yw-card-title">
            {r.title}
          </Link>
          <div className="yw-card-meta">
            <span>{t('portal.cards.state', { v: label('states', r.state) })}</span>
            {r.overdue && <Tag color="red">{t('cases.overdue')}</Tag>}
            <span>{t('portal.cards.number', { v: r.number })}</span>
            {r.handlingDepartmentName && <span>{t('portal.cards.unit', { v: r.handlingDepartmentName })}</span>}
            <span>{t('portal.cards.createdAt', { v: when(r.createdAt, i18n.language) })}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
