import { Alert, Button, Card, Input, Space, Typography, Upload } from 'antd';
import { FilePdfOutlined, QrcodeOutlined } from '@ant-design/icons';
import jsQR from 'jsqr';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../api';
import { useTitle } from '../../shell/useTitle';
import { VerdictCard } from '../../licences/VerdictCard';
import type { VerifyResult } from '../../licences/types';

/** Reads a QR code from a picture in the browser (nothing is uploaded) and returns its text. */
async function readQr(file: File): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(img.data, img.width, img.height)?.data ?? null;
}

/** 电子证照核验: public, for anyone holding a licence, its QR code or its PDF. */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  useTitle('lic.verifyTitle');
  const [params, setParams] = useSearchParams();
  const [id, setId] = useState(params.get('id') ?? '');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<VerifyResult>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await fn());
    } catch (err) {
      setError(errorText(err, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  const byId = (value: string) => {
    const v = value.trim();
    if (!v) return;
    setParams({ id: v }, { replace: true });
    return run(() => api<VerifyResult>(`/api/licenses/verify/${encodeURIComponent(v)}`));
  };
  useEffect(() => {
    const first = params.get('id');
    // Checking the link the page was opened with shows the busy state at once: that render is wanted.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (first) void byId(first);
    // Only the identifier the page was opened with (a scanned QR code) is checked by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <>
      <Typography.Title level={1}>{t('lic.verifyTitle')}</Typography.Title>
      <Typography.Paragraph>{t('lic.verifyLead')}</Typography.Paragraph>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('lic.byId')}</h2>}>
          <Space.Compact style={{ width: '100%' }}>
            <Input aria-label={t('lic.identifier')} placeholder={t('lic.idPlaceholder')} value={id} onChange={(e) => setId(e.target.value)} onPressEnter={() => byId(id)} maxLength={120} />
            <Button type="primary" onClick={() => byId(id)} loading={busy}>
              {t('lic.check')}
            </Button>
          </Space.Compact>
        </Card>
        <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('lic.byFile')}</h2>}>
          <Space wrap>
            <Upload
              accept="application/pdf,.pdf"
              showUploadList={false}
              customRequest={({ file }) => run(() => api<VerifyResult>('/api/licenses/verify', { method: 'POST', body: file as Blob, headers: { 'content-type': 'application/pdf' } }))}
            >
              <Button icon={<FilePdfOutlined />} loading={busy}>
                {t('lic.chooseFile')}
              </Button>
            </Upload>
            <Upload
              accept="image/*"
              showUploadList={false}
              customRequest={async ({ file }) => {
                const text = await readQr(file as File).catch(() => null);
                const found = text ? (new URL(text, location.origin).searchParams.get('id') ?? text) : null;
                if (!found) return setError(t('lic.qrNone'));
                setId(found);
                await byId(found);
              }}
            >
              <Button icon={<QrcodeOutlined />}>{t('lic.byQr')}</Button>
            </Upload>
          </Space>
        </Card>
        {busy && <Typography.Text>{t('lic.checking')}</Typography.Text>}
        {error && <Alert role="alert" type="error" title={error} />}
        {result?.licence && 'kind' in result.licence && result.licence.kind === 'decision' && <Typography.Text strong>{t('res.decisionVerified', { no: result.licence.licenceNo })}</Typography.Text>}
        {result && <VerdictCard result={result} />}
      </Space>
    </>
  );
}
