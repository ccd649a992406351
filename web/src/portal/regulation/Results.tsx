import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Published inspection results (一公开, /supervision/results) and an enterprise's own (/supervision/mine). (Skeleton: written by the tasks work.) */
export function PublicResults({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Typography.Title level={2}>{t('regtask.title')}</Typography.Title>;
}
