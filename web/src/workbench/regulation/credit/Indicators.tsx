import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useAction } from '../../../shell/useAction';
import type { CreditSettings, IndicatorsView, Mode } from './types';

const MODES: Mode[] = ['flag', 'below', 'atLeast', 'each'];

/**
 * 指标配置: the base score, the class thresholds and each indicator (the fact it reads, how it
 * counts, its points and cap, its zh/en words — which are the reasons users read). Saving makes a
 * new version for the region; the server checks it and names any field at fault.
 */
export function Indicators({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreditSettings & { reason: string }>();
  const act = useAction('regcredit');
  const q = useQuery({ queryKey: ['regcredit-indicators'], queryFn: () => api<IndicatorsView>('/api/regulation/credit/indicators') });
  useEffect(() => {
    if (q.data) form.setFieldsValue({ ...q.data.value, reason: '' });
  }, [q.data, form]);
  const facts = q.data?.facts ?? [];
  const save = async () => {
    const { reason, ...value } = await form.validateFields();
    // Empty optional numbers are left out, not sent as null.
    const clean = { ...value, indicators: value.indicators.map((i) => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== null && v !== undefined && v !== ''))) };
    await act(() => api('/api/regulation/credit/indicators', { method: 'PUT', json: { value: clean, reason } }), t('regcredit.saved'));
  };
  return (
    <Card
      size="small"
      loading={q.isLoading}
      title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('regcredit.indicators')}</h2>}
      extra={q.data && <Typography.Text type="secondary">{q.data.version ? t('regcredit.version', { v: q.data.version }) : t('regcredit.inherited')}</Typography.Text>}
    >
      <Form form={form} layout="vertical" disabled={!manage} requiredMark={false}>
        <Row gutter={12}>
          <Col xs={12} sm={6}>
            <Form.Item name="base" label={t('regcredit.base')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {(['A', 'B', 'C'] as const).map((c) => (
            <Col xs={12} sm={6} key={c}>
              <Form.Item name={['thresholds', c]} label={t('regcredit.threshold', { c })} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  type="inner"
                  title={t('regcredit.indicatorN', { n: i + 1 })}
                  extra={
                    manage && (
                      <Button size="small" danger onClick={() => remove(f.name)}>
                        {t('regcredit.remove')}
                      </Button>
                    )
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} sm={12} md={6}>
                      <Form.Item name={[f.name, 'zh']} label={t('regcredit.fields.zh')} rules={[{ required: true, max: 60 }]}>
                        <Input maxLength={60} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12} md={6}>
                      <Form.Item name={[f.name, 'en']} label={t('regcredit.fields.en')} rules={[{ required: true, max: 120 }]}>
                        <Input maxLength={120} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12} md={6}>
                      <Form.Item name={[f.name, 'key']} label={t('regcredit.fields.key')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('regcredit.keyRule') }]}>
                        <Input maxLength={40} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12} md={6}>
                      <Form.Item name={[f.name, 'fact']} label={t('regcredit.fields.fact')} rules={[{ required: true }]}>
                        <Select options={facts.map((x) => ({ value: x.name, label: t(`regcredit.facts.${x.name}`, { defaultValue: x.name }) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[f.name, 'mode']} label={t('regcredit.fields.mode')} rules={[{ required: true }]}>
                        <Select options={MODES.map((m) => ({ value: m, label: t(`regcredit.modes.${m}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[f.name, 'threshold']} label={t('regcredit.fields.threshold')}>
                        <InputNumber style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[f.name, 'points']} label={t('regcredit.fields.points')} rules={[{ required: true }]}>
                        <InputNumber min={-100} max={100} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[f.name, 'cap']} label={t('regcredit.fields.cap')}>
                        <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              {manage && fields.length < 40 && <Button onClick={() => add({ key: '', fact: 'complaints12m', mode: 'each', points: -1, zh: '', en: '' })}>{t('regcredit.addIndicator')}</Button>}
            </Space>
          )}
        </Form.List>
        {manage && (
          <Row gutter={12} style={{ marginTop: 16 }} align="bottom">
            <Col xs={24} md={16}>
              <Form.Item name="reason" label={t('regcredit.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item>
                <Button type="primary" onClick={save} block>
                  {t('regcredit.save')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </Card>
  );
}
