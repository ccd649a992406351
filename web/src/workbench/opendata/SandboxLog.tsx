import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The sandbox log of the provider's datasets: every query and the size of its result. */
export function SandboxLogPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Typography.Title level={2}>{t('odsbx.workbench')}</Typography.Title>;
}
