import { Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../api';

/** Uploads one material to /api/files and reports its id; server errors (size, type) are shown as they come. */
export function MaterialUpload({ label, accept, onUploaded }: { label: string; accept?: string[]; onUploaded(fileId: string | null): void }) {
  const { t, i18n } = useTranslation();
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <Upload
        accept={accept?.join(',')}
        showUploadList={false}
        customRequest={async ({ file }) => {
          setBusy(true);
          setError(null);
          const body = new FormData();
          body.append('file', file as Blob);
          try {
            const res = await fetch('/api/files', { method: 'POST', body, credentials: 'same-origin', headers: { 'accept-language': i18n.language === 'en' ? 'en' : 'zh-CN' } });
            const json = await res.json();
            if (!res.ok) throw new ApiError(res.status, json.code, json.zh, json.en);
            setName((file as File).name);
            onUploaded(json.id);
          } catch (err) {
            setName(null);
            onUploaded(null);
            setError(errorText(err, i18n.language));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} aria-label={`${t('svc.uploadBtn')}：${label}`}>
          {t('svc.uploadBtn')}
        </Button>
      </Upload>
      {name && (
        <span style={{ marginLeft: 8 }}>
          {t('svc.uploaded')}：{name}
        </span>
      )}
      {error && (
        <div role="alert" style={{ color: '#b3261e' }}>
          {error}
        </div>
      )}
    </div>
  );
}
