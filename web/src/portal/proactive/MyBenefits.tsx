import { Alert, Button, Empty, Form, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api';
import { ReasonList } from '../../proactive/ConditionsTable';
import { PolicyCardView } from '../../proactive/PolicyCardView';
import { useProFormat } from '../../proactive/format';
import type { Benefit } from '../../proactive/types';
import { useMe } from '../../shell/session';
import { useAction } from '../../shell/useAction';
import { useTitle } from '../../shell/useTitle';

const stateColor: Record<string, string> = { offered: 'orange', confirmed: 'blue', paid: 'green', declined: 'default', stopped: 'default' };

/** The benefits a person or enterprise is owed. */
export function useBenefits(enabled = true) {
  return useQuery({ queryKey: ['pro-benefits'], enabled, queryFn: () => api<Benefit[]>('/api/proactive/my/benefits') });
}

/**
 * 我的待遇: what 免申即享 offers this person (or the enterprise they act for), each with the reasons
 * and the amount; an offer is confirmed (with a bank account where money is paid) or declined.
 */
export function MyBenefits() {
  const { t } = useTranslation();
  useTitle('pro.myBenefits');
  const benefits = useBenefits();
  // A notice opens /my/benefits/:id: that benefit is brought into view and marked.
  const { id: focus } = useParams();
  useEffect(() => {
    if (focus && benefits.data) document.getElementById(`benefit-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [focus, benefits.data]);
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
            <li key={b.id} id={`benefit-${b.id}`} data-state={b.state} className={b.id === focus ? 'yw-pro-focus' : undefined}>
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
  const { t, i18n } = useTranslation();
  const f = useProFormat();
  const state = <Tag color={stateColor[b.state] ?? 'default'}>{t(`pro.states.${b.state}`, { defaultValue: b.state })}</Tag>;
  const body = (
    <>
      <p className="yw-pro-amount">
        {b.amountFen !== null && t('pro.amountLine', { v: f.yuan(b.amountFen) })}
        {b.period && <span> · {t(`pro.periods.${b.period}`)}</span>}
      </p>
      {b.accountMasked && <p>{t('pro.accountShown', { v: b.accountMasked })}</p>}
      {b.state === 'declined' && b.declineReason && <p>{t('pro.declineLine', { v: b.declineReason })}</p>}
      {b.state === 'stopped' && b.stopReason && <p>{t(`pro.stopKinds.${b.stopReason.kind}`)}</p>}
      {!!b.payments.length && <p>{t('pro.paymentsLine', { v: b.payments.map((x) => `${x.period} ${f.yuan(x.amountFen)}`).join(i18n.language === 'en' ? ', ' : '、') })}</p>}
      {!!b.conditions.length && (
        <>
          <h3 className="yw-pro-subhead">{b.state === 'stopped' ? t('pro.stopWhy') : t('pro.reasons')}</h3>
          <ReasonList rows={b.conditions} />
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
  return (
    <PolicyCardView card={b.policy} headingLevel={2} extra={state}>
      {body}
    </PolicyCardView>
  );
}

/** A bank card number: 16 to 19 digits (spaces allowed while typing). */
const ACCOUNT = /^\d{16,19}$/;
const digits = (v: unknown) => String(v ?? '').replace(/\s+/g, '');

interface AccountForm {
  bank: string;
  number: string;
  holder: string;
}

function ConfirmDialog({ b, onClose }: { b: Benefit; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const run = useAction('pro-benefits');
  const [form] = Form.useForm<AccountForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    let v: AccountForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    const body = b.paysMoney ? { account: { bank: v.bank.trim(), number: digits(v.number), holder: v.holder.trim() } } : {};
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
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ holder: me?.actingFor?.name ?? me?.name ?? '' }}>
        {b.paysMoney ? (
          <>
            <Typography.Paragraph type="secondary">{t('pro.accountHint')}</Typography.Paragraph>
            <Form.Item name="holder" label={t('pro.holder')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={60} autoComplete="name" />
            </Form.Item>
            <Form.Item name="bank" label={t('pro.bank')} rules={[{ required: true, whitespace: true, min: 2, message: t('pro.bankInvalid') }]}>
              <Input maxLength={60} placeholder={t('pro.bankPlaceholder')} />
            </Form.Item>
            <Form.Item name="number" label={t('pro.account')} rules={[{ required: true, transform: digits, pattern: ACCOUNT, message: t('pro.accountInvalid') }]}>
              <Input inputMode="numeric" autoComplete="off" maxLength={23} />
            </Form.Item>
          </>
        ) : (
          <Typography.Paragraph>{t('pro.confirmNoMoney')}</Typography.Paragraph>
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
