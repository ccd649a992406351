import { App, Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorText } from '../api';
import { useMe } from '../shell/session';

/** The part of JSON Schema the settings use: objects of objects, integer leaves with bounds. */
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  title?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
}
interface Version {
  regionCode: string;
  version: number;
  reason: string;
  savedBy: string;
  savedAt: string;
}
interface Resolved {
  value: Record<string, unknown>;
  inherited: Record<string, unknown>;
  own: Version | null;
  sources: Record<string, string>;
  history: Version[];
}

type Path = string[];
const at = (v: unknown, path: Path): unknown => path.reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), v);
function leaves(s: Schema, path: Path = []): Path[] {
  return s.type === 'object' && s.properties ? Object.entries(s.properties).flatMap(([k, c]) => leaves(c, [...path, k])) : [path];
}
function put(obj: Record<string, unknown>, path: Path, v: unknown) {
  let o = obj;
  path.slice(0, -1).forEach((k) => (o = (o[k] ??= {}) as Record<string, unknown>));
  o[path.at(-1)!] = v;
}

/**
 * A region's value of one setting, as a form generated from the setting's schema. Each field shows
 * the value the region would inherit and who set it; only fields that differ from it are saved as
 * the region's override (a new version, with a reason).
 */
export function RegionSettings({ settingKey }: { settingKey: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [region, setRegion] = useState('');
  const regionCode = region || me?.regionCode || '152201';
  const defs = useQuery({ queryKey: ['settings-defs'], queryFn: () => api<{ key: string; zh: string; en: string; schema: Schema }[]>('/api/settings') });
  const def = defs.data?.find((d) => d.key === settingKey);
  const resolved = useQuery({
    queryKey: ['settings', settingKey, regionCode],
    enabled: /^[0-9]{2,12}$/.test(regionCode),
    queryFn: () => api<Resolved>(`/api/settings/${settingKey}/regions/${regionCode}`),
  });
  const [form] = Form.useForm();
  const r = resolved.data;
  useEffect(() => {
    if (r) form.setFieldsValue({ ...r.value, reason: '' });
  }, [r, form]);
  if (!def) return null;
  const label = (s: Schema, fallback: string) => (i18n.language === 'en' ? s.description : s.title) ?? fallback;
  const from = (path: Path) => {
    const src = r?.sources[`/${path.join('/')}`] ?? '';
    return src ? t('cfg.fromRegion', { code: src }) : t('cfg.national');
  };
  const paths = leaves(def.schema);
  if (paths.some((p) => !p.length)) return <Typography.Paragraph>{t('cfg.notEditable')}</Typography.Paragraph>;

  const save = async () => {
    const v = await form.validateFields();
    const override: Record<string, unknown> = {};
    for (const p of paths) if (r && at(v, p) !== at(r.inherited, p)) put(override, p, at(v, p));
    try {
      await api(`/api/settings/${settingKey}/regions/${regionCode}`, { method: 'PUT', json: { value: override, reason: v.reason } });
      message.success(t('cfg.saved'));
      await qc.invalidateQueries({ queryKey: ['settings', settingKey] });
    } catch (err) {
      // The server names each field; show its message beside the field.
      if (err instanceof ApiError) form.setFields(err.errors.filter((e) => e.path.startsWith('/value/')).map((e) => ({ name: e.path.slice(7).split('/'), errors: [e.message] })));
      message.error(errorText(err, i18n.language));
    }
  };

  const field = (s: Schema, path: Path) => {
    const inherited = at(r?.inherited, path);
    const id = `cfg-${path.join('-')}`;
    return (
      <Form.Item
        key={id}
        name={path}
        htmlFor={id}
        label={label(s, path.at(-1)!)}
        rules={[{ required: true, message: t('common.required') }]}
        extra={
          <Space size="small" wrap>
            <span>{t('cfg.inherited', { value: String(inherited ?? '—'), from: from(path) })}</span>
            {r?.sources[`/${path.join('/')}`] === regionCode && <Tag color="blue">{t('cfg.own')}</Tag>}
            <Button size="small" type="link" onClick={() => form.setFieldValue(path, inherited)}>
              {t('cfg.reset')}
            </Button>
          </Space>
        }
      >
        <InputNumber id={id} min={s.minimum} max={s.maximum} precision={0} style={{ width: 160 }} />
      </Form.Item>
    );
  };
  const group = (s: Schema, path: Path): React.ReactNode =>
    s.type === 'object' && s.properties ? (
      <fieldset key={path.join('.') || 'root'} style={{ border: path.length ? '1px solid #eee' : 0, padding: path.length ? '8px 12px' : 0, marginBottom: 12 }}>
        {path.length > 0 && <legend style={{ fontSize: 'inherit', fontWeight: 600, width: 'auto', marginBottom: 4 }}>{label(s, path.at(-1)!)}</legend>}
        {Object.entries(s.properties).map(([k, c]) => group(c, [...path, k]))}
      </fieldset>
    ) : (
      field(s, path)
    );

  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{i18n.language === 'en' ? def.en : def.zh}</h2>}>
      <Typography.Paragraph>{t('cfg.rulesLead')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="cfg-region">{t('cfg.region')}</label>
        <Input id="cfg-region" value={regionCode} onChange={(e) => setRegion(e.target.value.trim())} style={{ width: 160 }} inputMode="numeric" />
      </Space>
      <Form form={form} layout="vertical" onFinish={save} disabled={!r}>
        {group(def.schema, [])}
        <Form.Item name="reason" label={t('cfg.reason')} rules={[{ required: true, min: 2, message: t('cfg.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('cfg.save')}
        </Button>
      </Form>
      <h3 style={{ marginTop: 16 }}>{t('cfg.history')}</h3>
      <Table<Version>
        rowKey="version"
        size="small"
        dataSource={r?.history ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t('cfg.version'), dataIndex: 'version' },
          { title: t('cfg.savedAt'), dataIndex: 'savedAt', render: (d: string) => new Date(d).toLocaleString() },
          { title: t('cfg.reason'), dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}
