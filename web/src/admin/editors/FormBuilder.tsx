import { Button, Card, Checkbox, Col, Input, InputNumber, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FIELD_TYPES,
  fieldProblems,
  fromDefinition,
  move,
  newField,
  PATTERNS,
  PREFILL_SOURCES,
  toDefinition,
  TYPE_SOURCE,
  type FieldModel,
  type FormDefinition,
  type FormModel,
  type PatternName,
} from './formModel';
import { FormPreview } from './FormPreview';
import { JsonView } from './JsonView';

const TEXTUAL = new Set(['text', 'textarea', 'address']);

/**
 * 表单设计: fields added, removed and reordered, each with type, titles in both languages, whether
 * required, checks (length, named pattern, range), width and section, and a prefill source picked
 * from what the platform knows; the preview beside it is the applicant's form.
 */
export function FormBuilder({ value, onChange, sources }: { value: FormDefinition; onChange(def: FormDefinition, ok: boolean): void; sources?: { code: string; zh: string; en: string }[] }) {
  const { t, i18n } = useTranslation();
  // The server's list of prefill sources (identity, base data, held licences) when it has answered.
  const sourceCodes = sources?.map((x) => x.code) ?? [...PREFILL_SOURCES];
  const sourceLabel = (code: string) => {
    const x = sources?.find((y) => y.code === code);
    return x ? (i18n.language === 'en' ? x.en : x.zh) : t(`ed.prefill.${code}`, { defaultValue: t(`fill.keys.${code}`, { defaultValue: code }) });
  };
  const [model, setModel] = useState<FormModel>(() => fromDefinition(value));
  const [open, setOpen] = useState<number | null>(null);
  const problems = fieldProblems(model);
  const update = (m: FormModel) => {
    setModel(m);
    onChange(toDefinition(m), fieldProblems(m).length === 0);
  };
  const setField = (i: number, patch: Partial<FieldModel>) => update({ ...model, fields: model.fields.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  const addField = () => {
    const f = newField(
      'text',
      model.fields.map((x) => x.key),
    );
    update({ ...model, fields: [...model.fields, f] });
    setOpen(model.fields.length);
  };
  const addGroup = () => {
    let n = model.groups.length + 1;
    while (model.groups.some((g) => g.key === `g${n}`)) n++;
    update({ ...model, groups: [...model.groups, { key: `g${n}`, zh: '', en: '' }] });
  };
  const def = toDefinition(model);
  const num = (i: number, key: 'minLength' | 'maxLength' | 'minimum' | 'maximum', label: string, min?: number) => (
    <Col xs={12} md={6}>
      <label htmlFor={`fb-${i}-${key}`}>{label}</label>
      <InputNumber id={`fb-${i}-${key}`} min={min} style={{ width: '100%' }} value={model.fields[i][key]} onChange={(v) => setField(i, { [key]: v ?? undefined })} />
    </Col>
  );

  return (
    <Row gutter={16}>
      <Col xs={24} xl={13}>
        <section aria-labelledby="fb-fields">
          <Typography.Title level={3} id="fb-fields" style={{ fontSize: 16 }}>
            {t('ed.form.fields')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('ed.form.prefillHint')}</Typography.Paragraph>
          {model.fields.length === 0 && <Typography.Paragraph>{t('ed.form.noFields')}</Typography.Paragraph>}
          {model.fields.map((f, i) => {
            const mine = problems.filter((p) => p.index === i);
            const id = `fb-${i}`;
            return (
              <Card
                key={i}
                size="small"
                style={{ marginBottom: 8, borderColor: mine.length ? '#ff4d4f' : undefined }}
                title={
                  <Button type="link" style={{ padding: 0 }} aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>
                    {`${i + 1}. ${f.titleZh || t('ed.form.fieldN', { n: i + 1 })}`}
                  </Button>
                }
                extra={
                  <Space size={4} wrap>
                    <Tag>{t(`ed.form.types.${f.type}`)}</Tag>
                    {f.required && <Tag color="red">{t('ed.form.required')}</Tag>}
                    {f.prefill && <Tag color="blue">{sourceLabel(f.prefill)}</Tag>}
                    <Button size="small" disabled={i === 0} aria-label={`${t('ed.up')} ${i + 1}`} onClick={() => update({ ...model, fields: move(model.fields, i, -1) })}>
                      ↑
                    </Button>
                    <Button size="small" disabled={i === model.fields.length - 1} aria-label={`${t('ed.down')} ${i + 1}`} onClick={() => update({ ...model, fields: move(model.fields, i, 1) })}>
                      ↓
                    </Button>
                    <Button size="small" danger aria-label={`${t('ed.remove')} ${i + 1}`} onClick={() => (update({ ...model, fields: model.fields.filter((_, j) => j !== i) }), setOpen(null))}>
                      ×
                    </Button>
                  </Space>
                }
              >
                {open === i && (
                  <Row gutter={[12, 8]}>
                    <Col xs={24} md={12}>
                      <label htmlFor={`${id}-zh`}>{t('ed.form.titleZh')}</label>
                      <Input id={`${id}-zh`} value={f.titleZh} maxLength={60} onChange={(e) => setField(i, { titleZh: e.target.value })} />
                    </Col>
                    <Col xs={24} md={12}>
                      <label htmlFor={`${id}-en`}>{t('ed.form.titleEn')}</label>
                      <Input id={`${id}-en`} value={f.titleEn} maxLength={120} onChange={(e) => setField(i, { titleEn: e.target.value })} />
                    </Col>
                    <Col xs={24} md={12}>
                      <label htmlFor={`${id}-type`}>{t('ed.form.type')}</label>
                      <Select
                        id={`${id}-type`}
                        style={{ width: '100%' }}
                        value={f.type}
                        options={FIELD_TYPES.map((x) => ({ value: x, label: t(`ed.form.types.${x}`) }))}
                        onChange={(type) =>
                          setField(i, {
                            type,
                            options: type === 'select' ? (f.options ?? []) : undefined,
                            pattern: TEXTUAL.has(type) ? f.pattern : undefined,
                            width: type === 'textarea' || type === 'address' ? 'full' : f.width,
                            prefill: f.prefill ?? TYPE_SOURCE[type],
                          })
                        }
                      />
                    </Col>
                    <Col xs={24} md={12}>
                      <label htmlFor={`${id}-key`}>{t('ed.form.key')}</label>
                      <Input
                        id={`${id}-key`}
                        value={f.key}
                        maxLength={40}
                        status={mine.some((p) => p.problem.startsWith('key')) ? 'error' : undefined}
                        onChange={(e) => setField(i, { key: e.target.value.trim() })}
                      />
                    </Col>
                    <Col xs={24} md={12}>
                      <label htmlFor={`${id}-prefill`}>{t('ed.form.prefill')}</label>
                      <Select
                        id={`${id}-prefill`}
                        style={{ width: '100%' }}
                        value={f.prefill ?? ''}
                        options={[{ value: '', label: t('ed.form.prefillNone') }, ...sourceCodes.map((s) => ({ value: s, label: sourceLabel(s) }))]}
                        onChange={(v) => setField(i, { prefill: (v || undefined) as FieldModel['prefill'] })}
                      />
                    </Col>
                    <Col xs={24} md={12}>
                      <Checkbox checked={f.required} onChange={(e) => setField(i, { required: e.target.checked })} style={{ marginTop: 22 }}>
                        {t('ed.form.required')}
                      </Checkbox>
                    </Col>
                    {TEXTUAL.has(f.type) && (
                      <>
                        {num(i, 'minLength', t('ed.form.minLength'), 0)}
                        {num(i, 'maxLength', t('ed.form.maxLength'), 1)}
                        <Col xs={24} md={12}>
                          <label htmlFor={`${id}-pattern`}>{t('ed.form.pattern')}</label>
                          <Select
                            id={`${id}-pattern`}
                            style={{ width: '100%' }}
                            value={f.pattern ?? (f.rawPattern ? '#raw' : '')}
                            options={[
                              { value: '', label: t('ed.form.patterns.none') },
                              ...(f.rawPattern ? [{ value: '#raw', label: `${t('ed.form.customPattern')} ${f.rawPattern}` }] : []),
                              ...(Object.keys(PATTERNS) as PatternName[]).map((p) => ({ value: p, label: t(`ed.form.patterns.${p}`) })),
                            ]}
                            onChange={(v: string) => v !== '#raw' && setField(i, { pattern: (v || undefined) as PatternName | undefined, rawPattern: undefined })}
                          />
                        </Col>
                      </>
                    )}
                    {f.type === 'number' && (
                      <>
                        {num(i, 'minimum', t('ed.form.minimum'))}
                        {num(i, 'maximum', t('ed.form.maximum'))}
                        <Col xs={24} md={12}>
                          <Checkbox checked={!!f.integer} onChange={(e) => setField(i, { integer: e.target.checked || undefined })} style={{ marginTop: 22 }}>
                            {t('ed.form.integer')}
                          </Checkbox>
                        </Col>
                      </>
                    )}
                    {f.type === 'select' && (
                      <Col xs={24}>
                        <label htmlFor={`${id}-options`}>{t('ed.form.options')}</label>
                        <Select
                          id={`${id}-options`}
                          mode="tags"
                          open={false}
                          style={{ width: '100%' }}
                          placeholder={t('ed.form.optionsHelp')}
                          value={f.options ?? []}
                          tokenSeparators={['、', '，', ',']}
                          onChange={(options: string[]) => setField(i, { options })}
                        />
                      </Col>
                    )}
                    <Col xs={24} md={12}>
                      <div id={`${id}-width`}>{t('ed.form.width')}</div>
                      <Radio.Group
                        aria-labelledby={`${id}-width`}
                        value={f.width}
                        onChange={(e) => setField(i, { width: e.target.value })}
                        options={(['half', 'full'] as const).map((w) => ({ value: w, label: t(`ed.form.widths.${w}`) }))}
                      />
                    </Col>
                    <Col xs={24} md={12}>
                      <label htmlFor={`${id}-group`}>{t('ed.form.group')}</label>
                      <Select
                        id={`${id}-group`}
                        style={{ width: '100%' }}
                        value={f.group ?? ''}
                        options={[{ value: '', label: t('ed.form.noGroup') }, ...model.groups.map((g) => ({ value: g.key, label: g.zh || g.key }))]}
                        onChange={(v: string) => setField(i, { group: v || undefined })}
                      />
                    </Col>
                  </Row>
                )}
                {mine.length > 0 && (
                  <Typography.Text type="danger" role="alert">
                    {mine.map((p) => t(`ed.form.problems.${p.problem}`)).join('；')}
                  </Typography.Text>
                )}
              </Card>
            );
          })}
          <Space wrap style={{ margin: '4px 0 12px' }}>
            <Button onClick={addField}>{t('ed.form.addField')}</Button>
            <Button onClick={addGroup}>{t('ed.form.addGroup')}</Button>
          </Space>
          {model.groups.map((g, gi) => (
            <Row key={g.key} gutter={8} style={{ marginBottom: 8 }} align="bottom">
              <Col xs={24} md={10}>
                <label htmlFor={`fb-g-${gi}-zh`}>{t('ed.form.groupZh')}</label>
                <Input id={`fb-g-${gi}-zh`} value={g.zh} maxLength={30} onChange={(e) => update({ ...model, groups: model.groups.map((x, j) => (j === gi ? { ...x, zh: e.target.value } : x)) })} />
              </Col>
              <Col xs={24} md={10}>
                <label htmlFor={`fb-g-${gi}-en`}>{t('ed.form.groupEn')}</label>
                <Input id={`fb-g-${gi}-en`} value={g.en} maxLength={60} onChange={(e) => update({ ...model, groups: model.groups.map((x, j) => (j === gi ? { ...x, en: e.target.value } : x)) })} />
              </Col>
              <Col xs={24} md={4}>
                <Button
                  danger
                  onClick={() => update({ ...model, groups: model.groups.filter((_, j) => j !== gi), fields: model.fields.map((f) => (f.group === g.key ? { ...f, group: undefined } : f)) })}
                >
                  {t('ed.remove')}
                </Button>
              </Col>
            </Row>
          ))}
        </section>
      </Col>
      <Col xs={24} xl={11}>
        <FormPreview def={def} />
        <JsonView id="form-json" value={def} />
      </Col>
    </Row>
  );
}
