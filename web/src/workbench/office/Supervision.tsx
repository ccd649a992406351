import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** 「督查督办」 in the workbench's 一网协同 area; `sub` is the path below /workbench/office/supervision ('' for the list). */
export function SupervisionPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Empty description={t('offsup.title')} />;
}
