import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api';

/**
 * 查看完整号码: whoever must call back (the centre for 回访, the handling unit while it works) asks
 * for the number in full; the server records who, which case and why in the audit ledger.
 */
export function RevealPhone({ caseId, masked, purpose }: { caseId: string; masked: string; purpose: 'visit_back' | 'handling' }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [phone, setPhone] = useState<string | null>(null);
  const reveal = async () => {
    try {
      setPhone((await api<{ phone: string }>(`/api/cases/${caseId}/caller-phone`, { method: 'POST', json: { purpose } })).phone);
    } catch (err) {
      message.error(errorText(err, i18n.language));
    }
  };
  if (phone)
    return (
      <Typography.Text copyable={{ text: phone }} aria-live="polite">
        <a href={`tel:${phone}`}>{t('queue.revealed', { phone })}</a>
      </Typography.Text>
    );
  return (
    <Space size="small" wrap>
      <span>{masked}</span>
      <Button size="small" onClick={reveal} title={t('queue.revealNote')}>
        {t('queue.revealPhone')}
      </Button>
    </Space>
  );
}
