import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** 「会议」 in the workbench's 一网协同 area; `sub` is the path below /workbench/office/meetings ('' for the list). */
export function MeetingsPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Empty description={t('offmeet.title')} />;
}
