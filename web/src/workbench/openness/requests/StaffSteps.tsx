import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space, Upload, message } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorText } from '../../../api';
import type { Answer } from '../../../api/client';
import { useRefreshRequest } from '../../../portal/openness/requests/RequestDetail';
import type { RequestDetailData } from '../../../portal/openness/requests/shared';

/** Reason codes per answer type (条例 Art. 36, as the 年度报告 counts them). */
const REASONS: Record<string, string[]> = {
  disclosed: [],
  partly: [],
  withheld: ['state_secret', 'law_forbids', 'three_safeties', 'third_party', 'internal_affairs', 'process_info', 'enforcement_file', 'inquiry'],
  unavailable: ['not_held', 'needs_making', 'still_unclear'],
  not_handled: ['petition', 'repeated', 'publication', 'excessive', 'confirm'],
  other: ['no_correction', 'unpaid_fee', 'other'],
  not_ours: [],
};

function useStep(r: RequestDetailData, path: string) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshRequest(r.id);
  return useMutation({
    mutationFn: (json: Record<string, unknown>) => api(`/api/openness/requests/${r.id}/${path}`, { method: 'POST', json: { ...json, expectedVersion: r.version } }),
    onSuccess: () => {
      void message.success(t('gkreq.steps.done'));
      refresh();
    },
    onError: (err) => void message.error(errorText(err, i18n.language)),
  });
}

/** The department's steps on one request, as the API says the viewer may take them. */
export function StaffSteps({ r }: { r: RequestDetailData }) {
  const has = (a: string) => r.actions.includes(a);
  return (
    <>
      {has('answer') && <AnswerForm r={r} />}
      {has('decide_extension') && <DecideExtension r={r} />}
      {has('ask_correction') && <SimpleStep r={r} path="correction-notice" title="gkreq.steps.askCorrection" fields={[['request', 'gkreq.steps.correctionText', true]]} />}
      {has('start_consultation') && (
        <SimpleStep
          r={r}
          path="consultation"
          title="gkreq.steps.consultation"
          fields={[
            ['party', 'gkreq.steps.party', false],
            ['matter', 'gkreq.steps.matter', true],
          ]}
        />
      )}
      {has('end_consultation') && <SimpleStep r={r} path="consultation/end" title="gkreq.steps.endConsultation" fields={[['opinion', 'gkreq.steps.opinion', true]]} optional />}
      {has('ask_extension') && <ExtensionForm r={r} />}
      {has('forward') && <ForwardForm r={r} />}
    </>
  );
}

function SimpleStep({ r, path, title, fields, optional }: { r: RequestDetailData; path: string; title: string; fields: [string, string, boolean][]; optional?: boolean }) {
  const { t } = useTranslation();
  const m = useStep(r, path);
  return (
    <Card title={t(title)} size="small" style={{ marginTop: 16 }}>
      <Form layout="vertical" onFinish={(v: Record<string, string>) => m.mutate(v)}>
        {fields.map(([name, label, long]) => (
          <Form.Item key={name} name={name} label={t(label)} rules={optional ? [] : [{ required: true, message: t('gkreq.form.required') }]}>
            {long ? <Input.TextArea rows={3} maxLength={2000} /> : <Input maxLength={200} />}
          </Form.Item>
        ))}
        <Button htmlType="submit" loading={m.isPending}>
          {t('gkreq.steps.send')}
        </Button>
      </Form>
    </Card>
  );
}

function ExtensionForm({ r }: { r: RequestDetailData }) {
  const { t } = useTranslation();
  const m = useStep(r, 'extension');
  return (
    <Card title={t('gkreq.steps.extension')} size="small" style={{ marginTop: 16 }}>
      <Form layout="vertical" initialValues={{ days: 20 }} onFinish={(v: { days: number; reason: string }) => m.mutate(v)}>
        <Form.Item name="days" label={t('gkreq.steps.days')} rules={[{ required: true, message: t('gkreq.form.required') }]}>
          <InputNumber min={1} max={20} />
        </Form.Item>
        <Form.Item name="reason" label={t('gkreq.steps.reasonExt')} rules={[{ required: true, message: t('gkreq.form.required') }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button htmlType="submit" loading={m.isPending}>
          {t('gkreq.steps.send')}
        </Button>
      </Form>
    </Card>
  );
}

function DecideExtension({ r }: { r: RequestDetailData }) {
  const { t } = useTranslation();
  const m = useStep(r, 'extension/decision');
  const [form] = Form.useForm<{ opinion?: string }>();
  return (
    <Card title={t('gkreq.steps.decide')} size="small" style={{ marginTop: 16 }}>
      <Form form={form} layout="vertical">
        <Form.Item name="opinion" label={t('gkreq.steps.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" loading={m.isPending} onClick={() => m.mutate({ approve: true, opinion: form.getFieldValue('opinion') || null })}>
            {t('gkreq.steps.approve')}
          </Button>
          <Button danger loading={m.isPending} onClick={() => m.mutate({ approve: false, opinion: form.getFieldValue('opinion') || null })}>
            {t('gkreq.steps.refuse')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

function ForwardForm({ r }: { r: RequestDetailData }) {
  const { t } = useTranslation();
  const m = useStep(r, 'forward');
  const depts = useQuery({ queryKey: ['gkreq-depts'], queryFn: () => api<Answer<'/api/openness/requests/departments'>>('/api/openness/requests/departments') });
  return (
    <Card title={t('gkreq.steps.forward')} size="small" style={{ marginTop: 16 }}>
      <Form layout="vertical" onFinish={(v: { departmentId: string; note?: string }) => m.mutate({ departmentId: v.departmentId, note: v.note || null })}>
        <Form.Item name="departmentId" label={t('gkreq.steps.forwardTo')} rules={[{ required: true, message: t('gkreq.form.required') }]}>
          <Select showSearch optionFilterProp="label" options={(depts.data?.items ?? []).filter((d) => d.id !== r.departmentId).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="note" label={t('gkreq.steps.note')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Button htmlType="submit" loading={m.isPending}>
          {t('gkreq.steps.send')}
        </Button>
      </Form>
    </Card>
  );
}

type AnswerValues = { type: string; reason?: string; reasonText?: string; rightBody?: string; libraryDocumentId?: string };

function AnswerForm({ r }: { r: RequestDetailData }) {
  const { t, i18n } = useTranslation();
  const m = useStep(r, 'answer');
  const [form] = Form.useForm<AnswerValues>();
  const type = Form.useWatch('type', form);
  const [files, setFiles] = useState<{ fileId: string; name: string }[]>([]);
  const [q, setQ] = useState('');
  const [uploadError, setUploadError] = useState<string | null>(null);
  const hits = useQuery({
    queryKey: ['gkreq-library', q],
    enabled: q.trim().length > 1,
    queryFn: () => api<Answer<'/api/openness/requests/library'>>(`/api/openness/requests/library?q=${encodeURIComponent(q.trim())}`),
  });
  const reasons = REASONS[type ?? ''] ?? [];
  const needsFiles = type === 'disclosed' || type === 'partly';
  const needsText = type && type !== 'disclosed';
  return (
    <Card title={t('gkreq.steps.answer')} size="small" style={{ marginTop: 16 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          m.mutate({
            type: v.type,
            reason: reasons.length ? v.reason : null,
            reasonText: v.reasonText || null,
            rightBody: v.rightBody || null,
            libraryDocumentId: needsFiles ? v.libraryDocumentId || null : null,
            files: needsFiles ? files : [],
          })
        }
      >
        <Form.Item name="type" label={t('gkreq.steps.type')} rules={[{ required: true, message: t('gkreq.form.required') }]}>
          <Select data-testid="gkreq-answer-type" options={Object.keys(REASONS).map((k) => ({ value: k, label: t(`gkreq.answerTypes.${k}`) }))} />
        </Form.Item>
        {reasons.length > 0 && (
          <Form.Item name="reason" label={t('gkreq.steps.reason')} rules={[{ required: true, message: t('gkreq.form.required') }]}>
            <Select data-testid="gkreq-answer-reason" options={reasons.map((k) => ({ value: k, label: t(`gkreq.reasons.${k}`) }))} />
          </Form.Item>
        )}
        {needsText && (
          <Form.Item name="reasonText" label={t('gkreq.steps.reasonText')} rules={type === 'not_ours' ? [] : [{ required: true, message: t('gkreq.form.required') }]}>
            <Input.TextArea rows={3} maxLength={4000} data-testid="gkreq-answer-text" />
          </Form.Item>
        )}
        {type === 'not_ours' && (
          <Form.Item name="rightBody" label={t('gkreq.steps.rightBody')} rules={[{ required: true, message: t('gkreq.form.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        {needsFiles && (
          <>
            <Form.Item name="libraryDocumentId" label={t('gkreq.steps.library')}>
              <Select
                allowClear
                showSearch
                filterOption={false}
                onSearch={setQ}
                placeholder={t('gkreq.steps.librarySearch')}
                loading={hits.isFetching}
                options={(hits.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.title}${d.number ? `（${d.number}）` : ''}` }))}
              />
            </Form.Item>
            <Form.Item label={t('gkreq.steps.files')}>
              <Upload
                multiple
                showUploadList={false}
                customRequest={async ({ file }) => {
                  setUploadError(null);
                  const body = new FormData();
                  body.append('file', file as Blob);
                  const res = await fetch('/api/files', { method: 'POST', body, credentials: 'same-origin' });
                  const json = await res.json().catch(() => ({}));
                  if (!res.ok) {
                    const e = new ApiError(res.status, json.code, json.zh ?? '上传失败', json.en ?? 'Upload failed');
                    setUploadError(i18n.language === 'en' ? e.en : e.zh);
                    return;
                  }
                  setFiles((fs) => [...fs, { fileId: json.id, name: (file as File).name }]);
                }}
              >
                <Button icon={<UploadOutlined />}>{t('gkreq.steps.upload')}</Button>
              </Upload>
              {files.map((f) => (
                <div key={f.fileId}>{f.name}</div>
              ))}
              {uploadError && (
                <div role="alert" style={{ color: '#b3261e' }}>
                  {uploadError}
                </div>
              )}
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={m.isPending} data-testid="gkreq-answer-submit">
          {t('gkreq.steps.answer')}
        </Button>
      </Form>
    </Card>
  );
}
