import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import type { CaseSummary } from '../../cases/types';
import type { ApplicationView } from '../../svc/types';
import { NoticeCards } from '../messages/NoticeCards';
import { useInbox } from '../messages/inbox';
import { ApplicationCards } from './ApplicationCards';
import { CaseCards } from './CaseCards';

type Page<T> = { items: T[]; next: string | null };

/** For a signed-in resident: the first few of 我的办件, 我的诉求 and the unread messages, each with a way to all. */
export function MyCorner() {
  const { t } = useTranslation();
  const apps = useQuery({ queryKey: ['svc-mine', 'home'], queryFn: () => api<Page<ApplicationView>>('/api/services/applications/mine?limit=3') });
  const cases = useQuery({ queryKey: ['case-mine', 'home'], queryFn: () => api<Page<CaseSummary>>('/api/cases?scope=mine&limit=3') });
  const inbox = useInbox(true, 3);
  const parts = [
    { id: 'apps', title: t('portal.myApplications'), to: '/applications', body: <ApplicationCards rows={apps.data?.items ?? []} loading={apps.isLoading} /> },
    { id: 'cases', title: t('portal.myCases'), to: '/cases', body: <CaseCards rows={cases.data?.items ?? []} loading={cases.isLoading} /> },
    { id: 'inbox', title: t('portal.inbox'), to: '/messages', body: <NoticeCards rows={inbox.data ?? []} loading={inbox.isLoading} compact /> },
  ];
  return (
    <div className="yw-cards">
      {parts.map((p) => (
        <section key={p.id} className="yw-section" aria-labelledby={`mine-${p.id}`}>
          <div className="yw-section-head">
            <h2 id={`mine-${p.id}`}>{p.title}</h2>
            <Link to={p.to}>{t('portal.more')}</Link>
          </div>
          {p.body}
        </section>
      ))}
    </div>
  );
}
