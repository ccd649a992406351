import { Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { useItemName } from '../../svc/labels';
import type { ItemSummary } from '../../svc/types';

/** 热门服务: the items most applied for in the last 30 days (the catalogue's first items before that). */
export function HotServices({ limit = 8 }: { limit?: number }) {
  const { t } = useTranslation();
  const itemName = useItemName();
  const hot = useQuery({ queryKey: ['svc-popular', limit], queryFn: () => api<ItemSummary[]>(`/api/services/popular-items?limit=${limit}`), staleTime: 300_000 });
  return (
    <section className="yw-section" aria-labelledby="hot-title">
      <div className="yw-section-head">
        <h2 id="hot-title">{t('portal.hot')}</h2>
        <Link to="/services">{t('portal.more')}</Link>
      </div>
      {hot.isLoading && <Spin aria-label={t('common.loading')} />}
      <ul className="yw-hot">
        {(hot.data ?? []).map((i) => (
          <li key={i.id}>
            <Link to={`/services/${i.id}`}>
              <span className="yw-hot-name">{itemName(i)}</span>
              <span className="yw-hot-meta">
                {i.departmentName} · {i.handling === 'instant' ? t('portal.instant') : t('portal.days', { n: i.promisedDays })}
                {i.fullyOnline ? ` · ${t('portal.online')}` : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
