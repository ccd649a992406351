import { Alert, Button, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { PinPicker } from '../../cases/map/PinPicker';
import { PhotoUpload } from '../../cases/PhotoUpload';
import { useCaseCodes, useCategoryOptions } from '../../cases/codes';
import { useAction } from '../../shell/useAction';

/** 网格上报 from a phone on patrol: what, where (map), a photo. Also the portal's report form. */
export function ReportForm({ channel }: { channel: 'grid' | 'web' }) {
  const { t, i18n } = useTranslation();
  const codes = useCaseCodes();
  const categories = useCategoryOptions();
  const act = useAction('case');
  const [form] = Form.useForm();
  const [pin, setPin] = useState<[number, number] | null>(null);
  const [photos, setPhotos] = useState<string[]>([]);
  const [done, setDone] = useState<{ number: string; duplicateOf: string | null } | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    let r: { number: string; duplicateOf: string | null } | null = null;
    const ok = await act(
      async () => {
        r = await api('/api/cases', {
          method: 'POST',
          json: {
            channel,
            kind: v.kind,
            content: v.content,
            address: v.address || undefined,
            categoryCode: v.categoryCode || undefined,
            ...(pin ? { lon: pin[0], lat: pin[1] } : {}),
            ...(photos.length ? { photoIds: photos } : {}),
          },
        });
      },
      () => t('portal.submitted', { number: (r as { number: string } | null)?.number ?? '' }),
    );
    if (ok && r) {
      setDone(r);
      form.resetFields();
      setPin(null);
    }
  };
  return (
    <>
      {done && (
        <Alert
          type={done.duplicateOf ? 'warning' : 'success'}
          style={{ marginBottom: 12 }}
          title={t('cases.submitted', { number: done.number })}
          description={done.duplicateOf ? t('cases.mergedInto') : undefined}
        />
      )}
      <Form form={form} layout="vertical" initialValues={{ kind: channel === 'grid' ? 'report' : 'complaint' }}>
        <Form.Item name="kind" label={t('cases.kind')}>
          <Select options={(codes.data?.kinds ?? []).map((c) => ({ value: c.code, label: i18n.language === 'en' ? c.en : c.zh }))} />
        </Form.Item>
        {channel === 'grid' && (
          <Form.Item name="categoryCode" label={t('cases.category')}>
            <Select allowClear showSearch optionFilterProp="label" options={categories} />
          </Form.Item>
        )}
        <Form.Item name="content" label={t('cases.content')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="address" label={t('cases.address')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      <PinPicker key={done?.number ?? 'new'} pin={pin} onChange={setPin} onAddress={(text) => !form.getFieldValue('address') && form.setFieldValue('address', text)} height={280} />
      <div style={{ marginTop: 12 }}>
        <PhotoUpload key={done?.number ?? 'new'} onChange={setPhotos} />
      </div>
      <Button type="primary" size="large" block onClick={submit}>
        {t('cases.submit')}
      </Button>
    </>
  );
}

export function GridReport() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph>{t('cases.reportLead')}</Typography.Paragraph>
      <ReportForm channel="grid" />
    </>
  );
}
