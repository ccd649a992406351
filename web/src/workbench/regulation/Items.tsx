import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 互联网+监管 · 监管事项: `sub` is the path below /workbench/regulation/items/. (Skeleton: written in its own branch.) */
export function ItemsPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Typography.Title level={2}>{t('regitem.title')}</Typography.Title>;
}
