import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The sandbox (可用不可见): aggregate queries over approved items, results with small groups suppressed. */
export function SandboxPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('odsbx.title')}</Typography.Title>;
}
