import { Alert, Button, Empty, Form, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api';
import { ReasonList } from '../../proactive/ConditionsTable';
import { PolicyCardView } from '../../proactive/PolicyCardView';
import { useProFormat } from '../../proactive/format';
import { itemsOf, type Benefit, type Page } from '../../proactive/types';
import { useAction } from '../../shell/useAction';
import { useTitle } from '../../shell/useTitle';

const stateColor: Record<string, string> = { offered: 'orange', confirmed: 'blue', paid: 'green', declined: 'default', stopped: 'default' };

/** The benefits a person or enterprise is owed. */
export function useBenefits(enabled = true) {
  return useQuery({ queryKey: ['pro-benefits'], enabled, queryFn: () => api<Page<Benefit> | Benefit[]>('/api/proactive/my/benefits').then(itemsOf) });
}

/**
 * 我的待遇: what 免申即享 offers this person (or the enterprise they act for), each with the reasons
 * and the amount; an offer is confirmed (with a bank account where money is paid) or declined.
 */
export function MyBenefits() {
  const { t } = useTranslation();
  useTitle('pro.myBenefits');
  const benefits = useBenefits();
  const [confirming, setConfirming] = useState<Benefit | null>(null);
  const [declining, setDeclining] = useState<Benefit | null>(null);
  return (
    <>
      <Typography.Title level={1}>{t('pro.myBenefits')}</Typography.Title>
      <Typography.Paragraph>{t('pro.myBenefitsLead')}</Typography.Paragraph>
      {benefits.isLoading ? (
        <Spin aria-label={t('common.loading')} />
      ) : benefits.error ? (
        <Alert type="error" title={t('common.error')} />
      ) : !benefits.data?.length ? (
        <Empty description={t('pro.noBenefits')} />
      ) : (
        <ul className="yw-card-list">
          {benefits.data.map((b) => (
            <li key={b.id} data-state={b.state}>
              <BenefitCard b={b} onConfirm={() => setConfirming(b)} onDecline={() => setDeclining(b)} />
            </li>
          ))}
        </ul>
      )}
      {confirming && <ConfirmDialog b={confirming} onClose={() => setConfirming(null)} />}
      {declining && <DeclineDialog b={declining} onClose={() => setDeclining(null)} />}
    </>
  );
}

function BenefitCard({ b, onConfirm, onDecline }: { b: Benefit; onConfirm(): void; onDecline(): void }) {
  const { t } = useTranslation();
  const f = useProFormat();
  const state = <Tag color={stateColor[b.state] ?? 'default'}>{t(`pro.states.${b.state}`, { defaultValue: b.state })}</Tag>;
  const body = (
    <>
      <p className="yw-pro-amount">
        {b.amountFen !== null && t('pro.amountLine', { v: f.yuan(b.amountFen) })}
        {b.period && <span> · {t(`pro.periods.${b.period}`)}</span>}
      </p>
      {b.accountMasked && <p>{t('pro.accountShown', { v: b.accountMasked })}</p>}
      {!!b.reasons?.length && (
        <>
          <h4 className="yw-pro-subhead">{t('pro.reasons')}</h4>
          <ReasonList rows={b.reasons} />
        </>
      )}
      {b.state === 'offered' && (
        <Space wrap style={{ marginTop: 8 }}>
          <Button type="primary" onClick={onConfirm}>
            {t('pro.confirm')}
          </Button>
          <Button onClick={onDecline}>{t('pro.decline')}</Button>
        </Space>
      )}
    </>
  );
  if (b.policy) {
    return (
      <PolicyCardView card={b.policy} headingLevel={2} extra={state}>
        {body}
      </PolicyCardView>
    );
  }
  return (
    <article className="yw-card yw-pro-card">
      <h2 className="yw-card-title" style={{ margin: 0 }}>
        {f.pick(b.policyName, b.policyNameEn)}
      </h2>
      <div className="yw-card-meta">{state}</div>
      {body}
    </article>
  );
}

/** A bank card number: 16 to 19 digits (spaces allowed while typing). */
const ACCOUNT = /^\d{16,19}$/;

function ConfirmDialog({ b, onClose }: { b: Benefit; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const run = useAction('pro-benefits');
  const [form] = Form.useForm<{ account?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needsAccount = b.needsAccount ?? (b.amountFen ?? 0) > 0;
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const body = needsAccount ? { account: String(v.account ?? '').replace(/\s+/g, '') } : {};
    const ok = await run(
      () =>
        api(`/api/proactive/my/benefits/${b.id}/confirm`, { method: 'POST', json: body }).catch((e: unknown) => {
          setError(errorText(e, i18n.language));
          throw e;
        }),
      t('pro.confirmed'),
    );
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Modal open title={t('pro.confirmTitle')} okText={t('pro.confirm')} cancelText={t('pro.cancel')} onOk={submit} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false}>
        {needsAccount && (
          <Form.Item
            name="account"
            label={t('pro.account')}
            extra={t('pro.accountHint')}
            rules={[{ required: true, transform: (v: string) => String(v ?? '').replace(/\s+/g, ''), pattern: ACCOUNT, message: t('pro.accountInvalid') }]}
          >
            <Input inputMode="numeric" autoComplete="off" maxLength={23} />
          </Form.Item>
        )}
        {error && <Alert type="error" title={error} role="alert" />}
      </Form>
    </Modal>
  );
}

function DeclineDialog({ b, onClose }: { b: Benefit; onClose(): void }) {
  const { t } = useTranslation();
  const run = useAction('pro-benefits');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const ok = await run(() => api(`/api/proactive/my/benefits/${b.id}/decline`, { method: 'POST', json: reason.trim() ? { reason: reason.trim() } : {} }), t('pro.declined'));
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Modal
      open
      title={t('pro.declineTitle')}
      okText={t('pro.decline')}
      okButtonProps={{ danger: true }}
      cancelText={t('pro.cancel')}
      onOk={submit}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      <label htmlFor="pro-decline-reason">{t('pro.declineReason')}</label>
      <Input.TextArea id="pro-decline-reason" value={reason} maxLength={200} showCount rows={3} onChange={(e) => setReason(e.target.value)} />
    </Modal>
  );
}
