import { App, Button, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText, problemError } from '../../../api';

/**
 * The GB/T 9704 layout of a 公文 as the API renders it (the sealed file once sealed, a preview
 * before). Fetched first so a refusal (no renderer yet) shows as a message, not a page of JSON.
 */
export function PdfPreview({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [url, setUrl] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  const open = async () => {
    setLoading(true);
    try {
      const res = await fetch(`/api/office/documents/${id}/pdf`, { credentials: 'same-origin' });
      if (!res.ok) throw problemError(res.status, await res.json().catch(() => null));
      setUrl(URL.createObjectURL(await res.blob()));
    } catch (err) {
      message.error(err instanceof ApiError ? `${t('offdoc.previewUnavailable')}：${errorText(err, i18n.language)}` : t('offdoc.previewUnavailable'));
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <Button loading={loading} onClick={open}>
        {t('offdoc.preview')}
      </Button>
      <Modal open={!!url} title={t('offdoc.previewTitle')} onCancel={() => setUrl(null)} footer={null} width="min(900px, 96vw)" destroyOnHidden>
        {url && <iframe src={url} title={t('offdoc.previewTitle')} style={{ width: '100%', height: '75vh', border: 0 }} />}
      </Modal>
    </>
  );
}
