import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 数据需求, 应用展示 and 授权运营 products. */
export function CommunityPage(props: { section: string; sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('odcom.title')}</Typography.Title>;
}
