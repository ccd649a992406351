import { Alert, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { MaterialUpload } from '../svc/MaterialUpload';
import type { ApplicationDetail } from '../svc/types';
import { useAction } from '../shell/useAction';
import { useLocalName } from '../shell/localName';

/** Answering a 补正: what was asked for, a new upload per material, and send. */
export function SupplementCard({ app, action }: { app: ApplicationDetail; action: 'supplement' | 'resupply' }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const act = useAction('svc-app');
  const [files, setFiles] = useState<Record<string, string | null>>({});
  const send = () => {
    const materials = Object.entries(files)
      .filter(([, f]) => f)
      .map(([code, fileId]) => ({ code, fileId }));
    return act(
      () => api(`/api/services/applications/${app.id}/actions`, { method: 'POST', json: { action, expectedVersion: app.version, ...(materials.length ? { materials } : {}) } }),
      t('svc.supplementDone'),
    );
  };
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.supplementTitle')}</h2>} size="small" style={{ marginTop: 16 }}>
      <Alert
        type="warning"
        title={t('svc.supplementLead')}
        description={
          <ul>
            {app.supplementItems.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        }
      />
      <Space direction="vertical" style={{ marginTop: 12, width: '100%' }}>
        {app.materials.map((m) => (
          <div key={m.code}>
            <strong>{localName(m)}</strong>
            <MaterialUpload label={localName(m)} onUploaded={(f) => setFiles((x) => ({ ...x, [m.code]: f }))} />
          </div>
        ))}
        <Button type="primary" onClick={send}>
          {t('svc.supplementSend')}
        </Button>
      </Space>
    </Card>
  );
}
