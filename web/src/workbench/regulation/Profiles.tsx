import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 互联网+监管 · 企业画像: `sub` is the path below /workbench/regulation/profiles/. (Skeleton: written in its own branch.) */
export function ProfilesPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Typography.Title level={2}>{t('regprof.title')}</Typography.Title>;
}
