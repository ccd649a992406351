import { Typography } from 'antd';
import { RouteTabs } from '../shell/RouteTabs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useTitle } from '../shell/useTitle';
import { Departments } from './Departments';
import { StaffList } from './StaffList';
import { RegionTree } from './RegionTree';
import { CalendarAdmin } from './CalendarAdmin';
import { Clients } from './Clients';
import { ServiceItems } from './ServiceItems';
import { SearchReport } from './SearchReport';
import { CatalogueImport } from './CatalogueImport';
import { CaseSettings } from './CaseSettings';
import { CaseWorkflowEditor } from './CaseWorkflowEditor';
import { RegionSettings } from './RegionSettings';
import { LicenceSettings } from './LicenceSettings';
import { can, useMe } from '../shell/session';

/** Admin area: one tab per register; the tab is part of the URL so it can be bookmarked. */
export function AdminHome() {
  const { t } = useTranslation();
  useTitle('admin.title');
  const params = useParams();
  const navigate = useNavigate();
  const tab = params['*'] || 'departments';
  const { data: me } = useMe();
  const items = [
    { key: 'departments', label: t('admin.departments'), children: <Departments /> },
    { key: 'staff', label: t('admin.staff'), children: <StaffList /> },
    { key: 'regions', label: t('admin.regions'), children: <RegionTree /> },
    { key: 'calendar', label: t('admin.calendar'), children: <CalendarAdmin /> },
    ...(can(me, 'services.manage') ? [{ key: 'services', label: t('svc.admin'), children: <ServiceItems /> }] : []),
    ...(can(me, 'services.manage') ? [{ key: 'search-report', label: t('svc.searchReport'), children: <SearchReport /> }] : []),
    ...(can(me, 'services.manage') ? [{ key: 'services-import', label: t('svc.importLink'), children: <CatalogueImport /> }] : []),
    ...(can(me, 'cases.manage') ? [{ key: 'cases', label: t('cases.admin'), children: <CaseSettings /> }] : []),
    ...(can(me, 'cases.manage') ? [{ key: 'case-rules', label: t('cfg.rules'), children: <RegionSettings settingKey="cases.rules" /> }] : []),
    ...(can(me, 'cases.manage') ? [{ key: 'case-workflow', label: t('cfg.workflow'), children: <CaseWorkflowEditor /> }] : []),
    ...(can(me, 'licenses.manage') ? [{ key: 'licences', label: t('lic.admin'), children: <LicenceSettings /> }] : []),
    ...(can(me, 'sso.manage') ? [{ key: 'clients', label: t('admin.clients'), children: <Clients /> }] : []),
  ];
  return (
    <>
      <Typography.Title level={1}>{t('admin.title')}</Typography.Title>
      <RouteTabs activeKey={tab} onChange={(k) => navigate(`/admin/${k}`)} items={items} label={t('admin.section')} />
    </>
  );
}
