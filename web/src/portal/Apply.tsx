import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import Form from '@rjsf/antd';
import { formValidator, toErrorSchema } from '../svc/formValidator';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, errorText } from '../api';
import { MaterialUpload } from '../svc/MaterialUpload';
import type { ApplicationDetail, ItemDetail } from '../svc/types';
import { useMe } from '../shell/session';
import { useTitle } from '../shell/useTitle';

/**
 * Online application: the item's own JSON Schema form (the server checks the same schema), what the
 * platform already knows shown instead of asked, and one upload per material.
 */
export function Apply() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  useTitle('svc.apply');
  const navigate = useNavigate();
  const { data: me } = useMe();
  const item = useQuery({ queryKey: ['svc-item', id], queryFn: () => api<ItemDetail>(`/api/services/items/${id}`) });
  const prefill = useQuery({ queryKey: ['svc-prefill', id, me?.actingFor?.enterpriseId], queryFn: () => api<Record<string, string>>(`/api/services/items/${id}/prefill`) });
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [files, setFiles] = useState<Record<string, string | null>>({});
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ReturnType<typeof toErrorSchema> | undefined>();
  const [busy, setBusy] = useState(false);
  const [idem] = useState(() => crypto.randomUUID());
  const formRef = useRef<{ validateForm(): boolean } | null>(null);
  const c = item.data?.content;

  // Fields the server fills in are shown above the form, not typed again.
  const { schema, uiSchema, known } = useMemo(() => {
    if (!c) return { schema: null, uiSchema: {}, known: [] as [string, string][] };
    const s = structuredClone(c.form.schema) as RJSFSchema & { properties: Record<string, { title?: string }>; required?: string[] };
    const filled = Object.keys(c.form.prefill ?? {}).filter((f) => prefill.data?.[f] !== undefined);
    const knownRows = filled.map((f) => [s.properties[f]?.title ?? f, prefill.data![f]] as [string, string]);
    for (const f of filled) delete s.properties[f];
    s.required = (s.required ?? []).filter((r) => !filled.includes(r));
    return { schema: s, uiSchema: { ...(c.form.uiSchema ?? {}), 'ui:submitButtonOptions': { norender: true } } as UiSchema, known: knownRows };
  }, [c, prefill.data]);

  if (!c || !schema || !me) return null;
  const enterpriseOnly = !c.applicantTypes.includes('person');
  const blocked = me.type !== 'person' ? null : me.assuranceLevel < c.assuranceLevel ? t('svc.levelLow', { n: c.assuranceLevel }) : enterpriseOnly && !me.actingFor ? t('svc.typeNotOpen') : null;

  const submit = async () => {
    setError(null);
    setFieldErrors(undefined);
    if (formRef.current && !formRef.current.validateForm()) return;
    const missing = c.materials.filter((m) => m.required && !files[m.code]);
    if (missing.length) return setError(t('svc.needMaterial', { name: missing.map((m) => m.name).join('、') }));
    setBusy(true);
    try {
      const materials = Object.entries(files).filter(([, f]) => f).map(([code, fileId]) => ({ code, fileId }));
      const app = await api<ApplicationDetail>('/api/services/applications', { method: 'POST', json: { itemId: id, form: formData, materials }, headers: { 'idempotency-key': idem } });
      navigate(`/applications/${app.id}`);
    } catch (err) {
      setError(errorText(err, i18n.language));
      // The server's per-field problems ('/form/shopName') shown under the fields themselves.
      if (err instanceof ApiError && err.code === 'FORM_INVALID')
        setFieldErrors(toErrorSchema(err.errors.filter((e) => e.path.startsWith('/form/')).map((e) => ({ property: `.${e.path.slice(6).replace(/\//g, '.')}`, message: e.message, stack: e.message }))));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={1}>{t('svc.applyTitle', { name: item.data!.name })}</Typography.Title>
      {me.actingFor && c.applicantTypes.includes('enterprise') && <Alert type="info" title={t('svc.actingAs', { name: me.actingFor.name })} style={{ marginBottom: 16 }} />}
      {blocked && <Alert type="warning" title={blocked} style={{ marginBottom: 16 }} />}
      {known.length > 0 && (
        <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.known')}</h2>} size="small" style={{ marginBottom: 16 }}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            {known.map(([k, v]) => <Descriptions.Item key={k} label={k}>{v}</Descriptions.Item>)}
          </Descriptions>
        </Card>
      )}
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.fill')}</h2>} size="small" style={{ marginBottom: 16 }}>
        <Form ref={formRef as never} schema={schema} uiSchema={uiSchema} validator={formValidator} formData={formData} onChange={(e) => setFormData(e.formData ?? {})} onSubmit={submit} showErrorList={false} liveValidate="onBlur" extraErrors={fieldErrors} />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.upload')}</h2>} size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          {c.materials.map((m) => (
            <div key={m.code}>
              <div><strong>{m.name}</strong> {m.required ? `（${t('svc.requiredYes')}）` : `（${t('svc.requiredNo')}）`}</div>
              <MaterialUpload label={m.name} accept={m.accept} onUploaded={(f) => setFiles((x) => ({ ...x, [m.code]: f }))} />
            </div>
          ))}
        </Space>
      </Card>
      {error && <Alert role="alert" type="error" title={error} style={{ marginTop: 16 }} />}
      <Button type="primary" size="large" style={{ marginTop: 16 }} loading={busy} disabled={!!blocked} onClick={submit}>{t('svc.submit')}</Button>
    </>
  );
}
