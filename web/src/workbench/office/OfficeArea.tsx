import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { RouteTabs } from '../../shell/RouteTabs';
import { can, useMe } from '../../shell/session';
import { Todos } from './Todos';

const DocumentsPage = lazy(() => import('./Documents').then((m) => ({ default: m.DocumentsPage })));
const IncomingPage = lazy(() => import('./Incoming').then((m) => ({ default: m.IncomingPage })));
const SupervisionPage = lazy(() => import('./Supervision').then((m) => ({ default: m.SupervisionPage })));
const MeetingsPage = lazy(() => import('./Meetings').then((m) => ({ default: m.MeetingsPage })));
const DutyPage = lazy(() => import('./Duty').then((m) => ({ default: m.DutyPage })));
const ArchivesPage = lazy(() => import('./Archives').then((m) => ({ default: m.ArchivesPage })));

/**
 * 一网协同 (workbench tab): the one 待办 list first, then a section per kind of work. The path below
 * /workbench/office/ picks the section (`documents`, `documents/<id>` …); each section reads the rest.
 */
export function OfficeArea() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const rest = (useParams()['*'] ?? '').replace(/^office\/?/, '');
  const [section, ...tail] = rest.split('/');
  const sub = tail.join('/');
  const active = section || 'todos';
  const page = (node: React.ReactNode) => <Suspense fallback={null}>{node}</Suspense>;
  return (
    <RouteTabs
      label={t('off.section')}
      activeKey={active}
      onChange={(k) => navigate(`/workbench/office${k === 'todos' ? '' : `/${k}`}`)}
      items={[
        { key: 'todos', label: t('off.todos'), children: <Todos /> },
        { key: 'documents', label: t('offdoc.title'), children: page(<DocumentsPage sub={active === 'documents' ? sub : ''} />) },
        { key: 'incoming', label: t('offin.title'), children: page(<IncomingPage sub={active === 'incoming' ? sub : ''} />) },
        { key: 'supervision', label: t('offsup.title'), children: page(<SupervisionPage sub={active === 'supervision' ? sub : ''} />) },
        { key: 'meetings', label: t('offmeet.title'), children: page(<MeetingsPage sub={active === 'meetings' ? sub : ''} />) },
        { key: 'duty', label: t('offduty.title'), children: page(<DutyPage sub={active === 'duty' ? sub : ''} />) },
        ...(can(me, 'office.archive') || can(me, 'office.manage') ? [{ key: 'archives', label: t('offarc.title'), children: page(<ArchivesPage sub={active === 'archives' ? sub : ''} />) }] : []),
      ]}
    />
  );
}
