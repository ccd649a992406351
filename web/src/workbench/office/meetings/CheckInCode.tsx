import { Button, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { cst } from './types';

/** The QR code shown at the door; it expires, so the page fetches a fresh one on demand and every hour. */
export function CheckInCode({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const code = useQuery({
    queryKey: ['office-meeting-code', id],
    refetchInterval: 3600_000,
    queryFn: () => api<{ url: string; qrSvg: string; expiresAt: string }>(`/api/office/meetings/${id}/check-in-code`),
  });
  if (!code.data) return null;
  return (
    <Space direction="vertical" align="center" style={{ width: '100%' }}>
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.data.qrSvg)}`} alt={t('offmeet.qrAlt')} style={{ width: 'min(280px, 80vw)', height: 'auto', background: '#fff' }} />
      <Typography.Text type="secondary">{t('offmeet.qrExpires', { time: cst(code.data.expiresAt, i18n.language) })}</Typography.Text>
      <Button onClick={() => code.refetch()}>{t('offmeet.qrRefresh')}</Button>
    </Space>
  );
}
