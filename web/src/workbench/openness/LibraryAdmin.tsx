import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The published library for editors: documents of the unit, 有效性, history of each (who, when, why); the theme list (openness.manage). */
export function LibraryAdminPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={2}>{t('gklib.workbench')}</Typography.Title>;
}
