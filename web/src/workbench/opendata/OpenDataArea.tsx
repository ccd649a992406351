import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { RouteTabs } from '../../shell/RouteTabs';
import { can, useMe } from '../../shell/session';

const DatasetsPage = lazy(() => import('./Datasets').then((m) => ({ default: m.DatasetsPage })));
const ApplicationsPage = lazy(() => import('./Applications').then((m) => ({ default: m.ApplicationsPage })));
const SandboxLogPage = lazy(() => import('./SandboxLog').then((m) => ({ default: m.SandboxLogPage })));
const CommunityAdminPage = lazy(() => import('./CommunityAdmin').then((m) => ({ default: m.CommunityAdminPage })));

/**
 * 公共数据开放 (workbench tab). The data bureau keeps the 开放目录 and the 开放责任清单, decides
 * applications and answers 数据需求; a provider's 数据专员 decides its own applications and reads the
 * sandbox log of its data. The path below /workbench/opendata/ picks the section.
 */
export function OpenDataArea() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const rest = (useParams()['*'] ?? '').replace(/^opendata\/?/, '');
  const [section, ...tail] = rest.split('/');
  const sub = tail.join('/');
  const manage = can(me, 'opendata.manage');
  const active = section || (manage ? 'datasets' : 'applications');
  const page = (key: string, node: React.ReactNode) => ({ key, children: <Suspense fallback={null}>{node}</Suspense> });
  const of = (key: string) => (active === key ? sub : '');
  const items = [
    ...(manage ? [{ ...page('datasets', <DatasetsPage sub={of('datasets')} />), label: t('odcat.workbench') }] : []),
    { ...page('applications', <ApplicationsPage sub={of('applications')} />), label: t('odgrant.workbench') },
    { ...page('sandbox', <SandboxLogPage sub={of('sandbox')} />), label: t('odsbx.workbench') },
    ...(manage ? [{ ...page('community', <CommunityAdminPage sub={of('community')} />), label: t('odcom.workbench') }] : []),
  ];
  return <RouteTabs label={t('od.section')} activeKey={active} onChange={(k) => navigate(`/workbench/opendata/${k}`)} items={items} />;
}
