import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../shell/session';
import { ArchiveDetail } from './archives/Detail';
import { ArchiveFailuresAndTransfers, ArchiveLoans, ArchiveSearch } from './archives/Lists';

/** 「电子档案」 in the workbench's 一网协同 area; `sub` is the path below /workbench/office/archives ('' for the list, else a package id). */
export function ArchivesPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (/^[0-9a-f-]{36}$/.test(sub)) return <ArchiveDetail id={sub} />;
  return (
    <Tabs
      items={[
        { key: 'search', label: t('offarc.search'), children: <ArchiveSearch /> },
        { key: 'loans', label: t('offarc.loans'), children: <ArchiveLoans /> },
        ...(can(me, 'office.archive') ? [{ key: 'transfers', label: t('offarc.transferAndFailures'), children: <ArchiveFailuresAndTransfers /> }] : []),
      ]}
    />
  );
}
