import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** 「发文」 in the workbench's 一网协同 area; `sub` is the path below /workbench/office/documents ('' for the list). */
export function DocumentsPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Empty description={t('offdoc.title')} />;
}
