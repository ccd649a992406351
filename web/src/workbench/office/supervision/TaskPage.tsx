import { Button, Card, Descriptions, Form, Input, InputNumber, Progress, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../../api';
import { useAction } from '../../../shell/useAction';
import { LIGHT_COLOURS, type TaskDetail } from './types';

/** One task: what is asked, its light and deadline, the timeline, and the caller's next step. */
export function TaskPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const task = useQuery({ queryKey: ['offsup-task', id], queryFn: () => api<TaskDetail>(`/api/office/supervision/tasks/${id}`) });
  const run = useAction('offsup');
  const post = (path: string, json?: unknown) => api(`/api/office/supervision/tasks/${id}/${path}`, { method: 'POST', ...(json !== undefined ? { json } : {}) });
  const x = task.data;
  if (!x) return <Card loading={task.isLoading} />;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/workbench/office/supervision">{t('offsup.back')}</Link>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>{x.title}</h2>}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('offsup.number')}>{x.number}</Descriptions.Item>
          <Descriptions.Item label={t('offsup.source')}>
            {t(`offsup.sources.${x.source.kind}`)} {x.source.ref ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('offsup.unit')}>{x.leadUnit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('offsup.helpers')}>{x.helperUnits.map((h) => h.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('offsup.due')}>
            {x.dueDate ?? '—'} {x.light && <Tag color={LIGHT_COLOURS[x.light]}>{t(`offsup.lights.${x.light}`)}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('offsup.progress')}>
            <Progress percent={x.progress} size="small" style={{ maxWidth: 200 }} aria-label={`${t('offsup.progress')} ${x.progress}%`} />
          </Descriptions.Item>
          <Descriptions.Item label={t('offsup.returned')}>{x.returned}</Descriptions.Item>
          <Descriptions.Item label={t('offsup.state')}>
            <Tag>{t(`offsup.states.${x.state}`)}</Tag>
          </Descriptions.Item>
        </Descriptions>
        {x.detail && (
          <Typography.Paragraph style={{ marginTop: 8 }}>
            {t('offsup.detail')}：{x.detail}
          </Typography.Paragraph>
        )}
      </Card>
      {x.actions.includes('sign') && (
        <Button type="primary" onClick={() => run(() => post('sign'), t('offsup.signed'))}>
          {t('offsup.actions.sign')}
        </Button>
      )}
      {x.actions.includes('feedback') && <ProgressForm kind="feedback" floor={x.progress} onSubmit={(v) => run(() => post('feedback', v), t('offsup.sent'))} />}
      {x.actions.includes('report') && <ProgressForm kind="report" floor={x.progress} onSubmit={(v) => run(() => post('report', { text: v.text, evidence: v.evidence }), t('offsup.sent'))} />}
      {x.actions.includes('accept') && <ReviewForm onSubmit={(decision, opinion) => run(() => post('review', { decision, ...(opinion ? { opinion } : {}) }), t('offsup.reviewed'))} />}
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offsup.timeline')}</h2>}>
        <Timeline
          items={x.timeline.map((s) => ({
            color: s.action === 'escalate' ? 'red' : s.action === 'remind' ? 'gold' : s.action === 'return' ? 'orange' : 'blue',
            children: (
              <div>
                <Typography.Text strong>{t(`offsup.actions.${s.action}`, { defaultValue: s.action })}</Typography.Text> · {s.actor} · {when(s.at)}
                {s.progress != null && (
                  <div>
                    {t('offsup.progress')}：{s.progress}%
                  </div>
                )}
                {s.opinion && <div>{s.opinion}</div>}
                {s.evidence.length > 0 && (
                  <div>
                    {t('offsup.evidence')}：
                    {s.evidence.map((f, i) => (
                      <a key={f} href={`/api/files/${f}`} style={{ marginRight: 8 }}>
                        {t('offsup.file')} {i + 1}
                      </a>
                    ))}
                  </div>
                )}
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

interface ProgressValues {
  progress: number;
  text: string;
  evidence: string[];
}

/** 阶段反馈 (progress, text, evidence) or 办结报告 (text, evidence; progress becomes 100). */
function ProgressForm({ kind, floor, onSubmit }: { kind: 'feedback' | 'report'; floor: number; onSubmit(v: ProgressValues): Promise<boolean> }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ progress: number; text: string }>();
  const [files, setFiles] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const title = kind === 'feedback' ? t('offsup.feedbackTitle') : t('offsup.reportTitle');
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{title}</h2>}>
      <Form
        form={form}
        layout="vertical"
        name={`offsup-${kind}`}
        initialValues={{ progress: floor }}
        onFinish={async (v) => {
          if (await onSubmit({ progress: v.progress ?? 100, text: v.text, evidence: files.map((f) => f.id) })) {
            form.resetFields(['text']);
            setFiles([]);
          }
        }}
      >
        {kind === 'feedback' && (
          <Form.Item label={`${t('offsup.progress')} (%)`} name="progress" rules={[{ required: true }]}>
            <InputNumber min={floor} max={100} />
          </Form.Item>
        )}
        <Form.Item label={kind === 'feedback' ? t('offsup.text') : t('offsup.reportText')} name="text" rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label={t('offsup.evidence')}>
          <Upload
            multiple
            showUploadList={false}
            customRequest={async ({ file }) => {
              setError(null);
              const body = new FormData();
              body.append('file', file as Blob);
              const res = await fetch('/api/files', { method: 'POST', body, credentials: 'same-origin' });
              const json = await res.json().catch(() => ({}));
              if (!res.ok) {
                const e = new ApiError(res.status, json.code, json.zh ?? '上传失败', json.en ?? 'Upload failed');
                setError(i18n.language === 'en' ? e.en : e.zh);
                return;
              }
              setFiles((fs) => [...fs, { id: json.id, name: (file as File).name }]);
            }}
          >
            <Button icon={<UploadOutlined />}>{t('offsup.evidence')}</Button>
          </Upload>
          {files.map((f) => (
            <div key={f.id}>{f.name}</div>
          ))}
          {error && (
            <div role="alert" style={{ color: '#b3261e' }}>
              {error}
            </div>
          )}
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('offsup.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** 核查: close the task (办结销号) or return it with an opinion. */
function ReviewForm({ onSubmit }: { onSubmit(decision: 'accept' | 'return', opinion: string): Promise<boolean> }) {
  const { t } = useTranslation();
  const [opinion, setOpinion] = useState('');
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offsup.reviewTitle')}</h2>}>
      <label htmlFor="offsup-opinion">{t('offsup.opinion')}</label>
      <Input.TextArea id="offsup-opinion" rows={2} value={opinion} onChange={(e) => setOpinion(e.target.value)} maxLength={2000} />
      <Space wrap style={{ marginTop: 8 }}>
        <Button type="primary" onClick={() => onSubmit('accept', opinion.trim())}>
          {t('offsup.actions.accept')}
        </Button>
        <Button danger onClick={() => onSubmit('return', opinion.trim())}>
          {t('offsup.actions.return')}
        </Button>
      </Space>
    </Card>
  );
}
