import { AutoComplete, Button, Card, Col, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { call, client } from '../../api/client';
import type { Material } from '../../svc/types';
import { move } from './formModel';

const MIMES = ['application/pdf', 'image/png', 'image/jpeg', 'application/ofd', 'text/plain'] as const;
const MIME_LABEL: Record<(typeof MIMES)[number], string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPG', 'application/ofd': 'OFD', 'text/plain': 'TXT' };
type Requirement = 'required' | 'optional' | 'conditional';
type Source = 'upload' | 'licence' | 'data';

const requirementOf = (m: Material): Requirement => (m.required ? 'required' : m.condition ? 'conditional' : 'optional');
const sourceOf = (m: Material): Source => m.replaceableBy?.kind ?? 'upload';

/** What keeps the list from being saved: a name, a unique code, a condition, a licence type or resource. */
export function materialProblems(list: readonly Material[]): { index: number; problem: 'name' | 'code' | 'condition' | 'ref' }[] {
  const seen = new Set<string>();
  const out: { index: number; problem: 'name' | 'code' | 'condition' | 'ref' }[] = [];
  list.forEach((m, index) => {
    if (!m.name.trim()) out.push({ index, problem: 'name' });
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(m.code) || seen.has(m.code)) out.push({ index, problem: 'code' });
    seen.add(m.code);
    if (!m.required && m.condition !== undefined && !m.condition.trim()) out.push({ index, problem: 'condition' });
    if (m.replaceableBy && !m.replaceableBy.ref.trim()) out.push({ index, problem: 'ref' });
  });
  return out;
}

/**
 * 申请材料: one card per material with its name in both languages, whether it is required (or
 * needed only in a stated case), where it comes from (uploaded, an e-licence of a type in the
 * wallet, or shared data), form, formats, size, copies and a note; reordered with the arrows.
 */
export function MaterialsEditor({ value, onChange }: { value: Material[]; onChange(v: Material[]): void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const types = useQuery({ queryKey: ['lic-types'], queryFn: () => call(client.GET('/api/licenses/types')) });
  const resources = useQuery({ queryKey: ['data-resources', ''], queryFn: () => api<{ code: string; name: string }[]>('/api/data/resources?q=').catch(() => []) });
  const problems = materialProblems(value);
  const set = (i: number, patch: Partial<Material>) => onChange(value.map((m, j) => (j === i ? dropUndefined({ ...m, ...patch }) : m)));
  const add = () => {
    let n = value.length + 1;
    while (value.some((m) => m.code === `m${n}`)) n++;
    onChange([...value, { code: `m${n}`, name: '', required: true, form: 'electronic', accept: ['application/pdf', 'image/png', 'image/jpeg'], replaceableBy: null }]);
  };
  const typeOptions = (types.data ?? []).map((x) => ({ value: x.key, label: `${(x.definition as { name: string; nameEn?: string }).name}` }));
  const dataOptions = [{ value: 'population', label: 'population' }, ...(resources.data ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))];

  return (
    <section aria-labelledby="mat-title">
      <Typography.Title level={3} id="mat-title" style={{ fontSize: 16 }}>
        {t('ed.mat.list')}
      </Typography.Title>
      {value.length === 0 && <Typography.Paragraph>{t('ed.mat.none')}</Typography.Paragraph>}
      {value.map((m, i) => {
        const id = `mat-${i}`;
        const req = requirementOf(m);
        const src = sourceOf(m);
        const mine = problems.filter((p) => p.index === i);
        return (
          <Card
            key={i}
            size="small"
            style={{ marginBottom: 12 }}
            title={`${i + 1}. ${(en && m.nameEn) || m.name || t('ed.mat.nameZh')}`}
            extra={
              <Space size={4}>
                <Button size="small" disabled={i === 0} onClick={() => onChange(move(value, i, -1))} aria-label={`${t('ed.up')} ${i + 1}`}>
                  ↑
                </Button>
                <Button size="small" disabled={i === value.length - 1} onClick={() => onChange(move(value, i, 1))} aria-label={`${t('ed.down')} ${i + 1}`}>
                  ↓
                </Button>
                <Button size="small" danger onClick={() => onChange(value.filter((_, j) => j !== i))}>
                  {t('ed.remove')}
                </Button>
              </Space>
            }
          >
            <Row gutter={[12, 8]}>
              <Col xs={24} md={12}>
                <label htmlFor={`${id}-name`}>{t('ed.mat.nameZh')}</label>
                <Input id={`${id}-name`} value={m.name} maxLength={100} status={mine.some((p) => p.problem === 'name') ? 'error' : undefined} onChange={(e) => set(i, { name: e.target.value })} />
              </Col>
              <Col xs={24} md={12}>
                <label htmlFor={`${id}-en`}>{t('ed.mat.nameEn')}</label>
                <Input id={`${id}-en`} value={m.nameEn ?? ''} maxLength={200} onChange={(e) => set(i, { nameEn: e.target.value || undefined })} />
              </Col>
              <Col xs={24} md={12}>
                <div id={`${id}-req`}>{t('ed.mat.requirement')}</div>
                <Radio.Group
                  aria-labelledby={`${id}-req`}
                  value={req}
                  onChange={(e) => {
                    const r = e.target.value as Requirement;
                    set(i, { required: r === 'required', condition: r === 'conditional' ? (m.condition ?? '') : undefined });
                  }}
                  options={(['required', 'optional', 'conditional'] as const).map((r) => ({ value: r, label: t(`ed.mat.requirements.${r}`) }))}
                />
              </Col>
              {req === 'conditional' && (
                <Col xs={24} md={12}>
                  <label htmlFor={`${id}-cond`}>{t('ed.mat.condition')}</label>
                  <Input
                    id={`${id}-cond`}
                    value={m.condition ?? ''}
                    maxLength={200}
                    placeholder={t('ed.mat.conditionHelp')}
                    status={mine.some((p) => p.problem === 'condition') ? 'error' : undefined}
                    onChange={(e) => set(i, { condition: e.target.value })}
                  />
                </Col>
              )}
              <Col xs={24} md={12}>
                <label htmlFor={`${id}-src`}>{t('ed.mat.source')}</label>
                <Select
                  id={`${id}-src`}
                  style={{ width: '100%' }}
                  value={src}
                  onChange={(s: Source) => set(i, { replaceableBy: s === 'upload' ? null : { kind: s, ref: s === sourceOf(m) ? m.replaceableBy!.ref : '' } })}
                  options={(['upload', 'licence', 'data'] as const).map((s) => ({ value: s, label: t(`ed.mat.sources.${s}`) }))}
                />
              </Col>
              {src === 'licence' && (
                <Col xs={24} md={12}>
                  <label htmlFor={`${id}-lic`}>{t('ed.mat.licenceType')}</label>
                  <Select
                    id={`${id}-lic`}
                    showSearch
                    optionFilterProp="label"
                    style={{ width: '100%' }}
                    status={mine.some((p) => p.problem === 'ref') ? 'error' : undefined}
                    value={m.replaceableBy?.ref || undefined}
                    options={typeOptions}
                    onChange={(ref: string) => set(i, { replaceableBy: { kind: 'licence', ref } })}
                  />
                </Col>
              )}
              {src === 'data' && (
                <Col xs={24} md={12}>
                  <label htmlFor={`${id}-data`}>{t('ed.mat.dataRef')}</label>
                  <AutoComplete
                    id={`${id}-data`}
                    style={{ width: '100%' }}
                    status={mine.some((p) => p.problem === 'ref') ? 'error' : undefined}
                    value={m.replaceableBy?.ref ?? ''}
                    options={dataOptions}
                    onChange={(ref: string) => set(i, { replaceableBy: { kind: 'data', ref } })}
                  />
                </Col>
              )}
              <Col xs={24} md={12}>
                <div id={`${id}-form`}>{t('ed.mat.form')}</div>
                <Radio.Group
                  aria-labelledby={`${id}-form`}
                  value={m.form}
                  onChange={(e) => set(i, { form: e.target.value })}
                  options={(['electronic', 'original', 'copy'] as const).map((f) => ({ value: f, label: t(`ed.mat.forms.${f}`) }))}
                />
              </Col>
              <Col xs={24} md={12}>
                <label htmlFor={`${id}-accept`}>{t('ed.mat.accept')}</label>
                <Select
                  id={`${id}-accept`}
                  mode="multiple"
                  style={{ width: '100%' }}
                  value={m.accept ?? []}
                  options={MIMES.map((x) => ({ value: x, label: MIME_LABEL[x] }))}
                  onChange={(accept: Material['accept']) => set(i, { accept: accept && accept.length ? accept.slice(0, 5) : undefined })}
                />
              </Col>
              <Col xs={12} md={6}>
                <label htmlFor={`${id}-size`}>{t('ed.mat.maxSize')}</label>
                <InputNumber id={`${id}-size`} min={1} max={50} precision={0} style={{ width: '100%' }} value={m.maxSizeMb} onChange={(v) => set(i, { maxSizeMb: v ?? undefined })} />
              </Col>
              <Col xs={12} md={6}>
                <label htmlFor={`${id}-copies`}>{t('ed.mat.copies')}</label>
                <InputNumber id={`${id}-copies`} min={1} max={20} precision={0} style={{ width: '100%' }} value={m.copies} onChange={(v) => set(i, { copies: v ?? undefined })} />
              </Col>
              <Col xs={24} md={12}>
                <label htmlFor={`${id}-code`}>{t('ed.mat.code')}</label>
                <Input
                  id={`${id}-code`}
                  value={m.code}
                  maxLength={40}
                  status={mine.some((p) => p.problem === 'code') ? 'error' : undefined}
                  onChange={(e) => set(i, { code: e.target.value.trim() })}
                />
              </Col>
              <Col xs={24}>
                <label htmlFor={`${id}-note`}>{t('ed.mat.note')}</label>
                <Input.TextArea id={`${id}-note`} rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} value={m.note ?? ''} onChange={(e) => set(i, { note: e.target.value || undefined })} />
              </Col>
            </Row>
            {mine.length > 0 && (
              <Typography.Text type="danger" role="alert">
                {mine.map((p) => t(`ed.mat.problems.${p.problem}`)).join('；')}
              </Typography.Text>
            )}
          </Card>
        );
      })}
      <Button onClick={add}>{t('ed.mat.add')}</Button>
    </section>
  );
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
