import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 互联网+监管 · 信用分类: `sub` is the path below /workbench/regulation/credit/. (Skeleton: written in its own branch.) */
export function CreditPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Typography.Title level={2}>{t('regcredit.title')}</Typography.Title>;
}
