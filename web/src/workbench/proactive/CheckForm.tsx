import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api';
import { ConditionsTable } from '../../proactive/ConditionsTable';
import { useProFormat } from '../../proactive/format';
import type { CheckResult, PolicyView } from '../../proactive/types';

const ID = /^\d{17}[\dXx]$/;
const CREDIT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** One person or enterprise against the policy: eligible / not / unknown, with every condition's value and source. */
export function CheckForm({ policy }: { policy: PolicyView }) {
  const { t, i18n } = useTranslation();
  const f = useProFormat();
  const entity = policy.subject === 'entity';
  const [result, setResult] = useState<CheckResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ ref }: { ref: string }) => {
    setBusy(true);
    setProblem(null);
    setResult(null);
    try {
      const v = ref.trim().toUpperCase();
      setResult(await api<CheckResult>('/api/proactive/check', { method: 'POST', json: { policyId: policy.id, ...(entity ? { creditCode: v } : { idNumber: v }) } }));
    } catch (err) {
      setProblem(errorText(err, i18n.language));
    }
    setBusy(false);
  };
  const tone = result?.result === 'eligible' ? 'success' : result?.result === 'not_eligible' ? 'error' : 'warning';
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('pro.check')}</h2>}>
      <Typography.Paragraph type="secondary">{t('pro.checkLead')}</Typography.Paragraph>
      <Form layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
        <Form.Item
          name="ref"
          label={entity ? t('pro.creditCode') : t('pro.idNumber')}
          rules={[
            {
              required: true,
              transform: (v: string) =>
                String(v ?? '')
                  .trim()
                  .toUpperCase(),
              pattern: entity ? CREDIT : ID,
              message: entity ? t('pro.creditInvalid') : t('pro.idInvalid'),
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('pro.checkBtn')}
        </Button>
      </Form>
      {problem && <Alert type="error" role="alert" title={problem} style={{ marginTop: 12 }} />}
      {result && (
        <div style={{ marginTop: 16 }} aria-live="polite">
          <Alert
            type={tone}
            title={[result.name, result.idMasked, t(`pro.checkResult.${result.result}`)].filter(Boolean).join(' · ')}
            description={result.amountFen !== null && result.amountFen !== undefined ? t('pro.amountLine', { v: f.yuan(result.amountFen) }) : undefined}
          />
          {!!result.conditions?.length && (
            <div style={{ marginTop: 12 }}>
              <ConditionsTable rows={result.conditions} />
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
