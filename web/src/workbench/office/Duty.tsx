import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** 「值班」 in the workbench's 一网协同 area; `sub` is the path below /workbench/office/duty ('' for the list). */
export function DutyPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Empty description={t('offduty.title')} />;
}
