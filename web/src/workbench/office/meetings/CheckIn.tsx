import { Alert, Button, Card, Result } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, errorText } from '../../../api';
import { cst } from './types';

/** The page the QR code opens (signed in): one tap checks the person in; a bad or old code says so plainly. */
export function CheckIn({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const go = useMutation({ mutationFn: () => api<{ checkedInAt: string; first: boolean }>(`/api/office/meetings/${id}/check-ins`, { method: 'POST', json: { token } }) });
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offmeet.checkIn')}</h2>}>
      {!token && <Alert type="warning" showIcon message={t('offmeet.checkInNoToken')} />}
      {go.data ? (
        <Result
          status="success"
          title={go.data.first ? t('offmeet.checkInOk', { time: cst(go.data.checkedInAt, i18n.language) }) : t('offmeet.checkInAgain', { time: cst(go.data.checkedInAt, i18n.language) })}
          extra={<Link to={`/workbench/office/meetings/${id}`}>{t('offmeet.notice')}</Link>}
        />
      ) : (
        token && (
          <Button type="primary" size="large" block loading={go.isPending} onClick={() => go.mutate()}>
            {t('offmeet.checkInDo')}
          </Button>
        )
      )}
      {go.error && <Alert style={{ marginTop: 16 }} type="error" showIcon role="alert" message={errorText(go.error, i18n.language)} />}
    </Card>
  );
}
