import { Empty, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { ReasonList } from '../../proactive/ConditionsTable';
import { PolicyCardView } from '../../proactive/PolicyCardView';
import type { Match } from '../../proactive/types';
import { useTitle } from '../../shell/useTitle';

export function useMatches(enabled = true) {
  return useQuery({ queryKey: ['pro-matches'], enabled, queryFn: () => api<Match[]>('/api/proactive/my/matches') });
}

/** Where 去申请 goes: the item's apply page as the server links it (the form prefilled from what the platform holds). */
export const applyPath = (m: Match) => m.applyLink;

function MatchCards({ rows, headingLevel }: { rows: Match[]; headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <ul className="yw-card-list">
      {rows.map((m) => {
        const to = applyPath(m);
        return (
          <li key={m.policy.id}>
            <PolicyCardView card={m.policy} headingLevel={headingLevel}>
              <Sub className="yw-pro-subhead">{t('pro.reasons')}</Sub>
              <ReasonList rows={m.reasons} />
              {to && (
                <Link to={to} className="yw-pro-apply" aria-describedby={`pc-${m.policy.id}`}>
                  {t('pro.apply')}
                </Link>
              )}
            </PolicyCardView>
          </li>
        );
      })}
    </ul>
  );
}

/** 您可能符合: policies (政策找人) the person likely qualifies for, each with the reasons and a way to apply. */
export function MatchesPage() {
  const { t } = useTranslation();
  useTitle('pro.mayQualify');
  const matches = useMatches();
  return (
    <>
      <Typography.Title level={1}>{t('pro.mayQualify')}</Typography.Title>
      <Typography.Paragraph>{t('pro.mayQualifyLead')}</Typography.Paragraph>
      {matches.isLoading ? <Spin aria-label={t('common.loading')} /> : matches.data?.length ? <MatchCards rows={matches.data} headingLevel={2} /> : <Empty description={t('pro.noMatches')} />}
      <p style={{ marginTop: 12 }}>
        <Link to="/policies">{t('pro.policyCards')}</Link>
      </p>
    </>
  );
}

/** The home's 您可能符合 strip: the first two matches and a way to all; nothing when there are none. */
export function MatchesSection() {
  const { t } = useTranslation();
  const matches = useMatches();
  const rows = matches.data ?? [];
  if (!rows.length) return null;
  return (
    <section className="yw-section" aria-labelledby="pro-matches">
      <div className="yw-section-head">
        <h2 id="pro-matches">{t('pro.mayQualify')}</h2>
        <Link to="/my/matches">{t('pro.viewAll')}</Link>
      </div>
      <MatchCards rows={rows.slice(0, 2)} headingLevel={3} />
    </section>
  );
}
