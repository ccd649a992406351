import { Col, Row } from 'antd';
import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';

interface FieldOptions {
  width?: 'half' | 'full';
  group?: string;
}

/**
 * Lays out an item form as the form builder describes it in the UI schema: each field half or
 * full width (always full on a phone), fields of a section under its heading. The citizen form can
 * use the same template (`templates={{ ObjectFieldTemplate: SectionedTemplate }}`).
 */
export function SectionedTemplate(props: ObjectFieldTemplateProps) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const groups = ((props.uiSchema?.['ui:options'] as { groups?: { key: string; zh: string; en: string }[] } | undefined)?.groups ?? []).filter(Boolean);
  const optionsOf = (name: string) => ((props.uiSchema?.[name] as Record<string, unknown> | undefined)?.['ui:options'] ?? {}) as FieldOptions;
  const visible = props.properties.filter((p) => !p.hidden);
  const cols = (list: typeof visible) => (
    <Row gutter={16}>
      {list.map((p) => (
        <Col key={p.name} xs={24} sm={optionsOf(p.name).width === 'full' ? 24 : 12}>
          {p.content}
        </Col>
      ))}
    </Row>
  );
  const known = new Set(groups.map((g) => g.key));
  const loose = visible.filter((p) => !known.has(optionsOf(p.name).group ?? ''));
  return (
    <div>
      {loose.length > 0 && cols(loose)}
      {groups.map((g) => {
        const mine = visible.filter((p) => optionsOf(p.name).group === g.key);
        if (!mine.length) return null;
        return (
          <fieldset key={g.key} style={{ border: 0, padding: 0, margin: '8px 0 0' }}>
            <legend style={{ fontSize: 15, fontWeight: 600, borderBottom: '1px solid rgba(0,0,0,0.08)', marginBottom: 8, width: '100%' }}>{(en && g.en) || g.zh}</legend>
            {cols(mine)}
          </fieldset>
        );
      })}
    </div>
  );
}
