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
  /** 只填一次: confirmed known values sent with the form (fields left out of it). */
  preset?: Record<string, unknown>;
  /** Known values a field the applicant chose to change starts from. */
  seed?: Record<string, unknown>;
  /** 免提交: materials a base database or a held licence stands in for, with the source. */
  exempt?: Record<string, { kind: 'data' | 'licence'; zh: string; en: string; resource?: string }>;
  /** Replaceable materials that must still be uploaded, with why. */
  upload?: Record<string, { zh: string; en: string }>;
  onSubmitted(app: ApplicationDetail): void;
}

/**
 * The item's own JSON Schema form plus one upload per material, and the submission. Checked in the
 * page first; the server checks the same schema and its field errors appear under the fields.
 */
export function ApplicationForm({ item, filled, extra, disabled, preset, seed, exempt, upload, onSubmitted }: Props) {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const c = item.content;
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  // A field the applicant chose to change starts from the known value (once, not over their typing).
  const seedKey = JSON.stringify(seed ?? {});
  const [seenSeed, setSeenSeed] = useState('{}');
  if (seedKey !== seenSeed) {
    setSeenSeed(seedKey);
    const s = JSON.parse(seedKey) as Record<string, unknown>;
    setFormData((x) => {
      const out = { ...x };
      for (const [k, v] of Object.entries(s)) if (out[k] === undefined || out[k] === '') out[k] = v;
      return out;
    });
  }
  const [files, setFiles] = useState<Record<string, string | null>>({});
  // 免证办: materials the applicant chose to replace by a licence they hold (choosing it is the consent).
  const [cited, setCited] = useState<Record<string, string | null>>({});
  const replaceable = !extra?.onBehalfOf && c.materials.some((m) => m.replaceableBy?.kind === 'licence');
  const wallet = useQuery({ queryKey: ['lic-mine'], queryFn: () => call(client.GET('/api/licenses/mine')), enabled: replaceable });
  const holding = (ref: string) => (wallet.data?.items ?? []).find((l) => l.typeKey === ref && l.status === 'valid');
  // 免提交: the server stands the base data or a held licence in for these; at a window the server
  // decides from the applicant's base data, and names the material if it cannot.
  const standsIn = (m: (typeof c.materials)[number]) => !!exempt?.[m.code] || (!!extra?.onBehalfOf && m.replaceableBy?.kind === 'data');
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
    const missing = c.materials.filter((m) => m.required && !files[m.code] && !cited[m.code] && !standsIn(m));
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
      onSubmitted(
        await api<ApplicationDetail>('/api/services/applications', {
          method: 'POST',
          json: { itemId: item.id, form: { ...Object.fromEntries(Object.entries(formData).filter(([k]) => !filled.includes(k))), ...preset }, materials, ...extra },
          headers: { 'idempotency-key': idem },
        }),
      );
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
            const ex = exempt?.[m.code];
            const licence = !ex && m.replaceableBy?.kind === 'licence' ? holding(m.replaceableBy.ref) : undefined;
            const why = upload?.[m.code];
            return (
              <div key={m.code}>
                <div>
                  <strong>{localName(m)}</strong> {m.required ? t('svc.requiredParen') : t('svc.optionalParen')}{' '}
                  {ex ? <Tag color="green">{t('fill.exempt')}</Tag> : m.replaceableBy?.kind === 'licence' && <Tag color="blue">{t('lic.licenceReplaces')}</Tag>}
                </div>
                {ex && (
                  <div style={{ color: '#1d6b2f' }}>
                    {ex.kind === 'data' ? t('fill.exemptData', { source: localName.pick(ex.zh, ex.en) }) : t('fill.exemptLicence', { source: localName.pick(ex.zh, ex.en), no: ex.resource ?? '' })}
                  </div>
                )}
                {why && <div>{t('fill.mustUpload', { why: localName.pick(why.zh, why.en) })}</div>}
                {licence && (
                  <Checkbox checked={!!cited[m.code]} onChange={(e) => setCited((x) => ({ ...x, [m.code]: e.target.checked ? licence.id : null }))}>
                    {t('lic.useLicence', { name: localName(licence), no: licence.licenceNo })}
                  </Checkbox>
                )}
                {!ex && !cited[m.code] && <MaterialUpload label={localName(m)} accept={m.accept} onUploaded={(f) => setFiles((x) => ({ ...x, [m.code]: f }))} />}
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
