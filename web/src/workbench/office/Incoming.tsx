import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** 「收文」 in the workbench's 一网协同 area; `sub` is the path below /workbench/office/incoming ('' for the list). */
export function IncomingPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Empty description={t('offin.title')} />;
}
