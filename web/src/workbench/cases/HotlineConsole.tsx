import { Alert, Button, Card, Checkbox, Col, Form, Input, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api';
import { PinPicker } from '../../cases/map/PinPicker';
import { useCaseCodes } from '../../cases/codes';
import type { CaseSummary, Knowledge, Suggestion } from '../../cases/types';
import { useAction } from '../../shell/useAction';
import type { Answer } from '../../api/client';

const PHONE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;

/** Waits until the user stops typing before asking the server again. */
function useDebounced<T>(value: T, ms = 400): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

type Registered = Answer<'/api/cases', 'post', 201>;
type Understood = Answer<'/api/cases/classify', 'post'>;

/** 12345 agent console: one screen for a call in progress. */
export function HotlineConsole() {
  const { t, i18n } = useTranslation();
  const codes = useCaseCodes();
  const act = useAction('case');
  const [form] = Form.useForm();
  const [pin, setPin] = useState<[number, number] | null>(null);
  const [done, setDone] = useState<Registered | null>(null);
  const phone = Form.useWatch('callerPhone', form) ?? '';
  const content = useDebounced<string>(Form.useWatch('content', form) ?? '');
  const lang = (c: { zh: string; en: string }) => (i18n.language === 'en' ? c.en : c.zh);

  const history = useQuery({
    queryKey: ['case-caller', phone],
    enabled: PHONE.test(phone),
    queryFn: () =>
      api<{ callerName: string | null; repeatCaller: boolean; callsInWindow: number; windowDays: number; cases: CaseSummary[] }>('/api/cases/caller-history', { method: 'POST', json: { phone } }),
  });
  const kb = useQuery({
    queryKey: ['case-kb', content],
    enabled: content.trim().length >= 2,
    queryFn: () => api<Knowledge[]>(`/api/cases/knowledge?q=${encodeURIComponent(content.slice(0, 200))}&limit=5`),
  });
  const guess = useQuery({
    queryKey: ['case-classify', content, pin],
    enabled: content.trim().length >= 4,
    queryFn: () => api<Understood>('/api/cases/classify', { method: 'POST', json: { text: content.slice(0, 2000), ...(pin ? { lon: pin[0], lat: pin[1] } : {}) } }),
  });
  useEffect(() => {
    if (history.data?.callerName && !form.getFieldValue('callerName')) form.setFieldValue('callerName', history.data.callerName);
  }, [history.data, form]);

  const register = async () => {
    const v = await form.validateFields();
    let r: Registered | null = null;
    const ok = await act(
      async () => {
        r = await api<Registered>('/api/cases', {
          method: 'POST',
          json: { ...v, ...(pin ? { lon: pin[0], lat: pin[1] } : {}), address: v.address || undefined, callerName: v.callerName || undefined },
        });
      },
      t('cases.registered', { number: '' }),
    );
    if (ok && r) setDone(r);
  };
  // The two slots: the registered case's reading once it is stored, else the live one while typing.
  const slots = done?.departments ? { departments: done.departments, street: done.street ?? null, manual: !!done.manual } : guess.data;
  const dispatch = (s: Pick<Suggestion, 'categoryCode' | 'departmentId'>) =>
    act(() => api(`/api/cases/${done!.id}/actions`, { method: 'POST', json: { action: 'dispatch', categoryCode: s.categoryCode, departmentId: s.departmentId } }), t('cases.done')).then(
      (ok) => ok && reset(),
    );
  const answer = (k: Knowledge) =>
    act(() => api(`/api/cases/${done!.id}/actions`, { method: 'POST', json: { action: 'answer', reason: k.body, knowledgeId: k.id } }), t('cases.done')).then((ok) => ok && reset());
  const reset = () => {
    form.resetFields();
    setPin(null);
    setDone(null);
  };

  return (
    <>
      <Typography.Paragraph>{t('cases.hotlineLead')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Form form={form} layout="vertical" initialValues={{ kind: 'complaint', urgency: 'ordinary' }} disabled={!!done}>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="callerPhone" label={t('cases.phone')} rules={[{ pattern: PHONE, message: t('cases.phone') }]}>
                  <Input inputMode="tel" maxLength={13} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="callerName" label={t('cases.callerName')}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item name="kind" label={t('cases.kind')}>
                  <Select options={(codes.data?.kinds ?? []).map((c) => ({ value: c.code, label: lang(c) }))} />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item name="urgency" label={t('cases.urgency')}>
                  <Select options={(codes.data?.urgencies ?? []).map((c) => ({ value: c.code, label: lang(c) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="content" label={t('cases.content')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('cases.contentPlaceholder')} />
            </Form.Item>
            <Form.Item name="address" label={t('cases.address')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="confidential" valuePropName="checked">
              <Checkbox>{t('cases.confidential')}</Checkbox>
            </Form.Item>
          </Form>
          <PinPicker pin={pin} onChange={setPin} onAddress={(text) => !form.getFieldValue('address') && form.setFieldValue('address', text)} disabled={!!done} height={260} />
          <Space style={{ marginTop: 12 }}>
            {!done && (
              <Button type="primary" onClick={register}>
                {t('cases.register')}
              </Button>
            )}
            {done && <Button onClick={reset}>{t('cases.hotline')}</Button>}
          </Space>
          {done && (
            <Alert
              style={{ marginTop: 12 }}
              type={done.duplicateOf ? 'warning' : 'success'}
              title={
                <>
                  {t('cases.registered', { number: done.number })} · <Link to={`/workbench/cases/${done.id}`}>{t('cases.view')}</Link>
                </>
              }
              description={done.duplicateOf ? t('cases.mergedInto') : undefined}
            />
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" style={{ marginBottom: 12 }} title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.understanding')}</h2>}>
            <Typography.Text strong>{t('cases.departmentSlot')}</Typography.Text>
            {slots?.manual && <Alert style={{ margin: '4px 0' }} type="warning" showIcon title={t('cases.manual')} description={t('cases.manualLead')} />}
            <List
              size="small"
              dataSource={slots?.departments ?? []}
              locale={{ emptyText: '—' }}
              renderItem={(d, i) => (
                <List.Item
                  actions={
                    done && !done.duplicateOf && d.departmentId
                      ? [
                          <Button
                            key="d"
                            size="small"
                            type={i === 0 && !slots?.manual ? 'primary' : 'default'}
                            onClick={() => dispatch({ categoryCode: d.categoryCode, departmentId: d.departmentId })}
                          >
                            {t('cases.dispatchTo', { unit: d.name })}
                          </Button>,
                        ]
                      : []
                  }
                >
                  {d.name} <Tag color={i === 0 && !slots?.manual ? 'blue' : 'default'}>{Math.round(d.confidence * 100)}%</Tag>
                </List.Item>
              )}
            />
            <Typography.Text strong>{t('cases.streetSlot')}</Typography.Text>{' '}
            {slots?.street ? (
              <>
                {slots.street.name} <Tag color="blue">{Math.round(slots.street.confidence * 100)}%</Tag>
                <Typography.Text type="secondary">{slots.street.source === 'map' ? t('cases.fromMap') : t('cases.fromText')}</Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">{t('cases.streetUnknown')}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.suggestions')}</h2>}>
            <List
              dataSource={done ? done.suggestions : (guess.data?.suggestions ?? [])}
              locale={{ emptyText: '—' }}
              renderItem={(s) => (
                <List.Item
                  actions={
                    done && !done.duplicateOf && s.departmentId
                      ? [
                          <Button key="d" size="small" type={slots?.manual ? 'default' : 'primary'} onClick={() => dispatch(s)}>
                            {t('cases.dispatchTo', { unit: s.departmentName })}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <>
                        {i18n.language === 'en' && s.categoryNameEn ? s.categoryNameEn : s.categoryName} <Tag color="blue">{Math.round(s.confidence * 100)}%</Tag>
                      </>
                    }
                    description={
                      <>
                        {s.departmentName ?? t('cases.noUnit')} · {s.basis.map((b) => (b === 'model' ? t('cases.model') : b.replace('keyword:', `${t('cases.keyword')}：`))).join('，')}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" style={{ marginTop: 12 }} title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.knowledge')}</h2>} extra={t('cases.knowledgeLead')}>
            <List
              dataSource={kb.data ?? []}
              locale={{ emptyText: t('cases.noKnowledge') }}
              renderItem={(k) => (
                <List.Item
                  actions={
                    done && !done.duplicateOf
                      ? [
                          <Button key="a" size="small" onClick={() => answer(k)}>
                            {t('cases.useAnswer')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta title={k.title} description={k.body} />
                </List.Item>
              )}
            />
          </Card>
          <Card
            size="small"
            style={{ marginTop: 12 }}
            title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.history')}</h2>}
            extra={history.data?.repeatCaller ? <Tag color="red">{t('cases.repeatCaller')}</Tag> : null}
          >
            {history.data ? (
              <>
                <Typography.Text type="secondary">{t('cases.callsInWindow', { n: history.data.callsInWindow, days: history.data.windowDays })}</Typography.Text>
                <List
                  size="small"
                  dataSource={history.data.cases}
                  locale={{ emptyText: t('cases.noHistory') }}
                  renderItem={(c) => (
                    <List.Item>
                      <Link to={`/workbench/cases/${c.id}`}>{c.number}</Link> {c.title}
                    </List.Item>
                  )}
                />
              </>
            ) : (
              <Typography.Text type="secondary">{t('cases.noHistory')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
