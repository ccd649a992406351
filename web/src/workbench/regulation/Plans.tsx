import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 互联网+监管 · 抽查计划: `sub` is the path below /workbench/regulation/plans/. (Skeleton: written in its own branch.) */
export function PlansPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Typography.Title level={2}>{t('regdraw.title')}</Typography.Title>;
}
