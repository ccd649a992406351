import { Grid, Select, Tabs, Typography } from 'antd';
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
  // A dozen tabs do not fit a phone: antd then hides most of them behind a menu inside the tab list,
  // which screen readers cannot use. On a phone the sections are chosen from a list instead.
  const phone = Grid.useBreakpoint().md === false;
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
      {phone ? (
        <>
          <Select
            aria-label={t('admin.section')}
            value={tab}
            style={{ width: '100%', marginBottom: 16 }}
            options={items.map((i) => ({ value: i.key, label: i.label }))}
            onChange={(k) => navigate(`/admin/${k}`)}
          />
          {items.find((i) => i.key === tab)?.children}
        </>
      ) : (
        <Tabs activeKey={tab} onChange={(k) => navigate(`/admin/${k}`)} items={items} />
      )}
    </>
  );
}
