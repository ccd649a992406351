import { Alert, Button, Card, Checkbox, Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import Form from '@rjsf/antd';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorText } from '../api';
import { formValidator, toErrorSchema } from './formValidator';
import { MaterialUpload } from './MaterialUpload';
import { localForm } from './localForm';
import { useLocalName } from '../shell/localName';
import type { ApplicationDetail, ItemDetail } from './types';
import { call, client } from '../api/client';
import { SectionedTemplate } from '../admin/editors/SectionedTemplate';

interface Props {
  item: ItemDetail;
  /** Fields the server fills in from what it knows; they are left out of the form. */
  filled: string[];
  /** Extra request fields, e.g. `onBehalfOf` for 线下受理. */
  extra?: Record<string, unknown>;
  disabled?: boolean;
  onSubmitted(app: ApplicationDetail): void;
}

/**
 * The item's own JSON Schema form plus one upload per material, and the submission. Checked in the
 * page first; the server checks the same schema and its field errors appear under the fields.
 */
export function ApplicationForm({ item, filled, extra, disabled, onSubmitted }: Props) {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const c = item.content;
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [files, setFiles] = useState<Record<string, string | null>>({});
  // 免证办: materials the applicant chose to replace by a licence they hold (choosing it is the consent).
  const [cited, setCited] = useState<Record<string, string | null>>({});
  const replaceable = !extra?.onBehalfOf && c.materials.some((m) => m.replaceableBy?.kind === 'licence');
  const wallet = useQuery({ queryKey: ['lic-mine'], queryFn: () => call(client.GET('/api/licenses/mine')), enabled: replaceable });
  const holding = (ref: string) => (wallet.data?.items ?? []).find((l) => l.typeKey === ref && l.status === 'valid');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ReturnType<typeof toErrorSchema> | undefined>();
  const [busy, setBusy] = useState(false);
  // One key per filled-in form: a double click or a retry after a lost answer submits once.
  const [idem] = useState(() => crypto.randomUUID());
  const formRef = useRef<{ validateForm(): boolean } | null>(null);
  const { schema, uiSchema } = useMemo(() => {
    const s = structuredClone(c.form.schema) as RJSFSchema & { properties: Record<string, unknown>; required?: string[] };
    for (const f of filled) delete s.properties[f];
    s.required = (s.required ?? []).filter((r) => !filled.includes(r));
    return localForm(s, { ...(c.form.uiSchema ?? {}), 'ui:submitButtonOptions': { norender: true } } as UiSchema, localName.english);
  }, [c, filled, localName.english]);

  // Forms laid out in the form builder (sections, half-width fields) are drawn as built; older forms keep one column.
  const laidOut = useMemo(() => {
    const ui = (c.form.uiSchema ?? {}) as Record<string, { 'ui:options'?: { groups?: unknown[]; width?: string } }>;
    return Object.values(ui).some((u) => !!u?.['ui:options']?.groups?.length || !!u?.['ui:options']?.width);
  }, [c]);

  const submit = async () => {
    setError(null);
    setFieldErrors(undefined);
    if (formRef.current && !formRef.current.validateForm()) return;
    const missing = c.materials.filter((m) => m.required && !files[m.code] && !cited[m.code]);
    if (missing.length) return setError(t('svc.needMaterial', { name: missing.map((m) => localName(m)).join(t('svc.listSep')) }));
    setBusy(true);
    try {
      const materials = [
        ...Object.entries(cited)
          .filter(([, l]) => l)
          .map(([code, licenceId]) => ({ code, licenceId, consent: true })),
        ...Object.entries(files)
          .filter(([code, f]) => f && !cited[code])
          .map(([code, fileId]) => ({ code, fileId })),
      ];
      onSubmitted(await api<ApplicationDetail>('/api/services/applications', { method: 'POST', json: { itemId: item.id, form: formData, materials, ...extra }, headers: { 'idempotency-key': idem } }));
    } catch (err) {
      setError(errorText(err, i18n.language));
      // The server's per-field problems ('/form/shopName') shown under the fields themselves.
      if (err instanceof ApiError && err.code === 'FORM_INVALID')
        setFieldErrors(
          toErrorSchema(err.errors.filter((e) => e.path.startsWith('/form/')).map((e) => ({ property: `.${e.path.slice(6).replace(/\//g, '.')}`, message: e.message, stack: e.message }))),
        );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.fill')}</h2>} size="small" style={{ marginBottom: 16 }}>
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
          templates={laidOut ? { ObjectFieldTemplate: SectionedTemplate } : undefined}
        />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.upload')}</h2>} size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          {c.materials.map((m) => {
            const licence = m.replaceableBy?.kind === 'licence' ? holding(m.replaceableBy.ref) : undefined;
            return (
              <div key={m.code}>
                <div>
                  <strong>{localName(m)}</strong> {m.required ? t('svc.requiredParen') : t('svc.optionalParen')}{' '}
                  {m.replaceableBy?.kind === 'licence' && <Tag color="blue">{t('lic.licenceReplaces')}</Tag>}
                </div>
                {licence && (
                  <Checkbox checked={!!cited[m.code]} onChange={(e) => setCited((x) => ({ ...x, [m.code]: e.target.checked ? licence.id : null }))}>
                    {t('lic.useLicence', { name: localName(licence), no: licence.licenceNo })}
                  </Checkbox>
                )}
                {!cited[m.code] && <MaterialUpload label={localName(m)} accept={m.accept} onUploaded={(f) => setFiles((x) => ({ ...x, [m.code]: f }))} />}
              </div>
            );
          })}
        </Space>
      </Card>
      {error && <Alert role="alert" type="error" title={error} style={{ marginTop: 16 }} />}
      <Button type="primary" size="large" style={{ marginTop: 16 }} loading={busy} disabled={disabled} onClick={submit}>
        {t('svc.submit')}
      </Button>
    </>
  );
}
