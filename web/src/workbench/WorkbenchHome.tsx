import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { RouteTabs } from '../shell/RouteTabs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api';
import { can, useMe } from '../shell/session';
import { VerifyPerson } from './VerifyPerson';
import { useTitle } from '../shell/useTitle';
import { HandleApplication } from './HandleApplication';
import { Rectifications } from './Rectifications';
import { ServiceQueue } from './ServiceQueue';
import { WindowIntake } from './WindowIntake';
import { lazy, Suspense } from 'react';
import { call, client } from '../api/client';
import { MyQueues } from './queues';

const ServiceStats = lazy(() => import('./ServiceStats').then((m) => ({ default: m.ServiceStats })));
// Maps and charts load with the 12345 tabs, not with the workbench.
const HotlineConsole = lazy(() => import('./cases/HotlineConsole').then((m) => ({ default: m.HotlineConsole })));
const HandleCase = lazy(() => import('./cases/HandleCase').then((m) => ({ default: m.HandleCase })));
const CaseStats = lazy(() => import('./cases/CaseStats').then((m) => ({ default: m.CaseStats })));
const GridReport = lazy(() => import('./cases/GridReport').then((m) => ({ default: m.GridReport })));
const SupervisionBoard = lazy(() => import('./cases/SupervisionBoard').then((m) => ({ default: m.SupervisionBoard })));
const DataHome = lazy(() => import('./data/DataHome').then((m) => ({ default: m.DataHome })));
const IssuedLicences = lazy(() => import('./licences/IssuedLicences').then((m) => ({ default: m.IssuedLicences })));
const PolicyList = lazy(() => import('./proactive/ProactiveArea').then((m) => ({ default: m.PolicyList })));
const PolicyPage = lazy(() => import('./proactive/ProactiveArea').then((m) => ({ default: m.PolicyPage })));
const OfficeArea = lazy(() => import('./office/OfficeArea').then((m) => ({ default: m.OfficeArea })));
const OpennessArea = lazy(() => import('./openness/OpennessArea').then((m) => ({ default: m.OpennessArea })));
const OpenDataArea = lazy(() => import('./opendata/OpenDataArea').then((m) => ({ default: m.OpenDataArea })));
const RegulationArea = lazy(() => import('./regulation/RegulationArea').then((m) => ({ default: m.RegulationArea })));
const CaseInbox = lazy(() => import('./cases/CaseInbox').then((m) => ({ default: m.CaseInbox })));

/** Staff workbench: home (who I am, inbox), the service queue, rectifications and figures, one tab each in the URL. */
export function WorkbenchHome() {
  const { t } = useTranslation();
  useTitle('workbench.title');
  const params = useParams();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const path = params['*'] || 'home';
  if (path.startsWith('services/')) return <HandleApplication />;
  if (path.startsWith('cases/'))
    return (
      <Suspense fallback={null}>
        <HandleCase />
      </Suspense>
    );
  if (path.startsWith('proactive/'))
    return (
      <Suspense fallback={null}>
        <PolicyPage />
      </Suspense>
    );
  const lazyTab = (node: React.ReactNode) => <Suspense fallback={null}>{node}</Suspense>;
  // 一网协同 and 互联网+监管 keep their own sections below /workbench/office/ and /workbench/regulation/.
  const tab = path.startsWith('office') ? 'office' : path.startsWith('regulation') ? 'regulation' : path.startsWith('opendata') ? 'opendata' : path.startsWith('openness') ? 'openness' : path;
  const handle = can(me, 'services.handle');
  return (
    <>
      <Typography.Title level={1}>{t('workbench.welcome', { name: me?.name ?? '' })}</Typography.Title>
      <RouteTabs
        label={t('workbench.section')}
        activeKey={tab}
        onChange={(k) => navigate(`/workbench/${k === 'home' ? '' : k}`)}
        items={[
          { key: 'home', label: t('workbench.title'), children: <Home /> },
          ...(handle
            ? [
                { key: 'services', label: t('svc.queue'), children: <ServiceQueue /> },
                { key: 'rectifications', label: t('svc.rectifications'), children: <Rectifications /> },
              ]
            : []),
          ...(can(me, 'identity.verify') && handle ? [{ key: 'intake', label: t('svc.intake'), children: <WindowIntake /> }] : []),
          ...(can(me, 'services.stats')
            ? [
                {
                  key: 'stats',
                  label: t('svc.stats'),
                  children: (
                    <Suspense fallback={null}>
                      <ServiceStats />
                    </Suspense>
                  ),
                },
              ]
            : []),
          ...(can(me, 'cases.intake') ? [{ key: 'hotline', label: t('cases.hotline'), children: lazyTab(<HotlineConsole />) }] : []),
          ...(can(me, 'cases.view') || can(me, 'cases.handle') ? [{ key: 'cases', label: t('cases.inbox'), children: lazyTab(<CaseInbox />) }] : []),
          ...(can(me, 'cases.report') ? [{ key: 'report', label: t('cases.report'), children: lazyTab(<GridReport />) }] : []),
          ...(can(me, 'cases.supervise') ? [{ key: 'board', label: t('cases.board'), children: lazyTab(<SupervisionBoard />) }] : []),
          ...(can(me, 'cases.stats') ? [{ key: 'case-stats', label: t('cases.stats'), children: lazyTab(<CaseStats />) }] : []),
          ...(can(me, 'licenses.issue') ? [{ key: 'licences', label: t('lic.issued'), children: lazyTab(<IssuedLicences />) }] : []),
          ...(can(me, 'proactive.manage') || can(me, 'proactive.read') || me?.roles.includes('leader') ? [{ key: 'proactive', label: t('pro.area'), children: lazyTab(<PolicyList />) }] : []),
          ...(can(me, 'office.use') ? [{ key: 'office', label: t('off.area'), children: lazyTab(<OfficeArea />) }] : []),
          ...(can(me, 'regulation.read') ? [{ key: 'regulation', label: t('reg.area'), children: lazyTab(<RegulationArea />) }] : []),
          ...(can(me, 'opendata.manage') || can(me, 'opendata.provide') ? [{ key: 'opendata', label: t('od.title'), children: lazyTab(<OpenDataArea />) }] : []),
          ...(can(me, 'openness.edit') || can(me, 'openness.secrecy') || can(me, 'openness.approve') || can(me, 'openness.manage')
            ? [{ key: 'openness', label: t('gk.title'), children: lazyTab(<OpennessArea />) }]
            : []),
          ...(can(me, 'data.read') ? [{ key: 'data', label: t('data.title'), children: lazyTab(<DataHome />) }] : []),
        ]}
      />
    </>
  );
}

function Home() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: () => call(client.GET('/api/notifications')) });
  const dept = useQuery({ queryKey: ['dept', me?.departmentId], enabled: !!me?.departmentId, queryFn: () => api<{ name: string }>(`/api/org/departments/${me!.departmentId}`).catch(() => null) });
  // Names, not codes: 窗口工作人员 rather than window_staff, 乌兰浩特市 rather than 152201.
  const roles = useQuery({ queryKey: ['org-roles'], enabled: !!me, staleTime: 600_000, queryFn: () => api<{ code: string; zh: string; en: string }[]>('/api/org/roles').catch(() => []) });
  const region = useQuery({
    queryKey: ['region', me?.regionCode],
    enabled: !!me?.regionCode,
    staleTime: 600_000,
    queryFn: () => api<{ name: string }>(`/api/org/regions/${me!.regionCode}`).catch(() => null),
  });
  const roleName = (code: string) => {
    const r = roles.data?.find((x) => x.code === code);
    return r ? (i18n.language === 'en' ? r.en : r.zh) : '';
  };
  return (
    <>
      <Descriptions bordered column={{ xs: 1, sm: 1, md: 3 }}>
        <Descriptions.Item label={t('workbench.roles')}>
          {me?.roles.map((r) => (
            <Tag key={r}>{roleName(r)}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('workbench.region')}>{me?.regionCode ? (region.data?.name ?? '') : t('queue.all')}</Descriptions.Item>
        <Descriptions.Item label={t('workbench.department')}>{dept.data?.name ?? '—'}</Descriptions.Item>
      </Descriptions>
      <MyQueues />
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('workbench.inbox')}</h2>} style={{ marginTop: 16 }}>
        <List
          loading={inbox.isLoading}
          locale={{ emptyText: t('workbench.empty') }}
          dataSource={inbox.data ?? []}
          renderItem={(n) => (
            <List.Item>
              <List.Item.Meta title={n.title} description={n.body} />
            </List.Item>
          )}
        />
      </Card>
      {can(me, 'identity.verify') && <VerifyPerson />}
    </>
  );
}
