import { Alert, Button, Form, Input, Radio, Select, Typography, message } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, errorText } from '../../../api';
import type { Answer, Body } from '../../../api/client';
import { signInUrl, useMe } from '../../../shell/session';

type Input = Body<'/api/openness/requests'>;
type Values = {
  departmentId: string;
  description: string;
  purpose?: string;
  applicantKind?: Input['applicantKind'];
  name?: string;
  idNumber?: string;
  phone: string;
  email?: string;
  address?: string;
  form: Input['form'];
  delivery: Input['delivery'];
};
const ORG_KINDS = ['business', 'research', 'public_interest', 'legal_service', 'other'] as const;
const meaningful = (v: string) => (v.match(/[\p{L}\p{N}]/gu) ?? []).length;

/** 依申请公开: the online application form (applicant, description, form and way wanted), one column on a phone. */
export function ApplyPage() {
  const { t, i18n } = useTranslation();
  const { data: me, isLoading } = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const delivery = Form.useWatch('delivery', form);
  const depts = useQuery({ queryKey: ['gkreq-depts'], queryFn: () => api<Answer<'/api/openness/requests/departments'>>('/api/openness/requests/departments') });
  const send = useMutation({
    mutationFn: (v: Values) =>
      api<Answer<'/api/openness/requests', 'post', 201>>('/api/openness/requests', {
        method: 'POST',
        json: {
          departmentId: v.departmentId,
          description: v.description,
          purpose: v.purpose || null,
          form: v.form,
          delivery: v.delivery,
          ...(me?.actingFor ? { applicantKind: v.applicantKind ?? 'business' } : {}),
          name: v.name || null,
          idNumber: v.idNumber || null,
          contact: { phone: v.phone, email: v.email || null, address: v.address || null },
        } satisfies Input,
      }),
    onSuccess: (r) => {
      void message.success(t('gkreq.form.done', { number: r.number }));
      navigate(`/openness/requests/${r.id}`);
    },
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  if (isLoading) return null;
  const title = (
    <Typography.Title level={1} style={{ fontSize: 22 }}>
      {t('gkreq.apply')}
    </Typography.Title>
  );
  if (!me)
    return (
      <>
        {title}
        <Typography.Paragraph>{t('gkreq.intro')}</Typography.Paragraph>
        <Button type="primary" href={signInUrl('/openness/apply')}>
          {t('gkreq.signIn')}
        </Button>
      </>
    );
  if (me.type === 'staff')
    return (
      <>
        {title}
        <Alert type="info" showIcon message={t('gkreq.staffNote')} />
      </>
    );
  const required = { required: true, message: t('gkreq.form.required') };
  return (
    <div style={{ maxWidth: 720 }}>
      {title}
      <Typography.Paragraph>{t('gkreq.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        aria-label={t('gkreq.apply')}
        initialValues={{ form: 'electronic', delivery: 'online', name: me.actingFor?.name ?? me.name, applicantKind: 'business' }}
        onFinish={(v) => send.mutate(v)}
      >
        <Form.Item name="departmentId" label={t('gkreq.form.department')} extra={t('gkreq.form.departmentHelp')} rules={[required]}>
          <Select showSearch optionFilterProp="label" loading={depts.isLoading} options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} data-testid="gkreq-department" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('gkreq.form.description')}
          extra={t('gkreq.form.descriptionHelp')}
          rules={[required, { validator: (_r, v: string) => (!v || meaningful(v) >= 5 ? Promise.resolve() : Promise.reject(new Error(t('gkreq.form.tooShort')))) }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="gkreq-description-input" />
        </Form.Item>
        <Form.Item name="purpose" label={t('gkreq.form.purpose')}>
          <Input maxLength={1000} />
        </Form.Item>
        {me.actingFor && (
          <Form.Item name="applicantKind" label={t('gkreq.form.applicantKind')}>
            <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`gkreq.kinds.${k}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('gkreq.form.name')} rules={[required]}>
          <Input maxLength={100} autoComplete="name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('gkreq.form.idNumber')} extra={t('gkreq.form.idNumberHelp')} rules={[{ pattern: /^[0-9A-Za-z]{18}$/, message: t('gkreq.form.idNumber') }]}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('gkreq.form.phone')} rules={[required, { pattern: /^[0-9+() -]{5,20}$/, message: t('gkreq.form.phone') }]}>
          <Input maxLength={20} autoComplete="tel" inputMode="tel" data-testid="gkreq-phone" />
        </Form.Item>
        <Form.Item name="form" label={t('gkreq.form.formWanted')} rules={[required]}>
          <Radio.Group options={(['electronic', 'paper'] as const).map((k) => ({ value: k, label: t(`gkreq.forms.${k}`) }))} />
        </Form.Item>
        <Form.Item name="delivery" label={t('gkreq.form.delivery')} rules={[required]}>
          <Radio.Group options={(['online', 'email', 'post', 'pickup'] as const).map((k) => ({ value: k, label: t(`gkreq.deliveries.${k}`) }))} />
        </Form.Item>
        {delivery === 'email' && (
          <Form.Item name="email" label={t('gkreq.form.email')} rules={[required, { type: 'email', message: t('gkreq.form.email') }]}>
            <Input maxLength={100} autoComplete="email" inputMode="email" />
          </Form.Item>
        )}
        {delivery === 'post' && (
          <Form.Item name="address" label={t('gkreq.form.address')} rules={[required]}>
            <Input maxLength={200} autoComplete="street-address" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" size="large" loading={send.isPending} data-testid="gkreq-submit" block>
          {t('gkreq.form.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to="/openness/requests">{t('gkreq.mine')}</Link>
      </Typography.Paragraph>
    </div>
  );
}
