import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { RouteTabs } from '../../shell/RouteTabs';
import { can, useMe } from '../../shell/session';

const DraftsPage = lazy(() => import('./Drafts').then((m) => ({ default: m.DraftsPage })));
const LibraryAdminPage = lazy(() => import('./LibraryAdmin').then((m) => ({ default: m.LibraryAdminPage })));
const RequestsPage = lazy(() => import('./Requests').then((m) => ({ default: m.RequestsPage })));
const ReportsPage = lazy(() => import('./Reports').then((m) => ({ default: m.ReportsPage })));
const InteractionPage = lazy(() => import('./Interaction').then((m) => ({ default: m.InteractionPage })));
const MatchingPage = lazy(() => import('./Matching').then((m) => ({ default: m.MatchingPage })));

/**
 * 政务公开 (workbench tab). A unit's 政务公开专员 drafts, answers requests and 留言; its 保密审查员 and
 * leader review and approve drafts; the 政务公开办 keeps the lists, the report and 督办. The path below
 * /workbench/openness/ picks the section.
 */
export function OpennessArea() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const rest = (useParams()['*'] ?? '').replace(/^openness\/?/, '');
  const [section, ...tail] = rest.split('/');
  const sub = tail.join('/');
  const edit = can(me, 'openness.edit');
  const manage = can(me, 'openness.manage');
  const active = section || 'drafts';
  const page = (key: string, node: React.ReactNode) => ({ key, children: <Suspense fallback={null}>{node}</Suspense> });
  const of = (key: string) => (active === key ? sub : '');
  const items = [
    { ...page('drafts', <DraftsPage sub={of('drafts')} />), label: t('gkrev.workbench') },
    ...(edit ? [{ ...page('library', <LibraryAdminPage sub={of('library')} />), label: t('gklib.workbench') }] : []),
    ...(edit || can(me, 'openness.approve') ? [{ ...page('requests', <RequestsPage sub={of('requests')} />), label: t('gkreq.workbench') }] : []),
    ...(edit || can(me, 'openness.approve') ? [{ ...page('interaction', <InteractionPage sub={of('interaction')} />), label: t('gkqa.workbench') }] : []),
    ...(edit ? [{ ...page('matching', <MatchingPage sub={of('matching')} />), label: t('gkmatch.workbench') }] : []),
    ...(manage ? [{ ...page('reports', <ReportsPage sub={of('reports')} />), label: t('gkrpt.workbench') }] : []),
  ];
  return <RouteTabs label={t('gk.section')} activeKey={active} onChange={(k) => navigate(`/workbench/openness/${k}`)} items={items} />;
}
