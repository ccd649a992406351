import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Published plans and the draw check page (/supervision/draws, /supervision/draws/<id>). (Skeleton: written by the draws work.) */
export function PublicDraws({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Typography.Title level={2}>{t('regdraw.title')}</Typography.Title>;
}
