import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Figures: datasets, downloads, calls, top datasets; the 开放责任清单 and 开放率 per department. */
export function FiguresPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('odcat.title')}</Typography.Title>;
}
