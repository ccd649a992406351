import { Alert, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Space, Typography, message } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../api';
import { signInUrl, useMe } from '../../../shell/session';
import type { DatasetSectionProps } from '../types';

interface FormValues {
  items: string[];
  purpose: string;
  rowRegion?: string;
  periodFrom: string;
  periodTo: string;
  securityMeasures: string;
  delivery: 'api' | 'sandbox';
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
}

/** Today and a day of the coming months as China Standard Time dates (YYYY-MM-DD). */
const cstDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** On a 有条件开放 dataset page: what is needed, a sign-in prompt, and the form that prepares the 数据利用协议. */
export function ApplyCard({ dataset }: DatasetSectionProps) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const create = useMutation({
    mutationFn: (v: FormValues) =>
      api<{ id: string }>('/api/opendata/applications', {
        method: 'POST',
        json: {
          dataset: dataset.name,
          items: v.items,
          purpose: v.purpose.trim(),
          rowRegion: v.rowRegion?.trim() || null,
          periodFrom: v.periodFrom,
          periodTo: v.periodTo,
          securityMeasures: v.securityMeasures.trim(),
          delivery: v.delivery,
          contact: { name: v.contactName.trim(), phone: v.contactPhone.trim(), email: v.contactEmail?.trim() || null },
        },
      }),
    onSuccess: (r) => {
      void message.success(t('odgrant.apply.created'));
      navigate(`/opendata/applications/${r.id}`);
    },
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
  if (dataset.openType !== 'conditional') return null;
  const required = { required: true, message: t('odgrant.apply.required') };
  const atLeast10 = { min: 10, message: t('odgrant.apply.tooShort') };
  const body = (() => {
    if (!me)
      return (
        <Button type="primary" href={signInUrl(`/opendata/datasets/${encodeURIComponent(dataset.name)}`)} data-testid="odgrant-signin">
          {t('odgrant.apply.signIn')}
        </Button>
      );
    if (me.type === 'staff') return <Alert type="info" showIcon message={t('odgrant.apply.staff')} />;
    if (me.assuranceLevel < 2) return <Alert type="warning" showIcon message={t('odgrant.apply.realName')} />;
    if (!open)
      return (
        <Button type="primary" onClick={() => setOpen(true)} data-testid="odgrant-open">
          {t('odgrant.apply.open')}
        </Button>
      );
    return (
      <Form<FormValues>
        layout="vertical"
        aria-label={t('odgrant.apply.title')}
        initialValues={{ items: [], delivery: 'api', periodFrom: cstDay(0), periodTo: cstDay(180), contactName: me.name }}
        onFinish={(v) => create.mutate(v)}
      >
        <Typography.Paragraph>{me.actingFor ? t('odgrant.apply.asEnterprise', { name: me.actingFor.name }) : t('odgrant.apply.asPerson')}</Typography.Paragraph>
        <Form.Item
          name="items"
          label={t('odgrant.apply.items')}
          extra={t('odgrant.apply.itemsHelp')}
          rules={[{ validator: (_r, v?: string[]) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('odgrant.apply.required')))) }]}
        >
          <Checkbox.Group style={{ width: '100%' }}>
            <Row gutter={[8, 4]}>
              {dataset.items.map((i) => (
                <Col xs={24} sm={12} md={8} key={i.code}>
                  <Checkbox value={i.code} data-testid={`odgrant-item-${i.code}`}>
                    {i.name}（{i.code} · {i.grade}）
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="purpose" label={t('odgrant.apply.purpose')} extra={t('odgrant.apply.purposeHelp')} rules={[required, atLeast10]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="odgrant-purpose" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="periodFrom" label={t('odgrant.apply.periodFrom')} rules={[required]}>
              <Input type="date" min={cstDay(0)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="periodTo" label={t('odgrant.apply.periodTo')} rules={[required]}>
              <Input type="date" min={cstDay(0)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="rowRegion" label={t('odgrant.apply.rowRegion')} extra={t('odgrant.apply.rowRegionHelp')} rules={[{ pattern: /^[0-9]{2,12}$/, message: t('odgrant.apply.rowRegionHelp') }]}>
              <Input inputMode="numeric" maxLength={12} placeholder={dataset.spatial} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="securityMeasures" label={t('odgrant.apply.security')} extra={t('odgrant.apply.securityHelp')} rules={[required, atLeast10]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="odgrant-security" />
        </Form.Item>
        <Form.Item name="delivery" label={t('odgrant.apply.delivery')} rules={[required]}>
          <Radio.Group>
            <Space direction="vertical">
              <Radio value="api">{t('odgrant.apply.deliveryApi')}</Radio>
              <Radio value="sandbox">{t('odgrant.apply.deliverySandbox')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="contactName" label={t('odgrant.apply.contactName')} rules={[required]}>
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contactPhone" label={t('odgrant.apply.contactPhone')} rules={[required, { pattern: /^[0-9+() -]{5,20}$/, message: t('odgrant.apply.required') }]}>
              <Input maxLength={20} autoComplete="tel" inputMode="tel" data-testid="odgrant-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contactEmail" label={t('odgrant.apply.contactEmail')} rules={[{ type: 'email', message: t('odgrant.apply.contactEmail') }]}>
              <Input maxLength={100} autoComplete="email" />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="odgrant-create">
            {t('odgrant.apply.submit')}
          </Button>
          <Button onClick={() => setOpen(false)}>{t('odgrant.apply.close')}</Button>
        </Space>
      </Form>
    );
  })();
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('odgrant.apply.title')}</h2>} style={{ marginTop: 16 }} data-testid="odgrant-apply">
      <Typography.Paragraph>{t('odgrant.apply.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('odgrant.apply.needs')}</Typography.Paragraph>
      {body}
    </Card>
  );
}
