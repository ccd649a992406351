import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** 「电子档案」 in the workbench's 一网协同 area; `sub` is the path below /workbench/office/archives ('' for the list). */
export function ArchivesPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Empty description={t('offarc.title')} />;
}
