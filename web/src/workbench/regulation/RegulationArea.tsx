import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { RouteTabs } from '../../shell/RouteTabs';
import { can, useMe } from '../../shell/session';

const TasksPage = lazy(() => import('./Tasks').then((m) => ({ default: m.TasksPage })));
const ProfilesPage = lazy(() => import('./Profiles').then((m) => ({ default: m.ProfilesPage })));
const PlansPage = lazy(() => import('./Plans').then((m) => ({ default: m.PlansPage })));
const CreditPage = lazy(() => import('./Credit').then((m) => ({ default: m.CreditPage })));
const DirectoryPage = lazy(() => import('./Directory').then((m) => ({ default: m.DirectoryPage })));
const ItemsPage = lazy(() => import('./Items').then((m) => ({ default: m.ItemsPage })));

/**
 * 互联网+监管 (workbench tab). An inspector lands on their tasks; a regulator on the profiles and
 * plans. The path below /workbench/regulation/ picks the section; each section reads the rest.
 */
export function RegulationArea() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const rest = (useParams()['*'] ?? '').replace(/^regulation\/?/, '');
  const [section, ...tail] = rest.split('/');
  const sub = tail.join('/');
  const inspector = can(me, 'regulation.inspect');
  const active = section || (inspector ? 'tasks' : 'profiles');
  const page = (key: string, node: React.ReactNode) => ({ key, children: <Suspense fallback={null}>{node}</Suspense> });
  const of = (key: string) => (active === key ? sub : '');
  const items = [
    ...(inspector || can(me, 'regulation.plan') ? [{ ...page('tasks', <TasksPage sub={of('tasks')} />), label: t('regtask.title') }] : []),
    { ...page('profiles', <ProfilesPage sub={of('profiles')} />), label: t('regprof.title') },
    ...(can(me, 'regulation.plan') ? [{ ...page('plans', <PlansPage sub={of('plans')} />), label: t('regdraw.title') }] : []),
    { ...page('credit', <CreditPage sub={of('credit')} />), label: t('regcredit.title') },
    // Inspectors come too: they declare their own 利害关系 (回避) there.
    ...(can(me, 'regulation.manage') || inspector ? [{ ...page('directory', <DirectoryPage sub={of('directory')} />), label: t('regdir.title') }] : []),
    { ...page('items', <ItemsPage sub={of('items')} />), label: t('regitem.title') },
  ];
  return <RouteTabs label={t('reg.section')} activeKey={active} onChange={(k) => navigate(`/workbench/regulation/${k}`)} items={items} />;
}
