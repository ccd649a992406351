import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../shell/session';
import { DataCatalogue } from './DataCatalogue';
import { DataFigures } from './DataFigures';
import { DataLists, DataObjections } from './DataLists';
import { DataRequests } from './DataRequests';

/** 数据共享 in the workbench: catalogue, sharing requests, quality and figures. */
export function DataHome() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <Tabs
      type="card"
      items={[
        { key: 'catalogue', label: t('data.catalogue'), children: <DataCatalogue /> },
        ...(can(me, 'data.request') || can(me, 'data.decide') ? [{ key: 'requests', label: t('data.requests'), children: <DataRequests /> }] : []),
        { key: 'lists', label: t('data.lists.title'), children: <DataLists /> },
        ...(can(me, 'data.request') || can(me, 'data.decide') ? [{ key: 'objections', label: t('data.objections'), children: <DataObjections /> }] : []),
        { key: 'figures', label: t('data.figures'), children: <DataFigures /> },
      ]}
    />
  );
}
