import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorText } from '../api';
import { useMe } from '../shell/session';

type Kind = 'active' | 'paused' | 'end';
interface State {
  zh: string;
  en: string;
  kind?: Kind;
  limitDays?: number;
}
interface Action {
  code: string;
  zh: string;
  en: string;
  from: string[];
  to: string;
  actor: 'staff' | 'applicant' | 'system';
  roles?: string[];
  unit?: 'department' | 'region' | 'dispatcher';
  requires?: ('reason' | 'items' | 'delivery')[];
  outcome?: string;
}
interface Definition {
  initial: string;
  states: Record<string, State>;
  actions: Action[];
}
interface Problem {
  path: string;
  message: string;
}

/**
 * The case workflow of a region as two tables — states and actions — edited in place, checked by
 * the server (unreachable states, states that can never finish, limits ≤ 0, unknown roles), and
 * published as a new version. Problems are listed with the path they concern.
 */
export function CaseWorkflowEditor() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const regionCode = me?.regionCode || '152201';
  const info = useQuery({
    queryKey: ['case-workflows', regionCode],
    queryFn: () => api<{ latest: number; regionCode: string; versions: { version: number; regionCode: string }[] }>(`/api/cases/workflows?regionCode=${regionCode}`),
  });
  const latest = info.data?.latest;
  const stored = useQuery({ queryKey: ['case-workflows', 'v', latest], enabled: !!latest, queryFn: () => api<{ version: number; definition: Definition }>(`/api/cases/workflows/${latest}`) });
  const roles = useQuery({ queryKey: ['org-roles'], staleTime: 300_000, queryFn: () => api<{ code: string; zh: string; en: string }[]>('/api/org/roles') });
  const [def, setDef] = useState<Definition | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    // The editor starts from the stored version each time one arrives (after a publish, the new one).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (stored.data) setDef(structuredClone(stored.data.definition));
  }, [stored.data]);
  if (!def) return null;

  const en = i18n.language === 'en';
  const stateCodes = Object.keys(def.states);
  const stateOptions = stateCodes.map((c) => ({ value: c, label: `${c} ${en ? def.states[c].en : def.states[c].zh}` }));
  const edit = (fn: (d: Definition) => void) => {
    const d = structuredClone(def);
    fn(d);
    setDef(d);
    setProblems(null);
  };
  const setState = (code: string, patch: Partial<State>) => edit((d) => void Object.assign(d.states[code], patch));
  const setAction = (i: number, patch: Partial<Action>) => edit((d) => void Object.assign(d.actions[i], patch));
  const renameState = (from: string, to: string) =>
    edit((d) => {
      if (!to || d.states[to]) return;
      d.states = Object.fromEntries(Object.entries(d.states).map(([c, s]) => [c === from ? to : c, s]));
      for (const a of d.actions) {
        a.from = a.from.map((f) => (f === from ? to : f));
        if (a.to === from) a.to = to;
      }
      if (d.initial === from) d.initial = to;
    });
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setProblems(err.errors);
      message.error(errorText(err, i18n.language));
    }
  };
  const check = () => run(async () => setProblems((await api<{ problems: Problem[] }>('/api/cases/workflows/check', { method: 'POST', json: { definition: def } })).problems));
  const publish = () =>
    run(async () => {
      const r = await api<{ version: number }>('/api/cases/workflows', { method: 'POST', json: { regionCode, definition: def, reason } });
      message.success(t('cfg.published', { version: r.version }));
      setProblems([]);
      await qc.invalidateQueries({ queryKey: ['case-workflows'] });
      await qc.invalidateQueries({ queryKey: ['case-codes'] });
    });
  const opt = (list: Record<string, string>) => Object.entries(list).map(([value, label]) => ({ value, label }));
  const kinds = t('cfg.kinds', { returnObjects: true }) as Record<string, string>;
  const actors = t('cfg.actors', { returnObjects: true }) as Record<string, string>;
  const units = t('cfg.units', { returnObjects: true }) as Record<string, string>;
  const requires = t('cfg.requireKinds', { returnObjects: true }) as Record<string, string>;
  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.code, label: en ? r.en : r.zh }));
  const text = (value: string, onChange: (v: string) => void, label: string, width = 120) => <Input aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} style={{ width }} />;

  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cfg.workflow')}</h2>}>
      <Typography.Paragraph>{t('cfg.workflowLead')}</Typography.Paragraph>
      <Typography.Paragraph>{t('cfg.current', { version: latest, region: info.data?.versions.find((v) => v.version === latest)?.regionCode || t('cfg.national') })}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="wf-initial">{t('cfg.initial')}</label>
        <Select id="wf-initial" value={def.initial} options={stateOptions} onChange={(v) => edit((d) => void (d.initial = v))} style={{ width: 220 }} />
      </Space>
      <h3>{t('cfg.states')}</h3>
      <Table
        rowKey="code"
        size="small"
        scroll={{ x: true }}
        pagination={false}
        dataSource={stateCodes.map((code) => ({ code, ...def.states[code] }))}
        columns={[
          {
            title: t('cfg.code'),
            dataIndex: 'code',
            render: (c: string) => <Input aria-label={`${t('cfg.code')} ${c}`} defaultValue={c} onBlur={(e) => e.target.value !== c && renameState(c, e.target.value.trim())} style={{ width: 130 }} />,
          },
          { title: t('cfg.zh'), dataIndex: 'zh', render: (v: string, s) => text(v, (x) => setState(s.code, { zh: x }), `${t('cfg.zh')} ${s.code}`) },
          { title: t('cfg.en'), dataIndex: 'en', render: (v: string, s) => text(v, (x) => setState(s.code, { en: x }), `${t('cfg.en')} ${s.code}`, 160) },
          {
            title: t('cfg.kind'),
            dataIndex: 'kind',
            render: (v: Kind | undefined, s) => (
              <Select
                aria-label={`${t('cfg.kind')} ${s.code}`}
                value={v ?? 'active'}
                options={opt(kinds)}
                onChange={(x: Kind) => setState(s.code, { kind: x === 'active' ? undefined : x })}
                style={{ width: 120 }}
              />
            ),
          },
          {
            title: t('cfg.limitDays'),
            dataIndex: 'limitDays',
            render: (v: number | undefined, s) => (
              <InputNumber aria-label={`${t('cfg.limitDays')} ${s.code}`} value={v} precision={0} onChange={(x) => setState(s.code, { limitDays: x ?? undefined })} />
            ),
          },
          {
            title: '',
            key: 'x',
            render: (_: unknown, s) => (
              <Button size="small" danger onClick={() => edit((d) => void delete d.states[s.code])}>
                {t('cfg.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Button style={{ margin: '8px 0 16px' }} onClick={() => edit((d) => void (d.states[`state_${Object.keys(d.states).length + 1}`] = { zh: '新状态', en: 'New state' }))}>
        {t('cfg.addState')}
      </Button>
      <h3>{t('cfg.actions')}</h3>
      <Table
        rowKey={(_, i) => String(i)}
        size="small"
        scroll={{ x: true }}
        pagination={false}
        dataSource={def.actions.map((a, i) => ({ ...a, i }))}
        columns={[
          { title: t('cfg.code'), dataIndex: 'code', render: (v: string, a) => text(v, (x) => setAction(a.i, { code: x.trim() }), `${t('cfg.code')} ${a.i + 1}`) },
          { title: t('cfg.zh'), dataIndex: 'zh', render: (v: string, a) => text(v, (x) => setAction(a.i, { zh: x }), `${t('cfg.zh')} ${a.code}`) },
          { title: t('cfg.en'), dataIndex: 'en', render: (v: string, a) => text(v, (x) => setAction(a.i, { en: x }), `${t('cfg.en')} ${a.code}`, 160) },
          {
            title: t('cfg.from'),
            dataIndex: 'from',
            render: (v: string[], a) => (
              <Select aria-label={`${t('cfg.from')} ${a.code}`} mode="multiple" value={v} options={stateOptions} onChange={(x: string[]) => setAction(a.i, { from: x })} style={{ minWidth: 180 }} />
            ),
          },
          {
            title: t('cfg.to'),
            dataIndex: 'to',
            render: (v: string, a) => <Select aria-label={`${t('cfg.to')} ${a.code}`} value={v} options={stateOptions} onChange={(x: string) => setAction(a.i, { to: x })} style={{ width: 160 }} />,
          },
          {
            title: t('cfg.actor'),
            dataIndex: 'actor',
            render: (v: Action['actor'], a) => (
              <Select aria-label={`${t('cfg.actor')} ${a.code}`} value={v} options={opt(actors)} onChange={(x: Action['actor']) => setAction(a.i, { actor: x })} style={{ width: 110 }} />
            ),
          },
          {
            title: t('cfg.roles'),
            dataIndex: 'roles',
            render: (v: string[] | undefined, a) => (
              <Select
                aria-label={`${t('cfg.roles')} ${a.code}`}
                mode="multiple"
                value={v ?? []}
                options={roleOptions}
                onChange={(x: string[]) => setAction(a.i, { roles: x.length ? x : undefined })}
                style={{ minWidth: 180 }}
              />
            ),
          },
          {
            title: t('cfg.unit'),
            dataIndex: 'unit',
            render: (v: Action['unit'], a) => (
              <Select
                aria-label={`${t('cfg.unit')} ${a.code}`}
                allowClear
                value={v}
                options={opt(units)}
                onChange={(x: Action['unit']) => setAction(a.i, { unit: x ?? undefined })}
                style={{ width: 120 }}
              />
            ),
          },
          {
            title: t('cfg.requires'),
            dataIndex: 'requires',
            render: (v: Action['requires'], a) => (
              <Select
                aria-label={`${t('cfg.requires')} ${a.code}`}
                mode="multiple"
                value={v ?? []}
                options={opt(requires)}
                onChange={(x: NonNullable<Action['requires']>) => setAction(a.i, { requires: x.length ? x : undefined })}
                style={{ minWidth: 120 }}
              />
            ),
          },
          {
            title: '',
            key: 'x',
            render: (_: unknown, a) => (
              <Button size="small" danger onClick={() => edit((d) => void d.actions.splice(a.i, 1))}>
                {t('cfg.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Button
        style={{ margin: '8px 0 16px' }}
        onClick={() =>
          edit((d) => void d.actions.push({ code: `action_${d.actions.length + 1}`, zh: '新动作', en: 'New action', from: [d.initial], to: d.initial, actor: 'staff', roles: ['hotline_agent'] }))
        }
      >
        {t('cfg.addAction')}
      </Button>
      {problems && (
        <div role="alert" style={{ marginBottom: 12 }}>
          {problems.length ? (
            <Alert
              type="error"
              showIcon
              title={t('cfg.problems')}
              description={
                <ul style={{ margin: 0 }}>
                  {problems.map((p) => (
                    <li key={p.path + p.message}>
                      <code>{p.path}</code> {p.message}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : (
            <Alert type="success" showIcon title={t('cfg.noProblems')} />
          )}
        </div>
      )}
      <Space wrap>
        <label htmlFor="wf-reason">{t('cfg.reason')}</label>
        <Input id="wf-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} style={{ width: 320 }} />
        <Button onClick={check}>{t('cfg.check')}</Button>
        <Button type="primary" disabled={reason.trim().length < 2} onClick={publish}>
          {t('cfg.publish')}
        </Button>
      </Space>
    </Card>
  );
}
