import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Comments to review, 数据需求 to answer, apps and 授权运营 products to list. */
export function CommunityAdminPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <Typography.Title level={2}>{t('odcom.workbench')}</Typography.Title>;
}
