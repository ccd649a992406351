import { Card, Descriptions, Typography } from 'antd';
import Form from '@rjsf/antd';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formValidator } from '../../svc/formValidator';
import type { FormDefinition } from './formModel';
import { SectionedTemplate } from './SectionedTemplate';

/**
 * The form as an applicant sees it, drawn by the same renderer (rjsf with antd) and checked by the
 * same validator as the application page; fields the platform fills in are listed, not asked.
 */
export function FormPreview({ def }: { def: FormDefinition }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [data, setData] = useState<Record<string, unknown>>({});
  const filled = Object.keys(def.prefill ?? {});
  const props = (def.schema.properties ?? {}) as Record<string, { title?: string; 'x-title-en'?: string }>;
  const titleOf = (k: string) => (en && props[k]?.['x-title-en']) || props[k]?.title || k;
  const { schema, uiSchema } = useMemo(() => {
    const s = structuredClone(def.schema) as RJSFSchema & { properties: Record<string, Record<string, unknown>>; required?: string[] };
    for (const f of filled) delete s.properties[f];
    for (const [k, p] of Object.entries(s.properties)) if (en && typeof p['x-title-en'] === 'string') s.properties[k] = { ...(p as object), title: p['x-title-en'] };
    s.required = (s.required ?? []).filter((r) => !filled.includes(r));
    return { schema: s, uiSchema: { ...(def.uiSchema ?? {}), 'ui:submitButtonOptions': { norender: true } } as UiSchema };
  }, [def, filled, en]);
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('ed.form.preview')}</h3>} data-testid="form-preview">
      {filled.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('ed.form.previewPrefilled')}</Typography.Text>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            {filled.map((f) => (
              <Descriptions.Item key={f} label={titleOf(f)}>
                {t(`ed.prefill.${def.prefill![f]}`)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </>
      )}
      <Form
        key={JSON.stringify(schema).length}
        schema={schema}
        uiSchema={uiSchema}
        validator={formValidator}
        formData={data}
        onChange={(e) => setData(e.formData ?? {})}
        templates={{ ObjectFieldTemplate: SectionedTemplate }}
        showErrorList={false}
        liveValidate="onBlur"
        idPrefix="preview"
      />
    </Card>
  );
}
