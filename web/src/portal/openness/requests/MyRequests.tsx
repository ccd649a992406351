import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The signed-in applicant's requests: state, clock, notices (补正, extension) and the sealed 告知书. */
export function MyRequestsPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  return <Typography.Title level={1}>{t('gkreq.mine')}</Typography.Title>;
}
