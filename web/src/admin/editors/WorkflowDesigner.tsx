import { Alert, Button, Col, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api';
import { JsonView } from './JsonView';
import { clientProblems, layout, removeState, renameState, targetOf, type StateKind, type WfAction, type WfDefinition, type WfProblem, type WfState } from './workflowModel';

export interface Labelled {
  code: string;
  zh: string;
  en: string;
}
interface Props {
  value: WfDefinition;
  onChange(def: WfDefinition): void;
  roles: Labelled[];
  /** The actions the server has handlers for (application workflows); absent, any code may be typed. */
  actions?: Labelled[];
  /** The server's check of the draft (the same it makes on save). */
  validate(def: WfDefinition): Promise<{ path: string; message: string }[]>;
  /** Told whether the last check found nothing (so a page may enable saving). */
  onChecked?(ok: boolean): void;
  /** Problems the server named when saving (paths relative to the workflow). */
  saved?: { path: string; message: string }[];
}

const BOX = { w: 150, h: 52, gapX: 80, gapY: 30 };
const REQUIRES = ['reason', 'items', 'delivery'];

/**
 * 流程设计: the states and actions drawn as a graph (states in layers from the start, actions as
 * arrows), forms beside the drawing for the selected state or action, and a check before saving —
 * first the page's own rules, then the server's — whose problems are marked on the drawing.
 */
export function WorkflowDesigner({ value: def, onChange, roles, actions, validate, onChecked, saved }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [sel, setSel] = useState<{ state?: string; action?: number }>({});
  const [serverProblems, setServerProblems] = useState<WfProblem[] | null>(null);
  const [checking, setChecking] = useState(false);
  const local = useMemo(
    () =>
      clientProblems(
        def,
        roles.map((r) => r.code),
        actions?.map((a) => a.code),
      ),
    [def, roles, actions],
  );
  const fromServer = serverProblems ?? saved ?? [];
  const problems = [...local, ...fromServer.filter((p) => !local.some((l) => l.path === p.path))];
  const { nodes, width, height } = useMemo(() => layout(def, BOX), [def]);
  const at = new Map(nodes.map((n) => [n.code, n]));
  const bad = problems.map((p) => targetOf(def, p.path));
  const badState = (c: string) => bad.some((b) => b.state === c);
  const badAction = (i: number) => bad.some((b) => b.action === i);
  const name = (x: { zh: string; en: string }) => (en ? x.en : x.zh);
  const edit = (d: WfDefinition) => {
    setServerProblems(null);
    onChecked?.(false);
    onChange(d);
  };
  const setState = (code: string, patch: Partial<WfState>) => {
    const d = structuredClone(def);
    d.states[code] = Object.fromEntries(Object.entries({ ...d.states[code], ...patch }).filter(([, v]) => v !== undefined)) as unknown as WfState;
    edit(d);
  };
  const setAction = (i: number, patch: Partial<WfAction>) => {
    const d = structuredClone(def);
    d.actions[i] = Object.fromEntries(Object.entries({ ...d.actions[i], ...patch }).filter(([, v]) => v !== undefined)) as unknown as WfAction;
    edit(d);
  };
  const check = async () => {
    setChecking(true);
    try {
      const server = await validate(def);
      setServerProblems(server.map((p) => ({ path: p.path, message: p.message })));
      onChecked?.(local.length === 0 && server.length === 0);
    } catch (err) {
      // A check that could not be made is shown as a problem, never as a pass.
      setServerProblems([{ path: '/', message: errorText(err, i18n.language) }]);
      onChecked?.(false);
    } finally {
      setChecking(false);
    }
  };
  const message = (p: WfProblem) => (p.code ? t(`ed.wf.problems.${p.code}`, { s: p.subject }) : `${t('ed.wf.fromServer')}：${p.message}`);
  const stateOptions = Object.entries(def.states).map(([c, s]) => ({ value: c, label: `${name(s)}（${c}）` }));
  const roleOptions = roles.map((r) => ({ value: r.code, label: name(r) }));
  const opts = (keys: readonly string[], prefix: string) => keys.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));

  // Arrows: one per (action, from state); several between the same pair are spread apart.
  const pairs = new Map<string, number>();
  const edges = def.actions.flatMap((a, i) =>
    a.from
      .filter((f) => at.has(f) && at.has(a.to))
      .map((f) => {
        const key = `${f}>${a.to}`;
        const n = pairs.get(key) ?? 0;
        pairs.set(key, n + 1);
        return { a, i, from: at.get(f)!, to: at.get(a.to)!, n };
      }),
  );
  const pathOf = (e: (typeof edges)[number]) => {
    const { from, to, n } = e;
    if (from.code === to.code) {
      const x = from.x + BOX.w / 2;
      const y = from.y;
      return { d: `M${x - 20},${y} C${x - 40},${y - 40} ${x + 40},${y - 40} ${x + 20},${y}`, lx: x, ly: y - 34 };
    }
    if (to.layer > from.layer) {
      const x1 = from.x + BOX.w;
      const y1 = from.y + BOX.h / 2 + n * 8;
      const x2 = to.x;
      const y2 = to.y + BOX.h / 2 + n * 8;
      const mx = (x1 + x2) / 2;
      return { d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`, lx: mx, ly: (y1 + y2) / 2 - 4 - n * 12 };
    }
    // Back or sideways: below the boxes, so it does not cross the forward arrows.
    const x1 = from.x + BOX.w / 2 + n * 10;
    const y1 = from.y + BOX.h;
    const x2 = to.x + BOX.w / 2 - n * 10;
    const y2 = to.y + BOX.h;
    const dip = Math.max(y1, y2) + 26 + n * 10;
    return { d: `M${x1},${y1} C${x1},${dip} ${x2},${dip} ${x2},${y2}`, lx: (x1 + x2) / 2, ly: dip - 4 };
  };
  const selState = sel.state && def.states[sel.state] ? sel.state : undefined;
  const selAction = sel.action !== undefined && def.actions[sel.action] ? sel.action : undefined;
  const key = (fn: () => void) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      fn();
    }
  };

  return (
    <section aria-labelledby="wf-title">
      <Typography.Title level={3} id="wf-title" style={{ fontSize: 16 }}>
        {t('ed.wf.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('ed.wf.lead')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <label htmlFor="wf-initial">{t('ed.wf.initial')}</label>
        <Select id="wf-initial" value={def.initial} options={stateOptions} style={{ width: 220 }} onChange={(v: string) => edit({ ...structuredClone(def), initial: v })} />
        <Button
          onClick={() => {
            let n = Object.keys(def.states).length + 1;
            while (def.states[`state_${n}`]) n++;
            const code = `state_${n}`;
            edit({ ...structuredClone(def), states: { ...def.states, [code]: { zh: t('ed.wf.newState'), en: 'New state' } } });
            setSel({ state: code });
          }}
        >
          {t('ed.wf.addState')}
        </Button>
        <Button
          onClick={() => {
            const used = new Set(def.actions.map((a) => a.code));
            const free = actions?.find((a) => !used.has(a.code));
            let n = def.actions.length + 1;
            while (used.has(`action_${n}`)) n++;
            const code = free?.code ?? `action_${n}`;
            edit({
              ...structuredClone(def),
              actions: [
                ...def.actions,
                { code, zh: free?.zh ?? t('ed.wf.newAction'), en: free?.en ?? 'New action', from: [selState ?? def.initial], to: def.initial, actor: 'staff', roles: roles[0] ? [roles[0].code] : [] },
              ],
            });
            setSel({ action: def.actions.length });
          }}
        >
          {t('ed.wf.addAction')}
        </Button>
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <div style={{ overflow: 'auto', border: '1px solid rgba(0,0,0,0.12)', borderRadius: 6, background: '#fafafa', maxHeight: 560 }}>
            <svg
              role="group"
              aria-label={t('ed.wf.drawing')}
              width={width}
              height={height + 60}
              viewBox={`0 0 ${width} ${height + 60}`}
              data-testid="wf-drawing"
              style={{ display: 'block', fontSize: 12 }}
            >
              <defs>
                <marker id="wf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                  <path d="M0,0 L10,5 L0,10 z" fill="#595959" />
                </marker>
                <marker id="wf-arrow-bad" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                  <path d="M0,0 L10,5 L0,10 z" fill="#cf1322" />
                </marker>
              </defs>
              {edges.map((e) => {
                const p = pathOf(e);
                const wrong = badAction(e.i);
                const chosen = selAction === e.i;
                return (
                  <g
                    key={`${e.i}-${e.from.code}`}
                    role="button"
                    tabIndex={0}
                    aria-label={`${t('ed.wf.action')} ${name(e.a)}${wrong ? ' ⚠' : ''}`}
                    aria-pressed={chosen}
                    onClick={() => setSel({ action: e.i })}
                    onKeyDown={key(() => setSel({ action: e.i }))}
                    style={{ cursor: 'pointer' }}
                    data-testid={`wf-action-${e.a.code}`}
                    data-problem={wrong ? 'true' : undefined}
                  >
                    <path d={p.d} fill="none" stroke="transparent" strokeWidth={12} />
                    <path d={p.d} fill="none" stroke={wrong ? '#cf1322' : chosen ? '#1677ff' : '#595959'} strokeWidth={chosen ? 2.5 : 1.5} markerEnd={`url(#${wrong ? 'wf-arrow-bad' : 'wf-arrow'})`} />
                    <text x={p.lx} y={p.ly} textAnchor="middle" fill={wrong ? '#cf1322' : '#262626'} style={{ paintOrder: 'stroke', stroke: '#fafafa', strokeWidth: 3 }}>
                      {name(e.a)}
                    </text>
                  </g>
                );
              })}
              {nodes.map((n) => {
                const s = def.states[n.code];
                const wrong = badState(n.code);
                const chosen = selState === n.code;
                const fill = s.kind === 'end' ? '#f6ffed' : s.kind === 'paused' ? '#fffbe6' : '#e6f4ff';
                return (
                  <g
                    key={n.code}
                    role="button"
                    tabIndex={0}
                    aria-label={`${t('ed.wf.state')} ${name(s)}${wrong ? ' ⚠' : ''}`}
                    aria-pressed={chosen}
                    onClick={() => setSel({ state: n.code })}
                    onKeyDown={key(() => setSel({ state: n.code }))}
                    style={{ cursor: 'pointer' }}
                    data-testid={`wf-state-${n.code}`}
                    data-problem={wrong ? 'true' : undefined}
                  >
                    <rect
                      x={n.x}
                      y={n.y}
                      width={BOX.w}
                      height={BOX.h}
                      rx={s.kind === 'end' ? 26 : 6}
                      fill={fill}
                      stroke={wrong ? '#cf1322' : chosen ? '#1677ff' : '#8c8c8c'}
                      strokeWidth={wrong || chosen ? 2.5 : 1}
                      strokeDasharray={wrong ? '5 3' : undefined}
                    />
                    {s.kind === 'end' && <rect x={n.x + 3} y={n.y + 3} width={BOX.w - 6} height={BOX.h - 6} rx={23} fill="none" stroke="#8c8c8c" />}
                    <text x={n.x + BOX.w / 2} y={n.y + 22} textAnchor="middle" fill="#141414" style={{ fontSize: 13, fontWeight: 600 }}>
                      {wrong ? '⚠ ' : ''}
                      {name(s)}
                    </text>
                    <text x={n.x + BOX.w / 2} y={n.y + 40} textAnchor="middle" fill="#595959">
                      {n.code === def.initial ? `▶ ${t('ed.wf.start')}` : s.limitDays ? t('ed.wf.limitDays') + ' ' + s.limitDays : t(`ed.wf.kinds.${s.kind ?? 'active'}`)}
                    </text>
                  </g>
                );
              })}
            </svg>
          </div>
          <div role="status" aria-live="polite" style={{ marginTop: 8 }}>
            {problems.length > 0 ? (
              <Alert
                type="error"
                showIcon
                title={t('ed.wf.problemsTitle', { n: problems.length })}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="wf-problems">
                    {problems.map((p, k) => (
                      <li key={k}>
                        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => setSel(targetOf(def, p.path))}>
                          {message(p)}
                        </Button>
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : serverProblems ? (
              <Alert type="success" showIcon title={t('ed.wf.ok')} />
            ) : null}
          </div>
          <Button style={{ marginTop: 8 }} onClick={check} loading={checking}>
            {t('ed.wf.check')}
          </Button>
        </Col>
        <Col xs={24} xl={9}>
          {selState && (
            <section aria-label={t('ed.wf.state')} style={{ border: '1px solid rgba(0,0,0,0.12)', borderRadius: 6, padding: 12 }}>
              <Typography.Title level={4} style={{ fontSize: 15, marginTop: 0 }}>
                {t('ed.wf.state')}：{name(def.states[selState])}
              </Typography.Title>
              <Space direction="vertical" style={{ width: '100%' }}>
                <label htmlFor="wf-s-code">{t('ed.wf.code')}</label>
                <Input
                  id="wf-s-code"
                  key={selState}
                  defaultValue={selState}
                  maxLength={40}
                  onBlur={(e) => {
                    const to = e.target.value.trim();
                    if (to && to !== selState && !def.states[to]) {
                      edit(renameState(def, selState, to));
                      setSel({ state: to });
                    }
                  }}
                />
                <label htmlFor="wf-s-zh">{t('ed.wf.zh')}</label>
                <Input id="wf-s-zh" value={def.states[selState].zh} maxLength={40} onChange={(e) => setState(selState, { zh: e.target.value })} />
                <label htmlFor="wf-s-en">{t('ed.wf.en')}</label>
                <Input id="wf-s-en" value={def.states[selState].en} maxLength={80} onChange={(e) => setState(selState, { en: e.target.value })} />
                <label htmlFor="wf-s-kind">{t('ed.wf.kind')}</label>
                <Select
                  id="wf-s-kind"
                  value={def.states[selState].kind ?? 'active'}
                  options={opts(['active', 'paused', 'end'], 'ed.wf.kinds')}
                  onChange={(k: StateKind) => setState(selState, { kind: k === 'active' ? undefined : k })}
                />
                <label htmlFor="wf-s-limit">{t('ed.wf.limitDays')}</label>
                <InputNumber id="wf-s-limit" min={1} max={365} precision={0} value={def.states[selState].limitDays} onChange={(v) => setState(selState, { limitDays: v ?? undefined })} />
                <Button danger onClick={() => (edit(removeState(def, selState)), setSel({}))}>
                  {t('ed.remove')}
                </Button>
              </Space>
            </section>
          )}
          {selAction !== undefined && (
            <ActionForm
              action={def.actions[selAction]}
              stateOptions={stateOptions}
              roleOptions={roleOptions}
              known={actions}
              onChange={(patch) => setAction(selAction, patch)}
              onRemove={() => {
                const d = structuredClone(def);
                d.actions.splice(selAction, 1);
                edit(d);
                setSel({});
              }}
              opts={opts}
            />
          )}
          {!selState && selAction === undefined && <Typography.Paragraph type="secondary">{t('ed.wf.select')}</Typography.Paragraph>}
        </Col>
      </Row>
      <JsonView id="wf-json" value={def} />
    </section>
  );
}

function ActionForm(p: {
  action: WfAction;
  stateOptions: { value: string; label: string }[];
  roleOptions: { value: string; label: string }[];
  known?: Labelled[];
  onChange(patch: Partial<WfAction>): void;
  onRemove(): void;
  opts(keys: readonly string[], prefix: string): { value: string; label: string }[];
}) {
  const { t, i18n } = useTranslation();
  const a = p.action;
  return (
    <section aria-label={t('ed.wf.action')} style={{ border: '1px solid rgba(0,0,0,0.12)', borderRadius: 6, padding: 12 }}>
      <Typography.Title level={4} style={{ fontSize: 15, marginTop: 0 }}>
        {t('ed.wf.action')}：{i18n.language === 'en' ? a.en : a.zh}
      </Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        <label htmlFor="wf-a-code">{p.known ? t('ed.wf.handler') : t('ed.wf.code')}</label>
        {p.known ? (
          <Select
            id="wf-a-code"
            value={a.code}
            options={[
              ...p.known.map((k) => ({ value: k.code, label: `${i18n.language === 'en' ? k.en : k.zh}（${k.code}）` })),
              ...(p.known.some((k) => k.code === a.code) ? [] : [{ value: a.code, label: a.code }]),
            ]}
            onChange={(code: string) => {
              const k = p.known!.find((x) => x.code === code);
              p.onChange({ code, ...(k ? { zh: k.zh, en: k.en } : {}) });
            }}
          />
        ) : (
          <Input id="wf-a-code" value={a.code} maxLength={40} onChange={(e) => p.onChange({ code: e.target.value.trim() })} />
        )}
        <label htmlFor="wf-a-zh">{t('ed.wf.zh')}</label>
        <Input id="wf-a-zh" value={a.zh} maxLength={40} onChange={(e) => p.onChange({ zh: e.target.value })} />
        <label htmlFor="wf-a-en">{t('ed.wf.en')}</label>
        <Input id="wf-a-en" value={a.en} maxLength={80} onChange={(e) => p.onChange({ en: e.target.value })} />
        <label htmlFor="wf-a-from">{t('ed.wf.from')}</label>
        <Select id="wf-a-from" mode="multiple" value={a.from} options={p.stateOptions} onChange={(from: string[]) => p.onChange({ from })} />
        <label htmlFor="wf-a-to">{t('ed.wf.to')}</label>
        <Select id="wf-a-to" value={a.to} options={p.stateOptions} onChange={(to: string) => p.onChange({ to })} />
        <label htmlFor="wf-a-actor">{t('ed.wf.actor')}</label>
        <Select
          id="wf-a-actor"
          value={a.actor}
          options={p.opts(['staff', 'applicant', 'system'], 'ed.wf.actors')}
          onChange={(actor: WfAction['actor']) => p.onChange({ actor, roles: actor === 'staff' ? a.roles : undefined })}
        />
        {a.actor === 'staff' && (
          <>
            <label htmlFor="wf-a-roles">{t('ed.wf.roles')}</label>
            <Select id="wf-a-roles" mode="multiple" value={a.roles ?? []} options={p.roleOptions} onChange={(roles: string[]) => p.onChange({ roles: roles.length ? roles : undefined })} />
            <label htmlFor="wf-a-unit">{t('ed.wf.unit')}</label>
            <Select id="wf-a-unit" allowClear value={a.unit} options={p.opts(['department', 'region', 'dispatcher'], 'ed.wf.units')} onChange={(unit?: WfAction['unit']) => p.onChange({ unit })} />
          </>
        )}
        <label htmlFor="wf-a-requires">{t('ed.wf.requires')}</label>
        <Select
          id="wf-a-requires"
          mode="multiple"
          value={a.requires ?? []}
          options={p.opts(REQUIRES, 'ed.wf.requireKinds')}
          onChange={(r: string[]) => p.onChange({ requires: r.length ? r : undefined })}
        />
        <label htmlFor="wf-a-outcome">{t('ed.wf.outcome')}</label>
        <Select id="wf-a-outcome" allowClear value={a.outcome} options={p.opts(['approved', 'not_approved'], 'ed.wf.outcomes')} onChange={(outcome?: string) => p.onChange({ outcome })} />
        <Button danger onClick={p.onRemove}>
          {t('ed.remove')}
        </Button>
      </Space>
    </section>
  );
}
