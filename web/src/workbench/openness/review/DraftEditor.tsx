import { Alert, Button, Col, Form, Input, Row, Select, Space, Typography, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, errorText } from '../../../api';
import { useTitle } from '../../../shell/useTitle';
import type { DraftSummary, DraftView, Page } from './types';

const KINDS = ['regulation', 'normative', 'policy', 'plan', 'notice', 'report', 'interpretation'] as const;
const THEMES = Array.from({ length: 21 }, (_, i) => String(i + 1).padStart(2, '0'));

interface Values {
  purpose: 'publish' | 'change' | 'withdraw';
  targetId?: string;
  reason?: string;
  title?: string;
  kind?: string;
  themeCode?: string;
  number?: string;
  issuerName?: string;
  writtenOn?: string;
  publishOn?: string;
  disclosure?: string;
  summary?: string;
  body?: string;
  keywords?: string;
  interpretationOf?: string;
  interpretationOfDraft?: string;
  interpretationForm?: string;
  links?: string;
}

const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** What the form holds, as the API takes it (empty fields left out). */
function documentOf(v: Values, attachments: { fileId: string; name: string }[]) {
  const links = (v.links ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const at = l.search(/https?:\/\//);
      return { label: (at > 0 ? l.slice(0, at) : l).trim() || l, url: at >= 0 ? l.slice(at).trim() : '' };
    });
  return {
    title: v.title ?? '',
    kind: v.kind,
    themeCode: v.themeCode,
    writtenOn: v.writtenOn,
    disclosure: v.disclosure ?? 'proactive',
    body: v.body ?? '',
    ...(opt(v.number) ? { number: opt(v.number) } : {}),
    ...(opt(v.issuerName) ? { issuerName: opt(v.issuerName) } : {}),
    ...(opt(v.publishOn) ? { publishOn: opt(v.publishOn) } : {}),
    ...(opt(v.summary) ? { summary: opt(v.summary) } : {}),
    keywords: (v.keywords ?? '')
      .split(/[,，、\s]+/)
      .map((k) => k.trim())
      .filter(Boolean),
    attachments,
    ...(v.kind === 'interpretation' && opt(v.interpretationOf) ? { interpretationOf: opt(v.interpretationOf) } : {}),
    ...(v.kind === 'interpretation' && v.interpretationForm ? { interpretationForm: v.interpretationForm } : {}),
    links,
  };
}

/** The draft editor: metadata, text, its 解读 link and attachments (uploaded to the platform's file store). */
export function DraftEditor({ id }: { id?: string }) {
  const { t, i18n } = useTranslation();
  useTitle('gkrev.title');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const purpose = Form.useWatch('purpose', form) ?? 'publish';
  const kind = Form.useWatch('kind', form);
  const [attachments, setAttachments] = useState<{ fileId: string; name: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const existing = useQuery({ queryKey: ['gkrev-draft', id], queryFn: () => api<DraftView>(`/api/openness/drafts/${id}`), enabled: !!id, retry: false });
  // Originals a 解读 may name while they are still drafts: my department's drafts.
  const originals = useQuery({ queryKey: ['gkrev-drafts', 'department', 'originals'], queryFn: () => api<Page<DraftSummary>>('/api/openness/drafts?box=department&limit=200'), retry: false });
  const d = existing.data;
  const files = attachments ?? d?.document?.attachments ?? [];
  const save = useMutation({
    mutationFn: (v: Values) => {
      const document = v.purpose === 'withdraw' ? undefined : documentOf(v, files);
      const body = {
        ...(document ? { document } : {}),
        ...(v.purpose !== 'publish' && opt(v.reason) ? { reason: opt(v.reason) } : {}),
        ...(v.purpose === 'publish' && v.kind === 'interpretation' && v.interpretationOfDraft ? { interpretationOfDraft: v.interpretationOfDraft } : {}),
      };
      return id
        ? api<{ id: string }>(`/api/openness/drafts/${id}`, { method: 'PUT', json: { expectedVersion: d!.version, ...body } })
        : api<{ id: string }>('/api/openness/drafts', { method: 'POST', json: { purpose: v.purpose, ...(v.purpose !== 'publish' ? { targetId: opt(v.targetId) } : {}), ...body } });
    },
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['gkrev-drafts'] });
      void qc.invalidateQueries({ queryKey: ['gkrev-draft', r.id] });
      navigate(`/workbench/openness/drafts/${r.id}`);
    },
    onError: (e) => setError(errorText(e, i18n.language)),
  });
  if (id && !d) return existing.isError ? <Alert type="error" showIcon message={errorText(existing.error, i18n.language)} /> : null;
  const doc = d?.document;
  const initial: Values = d
    ? {
        purpose: d.purpose,
        reason: d.reason ?? undefined,
        title: doc?.title,
        kind: doc?.kind,
        themeCode: doc?.themeCode,
        number: doc?.number ?? undefined,
        issuerName: doc?.issuerName ?? undefined,
        writtenOn: doc?.writtenOn,
        publishOn: doc?.publishOn ?? undefined,
        disclosure: doc?.disclosure,
        summary: doc?.summary ?? undefined,
        body: doc?.body,
        keywords: doc?.keywords.join('，'),
        interpretationOf: doc?.interpretationOf ?? undefined,
        interpretationOfDraft: d.interpretationOfDraft?.id,
        interpretationForm: doc?.interpretationForm ?? undefined,
        links: doc?.links.map((l) => `${l.label} ${l.url}`).join('\n'),
      }
    : { purpose: 'publish', kind: 'notice', themeCode: '01', disclosure: 'proactive', writtenOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) };
  const req = [{ required: true, message: t('gkrev.editor.required') }];
  const upload = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    const res = await fetch('/api/files', { method: 'POST', body, credentials: 'same-origin' });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) setError(errorText(new ApiError(res.status, json.code ?? 'ERROR', json.zh ?? '上传失败', json.en ?? 'Upload failed'), i18n.language));
    else setAttachments([...files, { fileId: json.id, name: file.name.slice(0, 120) }]);
    return false;
  };
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Link to={id ? `/workbench/openness/drafts/${id}` : '/workbench/openness/drafts'}>{t('gkrev.back')}</Link>
      </Space>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {id ? t('gkrev.editor.titleEdit') : t('gkrev.editor.titleNew')}
      </Typography.Title>
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} style={{ marginBottom: 12 }} message={error} role="alert" />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Row gutter={[12, 0]}>
          <Col xs={24} sm={8}>
            <Form.Item name="purpose" label={t('gkrev.editor.purpose')}>
              <Select disabled={!!id} options={(['publish', 'change', 'withdraw'] as const).map((p) => ({ value: p, label: t(`gkrev.purposes.${p}`) }))} />
            </Form.Item>
          </Col>
          {purpose !== 'publish' && (
            <>
              <Col xs={24} sm={16}>
                <Form.Item name="targetId" label={t('gkrev.editor.targetId')} rules={id ? [] : req}>
                  <Input disabled={!!id} maxLength={36} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="reason" label={t('gkrev.editor.reason')} rules={req}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        {purpose !== 'withdraw' && (
          <Row gutter={[12, 0]}>
            <Col xs={24}>
              <Form.Item name="title" label={t('gkrev.editor.title')} rules={req}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="kind" label={t('gkrev.editor.kind')} rules={req}>
                <Select options={KINDS.map((k) => ({ value: k, label: t(`gkrev.kinds.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="themeCode" label={t('gkrev.editor.themeCode')} rules={req}>
                <Select options={THEMES.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="disclosure" label={t('gkrev.editor.disclosure')}>
                <Select
                  options={[
                    { value: 'proactive', label: t('gkrev.editor.proactive') },
                    { value: 'on_request', label: t('gkrev.editor.onRequest') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="number" label={t('gkrev.editor.number')}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="writtenOn" label={t('gkrev.editor.writtenOn')} rules={req}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="publishOn" label={t('gkrev.editor.publishOn')}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="issuerName" label={t('gkrev.editor.issuerName')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            {kind === 'interpretation' && (
              <>
                <Col xs={24} sm={8}>
                  <Form.Item name="interpretationOfDraft" label={t('gkrev.editor.interpretationOfDraft')}>
                    <Select
                      allowClear
                      options={(originals.data?.items ?? [])
                        .filter((o) => o.kind !== 'interpretation' && o.purpose === 'publish' && o.state !== 'discarded' && o.id !== id)
                        .map((o) => ({ value: o.id, label: o.title }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item name="interpretationOf" label={t('gkrev.editor.interpretationOf')}>
                    <Input maxLength={36} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item name="interpretationForm" label={t('gkrev.editor.interpretationForm')}>
                    <Select allowClear options={(['text', 'graphic', 'video'] as const).map((f) => ({ value: f, label: t(`gkrev.editor.forms.${f}`) }))} />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col xs={24}>
              <Form.Item name="summary" label={t('gkrev.editor.summary')}>
                <Input.TextArea rows={2} maxLength={200} showCount />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="body" label={t('gkrev.editor.body')} rules={req}>
                <Input.TextArea rows={14} maxLength={200000} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="keywords" label={t('gkrev.editor.keywords')}>
                <Input maxLength={400} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="links" label={t('gkrev.editor.links')}>
                <Input.TextArea rows={2} maxLength={4000} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label={t('gkrev.editor.attachments')}>
                <Upload
                  beforeUpload={(f) => upload(f as unknown as File)}
                  fileList={files.map((f) => ({ uid: f.fileId, name: f.name, status: 'done' as const, url: `/api/files/${f.fileId}` }))}
                  onRemove={(f) => void setAttachments(files.filter((x) => x.fileId !== f.uid))}
                >
                  <Button>{t('gkrev.editor.upload')}</Button>
                </Upload>
              </Form.Item>
            </Col>
          </Row>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('gkrev.editor.save')}
          </Button>
          <Button onClick={() => navigate(id ? `/workbench/openness/drafts/${id}` : '/workbench/openness/drafts')}>{t('gkrev.editor.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
