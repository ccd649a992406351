import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api';
import { useAction } from '../../../shell/useAction';
import { CONCLUSIONS, chinaDay, isProblem, type TaskDetail } from './types';

interface Photo {
  id: string;
  url: string;
}

/**
 * The inspector's result, on a phone: the date (today by default), one conclusion from the fixed
 * list as large radio rows, the findings, and photos taken with the camera (`capture`), each
 * uploaded at once so a poor connection fails on one photo and not on the whole result.
 */
export function ResultForm({ task }: { task: TaskDetail }) {
  const { t, i18n } = useTranslation();
  const act = useAction('regtask');
  const [form] = Form.useForm();
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const conclusion = Form.useWatch('conclusion', form);
  useEffect(() => () => photos.forEach((p) => URL.revokeObjectURL(p.url)), [photos]);

  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setError(null);
    setUploading(true);
    try {
      for (const file of Array.from(files)) {
        const body = new FormData();
        body.append('file', file);
        const res = await fetch('/api/files', { method: 'POST', body, credentials: 'same-origin' });
        const json = await res.json().catch(() => ({}));
        if (!res.ok) {
          const e = new ApiError(res.status, json.code, json.zh ?? '上传失败', json.en ?? 'Upload failed');
          setError(i18n.language === 'en' ? e.en : e.zh);
          return;
        }
        setPhotos((ps) => [...ps, { id: json.id, url: URL.createObjectURL(file) }]);
      }
    } finally {
      setUploading(false);
    }
  };

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('regtask.result')}</h2>}>
      <Form
        form={form}
        layout="vertical"
        name="regtask-result"
        initialValues={{ inspectedOn: chinaDay(new Date().toISOString()) }}
        onFinish={(v) =>
          act(
            () =>
              api(`/api/regulation/tasks/${task.id}/result`, {
                method: 'POST',
                json: { inspectedOn: v.inspectedOn, conclusion: v.conclusion, findings: v.findings || undefined, photoIds: photos.map((p) => p.id) },
              }),
            t('regtask.recorded'),
          )
        }
      >
        <Form.Item name="inspectedOn" label={t('regtask.inspectedOn')} rules={[{ required: true }]}>
          <Input type="date" size="large" max={chinaDay(new Date().toISOString())} />
        </Form.Item>
        <Form.Item name="conclusion" label={t('regtask.conclusion')} rules={[{ required: true }]}>
          <Radio.Group style={{ width: '100%' }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {CONCLUSIONS.map((c) => (
                <Radio key={c.code} value={c.code} style={{ minHeight: 44, display: 'flex', alignItems: 'center', whiteSpace: 'normal' }}>
                  {t(`regtask.conclusions.${c.code}`)} {c.problem && <Tag color="orange">{t('regtask.problemTag')}</Tag>}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="findings" label={t('regtask.findings')} extra={t('regtask.findingsHelp')} rules={[{ required: isProblem(conclusion ?? null), whitespace: true }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('regtask.photos')}>
          {/* A real label for a real file input: the phone opens its camera; keyboards and screen readers reach it. */}
          <input
            id={inputId}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
            onChange={(e) => {
              void upload(e.target.files);
              e.target.value = '';
            }}
          />
          <label htmlFor={inputId} className="ant-btn ant-btn-default ant-btn-lg" style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minHeight: 44, cursor: 'pointer' }}>
            <CameraOutlined /> {t('regtask.takePhoto')}
          </label>
          {uploading && <Typography.Text style={{ marginLeft: 8 }}>{t('regtask.photoUploading')}</Typography.Text>}
          {error && (
            <div role="alert" style={{ color: '#b3261e', marginTop: 8 }}>
              {error}
            </div>
          )}
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
            {photos.map((p, i) => (
              <div key={p.id} style={{ position: 'relative' }}>
                <img src={p.url} alt={t('regtask.photoAlt', { n: i + 1 })} style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 4 }} />
                <Button
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('regtask.removePhoto', { n: i + 1 })}
                  style={{ position: 'absolute', top: 2, right: 2 }}
                  onClick={() => setPhotos((ps) => ps.filter((q) => q.id !== p.id))}
                />
              </div>
            ))}
          </div>
        </Form.Item>
        <Alert type="info" showIcon message={t('regtask.recordHint')} style={{ marginBottom: 12 }} />
        <Button type="primary" htmlType="submit" size="large" block disabled={uploading}>
          {t('regtask.record')}
        </Button>
      </Form>
    </Card>
  );
}
