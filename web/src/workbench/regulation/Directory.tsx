import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 互联网+监管 · 名录库: `sub` is the path below /workbench/regulation/directory/. (Skeleton: written in its own branch.) */
export function DirectoryPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Typography.Title level={2}>{t('regdir.title')}</Typography.Title>;
}
