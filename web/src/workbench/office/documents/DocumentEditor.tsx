import { Alert, Button, Card, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api';
import { useAction } from '../../../shell/useAction';
import { useTitle } from '../../../shell/useTitle';
import { useLocalName } from '../../../shell/localName';
import { PdfPreview } from './PdfPreview';
import { DOC_TYPES, type DocType, type DocumentInput, type DocumentView } from './types';

interface Values {
  title: string;
  docType: DocType;
  docWord?: string;
  urgency: 'none' | '特急' | '加急';
  secrecy: 'none' | '秘密' | '机密';
  secrecyPeriod?: string;
  mainRecipients: string[];
  ccRecipients?: string[];
  externalRecipients?: string[];
  body: string;
  attachments?: string[];
  note?: string;
  countersignDepartmentIds?: string[];
  public: boolean;
}

const toInput = (v: Values): DocumentInput => ({
  title: v.title.trim(),
  docType: v.docType,
  ...(v.docWord?.trim() ? { docWord: v.docWord.trim() } : {}),
  urgency: v.urgency === 'none' ? null : v.urgency,
  secrecy: v.secrecy === 'none' ? null : v.secrecy,
  secrecyPeriod: v.secrecy !== 'none' && v.secrecyPeriod?.trim() ? v.secrecyPeriod.trim() : null,
  mainRecipients: v.mainRecipients,
  ccRecipients: v.ccRecipients ?? [],
  externalRecipients: (v.externalRecipients ?? []).map((s) => s.trim()).filter(Boolean),
  body: v.body.replace(/\r\n/g, '\n').trim(),
  attachments: (v.attachments ?? []).map((name) => ({ name: name.trim() })).filter((a) => a.name),
  note: v.note?.trim() || null,
  countersignDepartmentIds: v.countersignDepartmentIds ?? [],
  public: v.public,
});

const fromView = (d: DocumentView): Values => ({
  title: d.title,
  docType: d.docType as DocType,
  docWord: d.docWord ?? undefined,
  urgency: (d.urgency as Values['urgency']) ?? 'none',
  secrecy: (d.secrecy as Values['secrecy']) ?? 'none',
  secrecyPeriod: d.secrecyPeriod ?? undefined,
  mainRecipients: d.mainRecipients.map((r) => r.id),
  ccRecipients: d.ccRecipients.map((r) => r.id),
  externalRecipients: d.externalRecipients,
  body: d.body,
  attachments: d.attachments.map((a) => a.name),
  note: d.note ?? undefined,
  countersignDepartmentIds: d.countersignDepartmentIds ?? d.countersigns.map((c) => c.departmentId),
  public: d.public ?? false,
});

/** 拟稿: a new 公文 (`id` absent) or a change to a draft, saved as a new text version. */
export function DocumentEditor({ id }: { id?: string }) {
  const { t } = useTranslation();
  useTitle(id ? 'offdoc.editor.edit' : 'offdoc.editor.new');
  const navigate = useNavigate();
  const name = useLocalName();
  const act = useAction('offdoc-');
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const secrecy = Form.useWatch('secrecy', form);
  const depts = useQuery({
    queryKey: ['departments-all'],
    staleTime: 300_000,
    queryFn: () => api<{ items: { id: string; name: string; nameEn?: string | null }[] }>('/api/org/departments?limit=200'),
  });
  const doc = useQuery({ queryKey: ['offdoc-doc', id], enabled: !!id, queryFn: () => api<DocumentView>(`/api/office/documents/${id}`) });
  useEffect(() => {
    if (doc.data) form.setFieldsValue(fromView(doc.data));
  }, [doc.data, form]);
  const deptOptions = (depts.data?.items ?? []).map((d) => ({ value: d.id, label: name(d) }));
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    let newId = id;
    const ok = await act(async () => {
      if (id) await api(`/api/office/documents/${id}`, { method: 'PUT', json: { ...toInput(v), expectedVersion: doc.data!.version } });
      else newId = (await api<{ id: string }>('/api/office/documents', { method: 'POST', json: toInput(v) })).id;
    }, t('offdoc.editor.saved'));
    setSaving(false);
    if (ok) navigate(`/workbench/office/documents/${newId}`);
  };
  if (id && doc.error) return <Alert type="error" title={t('offdoc.notFound')} />;
  const req = (key: string) => ({ required: true, message: t(`offdoc.v.${key}`) });
  // Names typed as tags: each one within the length the API stores.
  const eachAtMost = (n: number) => ({
    validator: (_: unknown, v: string[] | undefined) => ((v ?? []).every((s) => s.trim().length <= n) ? Promise.resolve() : Promise.reject(new Error(t('offdoc.v.tooLong')))),
  });
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{id ? t('offdoc.editor.edit') : t('offdoc.editor.new')}</h2>}>
      <Form<Values> form={form} layout="vertical" initialValues={{ urgency: 'none', secrecy: 'none', public: false, docType: '通知' }} style={{ maxWidth: 860 }}>
        <Form.Item name="title" label={t('offdoc.f.title')} rules={[req('title'), { max: 200, message: t('offdoc.v.title') }, { whitespace: true, message: t('offdoc.v.title') }]}>
          <Input maxLength={200} showCount />
        </Form.Item>
        <Space wrap size="middle" align="start">
          <Form.Item name="docType" label={t('offdoc.f.docType')} rules={[req('docType')]}>
            <Select style={{ minWidth: 180 }} options={DOC_TYPES.map((d) => ({ value: d, label: t(`offdoc.docTypes.${d}`) }))} />
          </Form.Item>
          <Form.Item name="urgency" label={t('offdoc.f.urgency')}>
            <Select style={{ minWidth: 140 }} options={(['none', '特急', '加急'] as const).map((u) => ({ value: u, label: t(`offdoc.urgencies.${u}`) }))} />
          </Form.Item>
          <Form.Item name="secrecy" label={t('offdoc.f.secrecy')}>
            <Select style={{ minWidth: 200 }} options={(['none', '秘密', '机密'] as const).map((u) => ({ value: u, label: t(`offdoc.secrecies.${u}`) }))} />
          </Form.Item>
          {secrecy && secrecy !== 'none' && (
            <Form.Item name="secrecyPeriod" label={t('offdoc.f.secrecyPeriod')} rules={[req('secrecyPeriod'), { max: 20, message: t('offdoc.v.tooLong') }]}>
              <Input maxLength={20} />
            </Form.Item>
          )}
          <Form.Item name="docWord" label={t('offdoc.f.docWord')} extra={t('offdoc.f.docWordHint')} rules={[{ pattern: /^[\u4e00-\u9fa5]{1,12}$/, message: t('offdoc.v.docWord') }]}>
            <Input maxLength={12} />
          </Form.Item>
        </Space>
        <Form.Item name="mainRecipients" label={t('offdoc.f.mainRecipients')} rules={[{ required: true, type: 'array', min: 1, message: t('offdoc.v.mainRecipients') }]}>
          <Select mode="multiple" options={deptOptions} optionFilterProp="label" loading={depts.isLoading} />
        </Form.Item>
        <Form.Item name="ccRecipients" label={t('offdoc.f.ccRecipients')}>
          <Select mode="multiple" options={deptOptions} optionFilterProp="label" loading={depts.isLoading} />
        </Form.Item>
        <Form.Item name="externalRecipients" label={t('offdoc.f.externalRecipients')} extra={t('offdoc.f.externalHint')} rules={[eachAtMost(60)]}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',']} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('offdoc.f.body')}
          extra={t('offdoc.f.bodyHint')}
          rules={[req('body'), { whitespace: true, message: t('offdoc.v.body') }, { max: 50_000, message: t('offdoc.v.tooLong') }]}
        >
          <Input.TextArea autoSize={{ minRows: 10, maxRows: 30 }} />
        </Form.Item>
        <Form.Item name="attachments" label={t('offdoc.f.attachments')} extra={t('offdoc.f.attachmentsHint')} rules={[eachAtMost(120)]}>
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="note" label={t('offdoc.f.note')} rules={[{ max: 200, message: t('offdoc.v.tooLong') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={200} />
        </Form.Item>
        <Form.Item name="countersignDepartmentIds" label={t('offdoc.f.countersign')}>
          <Select mode="multiple" options={deptOptions} optionFilterProp="label" loading={depts.isLoading} />
        </Form.Item>
        <Form.Item name="public" label={t('offdoc.f.public')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space wrap>
          <Button type="primary" loading={saving} onClick={save}>
            {t('offdoc.editor.save')}
          </Button>
          <Button onClick={() => navigate(id ? `/workbench/office/documents/${id}` : '/workbench/office/documents')}>{t('offdoc.editor.cancel')}</Button>
          {id ? <PdfPreview id={id} /> : <Typography.Text type="secondary">{t('offdoc.previewAfterSave')}</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}
