import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import Form from '@rjsf/antd';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, errorText } from '../../api';
import { call, client } from '../../api/client';
import { formValidator, serverFieldErrors, type toErrorSchema } from '../../svc/formValidator';
import { localForm } from '../../svc/localForm';
import { MaterialUpload } from '../../svc/MaterialUpload';
import { useLocalName } from '../../shell/localName';
import { useTitle } from '../../shell/useTitle';
import type { BundleStatus } from './types';

type Props = Record<string, { title?: string; 'x-title-en'?: string }>;

/** What the platform knows of the applicant, as an item's prefill answers it (a masked string). */
const shownOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : v && typeof v === 'object' ? ((v as { shown?: string; value?: string }).shown ?? (v as { value?: string }).value) : undefined;

/**
 * Applying for a 一件事: the merged form (each question once) drawn by the same form renderer as an
 * item's application, each document once, one submission. What the platform knows is shown, not asked.
 */
export function BundleApply() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  useTitle('bun.apply');
  const navigate = useNavigate();
  const b = useQuery({ queryKey: ['bun', id], queryFn: () => call(client.GET('/api/services/bundles/{id}', { params: { path: { id } } })) });
  const d = b.data;
  // The applicant's known facts, asked of each member item (the server fills the same ones in).
  const prefills = useQueries({
    queries: (d?.memberItems ?? []).map((m) => ({ queryKey: ['svc-prefill', m.itemId], queryFn: () => api<Record<string, unknown>>(`/api/services/items/${m.itemId}/prefill`) })),
  });
  const known = useMemo(() => {
    const out: Record<string, string> = {};
    if (!d) return out;
    for (const merged of Object.keys(d.form.prefill)) {
      for (const target of d.form.fieldMap[merged] ?? []) {
        const i = d.memberItems.findIndex((m) => m.itemCode === target.itemCode);
        const shown = shownOf(prefills[i]?.data?.[target.field]);
        if (shown !== undefined) out[merged] = shown;
      }
    }
    return out;
  }, [d, prefills]);
  const filled = Object.keys(known);
  const filledKey = filled.join(',');
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [files, setFiles] = useState<Record<string, string | null>>({});
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ReturnType<typeof toErrorSchema> | undefined>();
  const [busy, setBusy] = useState(false);
  const [idem] = useState(() => crypto.randomUUID());
  const formRef = useRef<{ validateForm(): boolean } | null>(null);
  const { schema, uiSchema } = useMemo(() => {
    if (!d) return { schema: {} as RJSFSchema, uiSchema: {} as UiSchema };
    const s = structuredClone(d.form.schema) as RJSFSchema & { properties: Record<string, unknown>; required?: string[] };
    const hidden = filledKey.split(',').filter(Boolean);
    for (const f of hidden) delete s.properties[f];
    s.required = (s.required ?? []).filter((r) => !hidden.includes(r));
    return localForm(s, { ...(d.form.uiSchema ?? {}), 'ui:submitButtonOptions': { norender: true } } as UiSchema, localName.english);
  }, [d, filledKey, localName.english]);
  if (!d || prefills.some((p) => p.isLoading)) return null;
  const props = d.form.schema.properties as Props;
  const nameOf = (code: string) => localName(d.memberItems.find((m) => m.itemCode === code) ?? { name: code });

  const submit = async () => {
    setError(null);
    setFieldErrors(undefined);
    if (formRef.current && !formRef.current.validateForm()) return;
    const missing = d.materials.filter((m) => m.required && !files[m.code]);
    if (missing.length) return setError(t('bun.needMaterial', { name: missing.map((m) => localName(m)).join(t('bun.listSep')) }));
    setBusy(true);
    try {
      const materials = Object.entries(files)
        .filter(([, f]) => f)
        .map(([code, fileId]) => ({ code, fileId: fileId! }));
      const made = await api<BundleStatus>(`/api/services/bundles/${d.id}/applications`, { method: 'POST', json: { form: formData, materials }, headers: { 'idempotency-key': idem } });
      navigate(`/bundle-applications/${made.id}`);
    } catch (err) {
      setError(errorText(err, i18n.language));
      if (err instanceof ApiError && err.code === 'BUNDLE_FORM_INVALID') setFieldErrors(serverFieldErrors(err.errors));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={1}>{t('bun.applyTitle', { name: localName(d) })}</Typography.Title>
      {filled.length > 0 && (
        <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('bun.known')}</h2>} size="small" style={{ marginBottom: 16 }}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            {filled.map((f) => (
              <Descriptions.Item key={f} label={localName.pick(props[f]?.title, props[f]?.['x-title-en']) || f}>
                {known[f]}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('bun.fill')}</h2>} size="small" style={{ marginBottom: 16 }}>
        <Form
          ref={formRef as never}
          schema={schema}
          uiSchema={uiSchema}
          validator={formValidator}
          formData={formData}
          onChange={(e) => setFormData(e.formData ?? {})}
          onSubmit={submit}
          showErrorList={false}
          liveValidate="onBlur"
          extraErrors={fieldErrors}
        />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('bun.upload')}</h2>} size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          {d.materials.map((m) => (
            <div key={m.code}>
              <div>
                <strong>{localName(m)}</strong> {m.required ? t('svc.requiredParen') : t('svc.optionalParen')}
              </div>
              <Typography.Text type="secondary">{t('bun.usedBy', { names: [...new Set(m.targets.map((x) => x.itemCode))].map(nameOf).join(t('bun.listSep')) })}</Typography.Text>
              <MaterialUpload label={localName(m)} accept={m.accept} onUploaded={(f) => setFiles((x) => ({ ...x, [m.code]: f }))} />
            </div>
          ))}
        </Space>
      </Card>
      {error && <Alert role="alert" type="error" title={error} style={{ marginTop: 16 }} />}
      <Button type="primary" size="large" style={{ marginTop: 16 }} loading={busy} onClick={submit}>
        {t('bun.submit')}
      </Button>
    </>
  );
}
