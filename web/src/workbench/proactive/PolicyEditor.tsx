import { Alert, Button, Card, Divider, Form, Input, InputNumber, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleGroupType } from 'react-querybuilder';
import { api, errorText } from '../../api';
import { fenToYuan, parseYuan } from '../../admin/editors/money';
import { useProFormat } from '../../proactive/format';
import type { AmountRule, FactDecl, FactValues, Mode, Period, PolicyDraft, PolicyView, RuleTestResult, Subject } from '../../proactive/types';
import { useMe } from '../../shell/session';
import { useAction } from '../../shell/useAction';
import { resultsOf, useFacts } from './api';
import { RuleBuilder } from './RuleBuilder';
import { booleansIn, EMPTY_QUERY, factsIn, toJsonLogic, toQuery } from './ruleModel';

interface Basics {
  code: string;
  name: string;
  nameEn: string;
  mode: Mode;
  subject: Subject;
  departmentId: string;
  period: Period;
  payoutZh: string;
  payoutEn: string;
  timeLimitDays: number;
  itemCode?: string;
  dependsOn?: string;
  basisZh?: string;
}

interface TierDraft {
  key: number;
  label: string;
  conditional: boolean;
  when: RuleGroupType;
  kind: 'fixed' | 'percent';
  yuan: string;
  fact?: string;
  percent?: number;
  capYuan: string;
}

interface TestDraft {
  key: number;
  name: string;
  facts: FactValues;
  eligible: boolean;
  amountYuan: string;
}

let seq = 0;
const nextKey = () => ++seq;

const tiersFrom = (a: AmountRule | null | undefined, catalog: ReadonlyMap<string, FactDecl>): TierDraft[] =>
  (a?.tiers ?? []).map((t) => ({
    key: nextKey(),
    label: t.label ?? '',
    conditional: t.when !== undefined,
    when: booleansIn(toQuery(t.when), catalog),
    kind: t.percentOf ? 'percent' : 'fixed',
    yuan: t.fen !== undefined ? fenToYuan(t.fen) : '',
    fact: t.percentOf?.fact,
    percent: t.percentOf?.percent,
    capYuan: t.capFen !== undefined ? fenToYuan(t.capFen) : '',
  }));

const fenOf = (yuan: string): number | undefined => {
  if (!yuan.trim()) return undefined;
  const r = parseYuan(yuan);
  return 'fen' in r ? r.fen : Number.NaN;
};

/**
 * The policy editor: basics, 申报条件 in the visual builder, the amount tiers (元 here, fen on the
 * wire), the test cases and 运行测试, and 发布 — which stays disabled, with the reason beside it,
 * until the saved draft's tests all pass. Server refusals show as the problem's text.
 */
export function PolicyEditor({ policy: view, readOnly, onSaved }: { policy: PolicyView | null; readOnly: boolean; onSaved(id: string): void }) {
  const policy = view ? { id: view.id, ...view.definition } : null;
  const { t, i18n } = useTranslation();
  const f = useProFormat();
  const [form] = Form.useForm<Basics>();
  const { data: me } = useMe();
  const subject: Subject = Form.useWatch('subject', form) ?? policy?.subject ?? 'person';
  const facts = useFacts(subject);
  const catalog = useMemo(() => new Map((facts.data ?? []).map((d) => [d.code, d])), [facts.data]);
  const depts = useQuery({ queryKey: ['departments-all'], queryFn: () => api<{ items: { id: string; name: string; nameEn?: string | null }[] }>('/api/org/departments?limit=200') });
  const [query, setQuery] = useState<RuleGroupType>(() => (policy ? toQuery(policy.rule) : EMPTY_QUERY));
  const [hasAmount, setHasAmount] = useState(() => (policy ? !!policy.amount?.tiers.length : true));
  const [tiers, setTiers] = useState<TierDraft[]>(() => (policy ? tiersFrom(policy.amount, new Map()) : []));
  const [tests, setTests] = useState<TestDraft[]>(() =>
    (policy?.tests ?? []).map((x) => ({
      key: nextKey(),
      name: x.name,
      facts: x.facts,
      eligible: x.eligible,
      amountYuan: x.amountFen !== undefined && x.amountFen !== null ? fenToYuan(x.amountFen) : '',
    })),
  );
  const [results, setResults] = useState<RuleTestResult[] | null>(null);
  const [dirty, setDirty] = useState(!policy);
  // A draft saved here makes a published policy publishable again (the page's status may lag).
  const [savedDraft, setSavedDraft] = useState(false);
  const [busy, setBusy] = useState<null | 'save' | 'test' | 'publish'>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useAction('pro-');
  const touch = () => {
    setDirty(true);
    setResults(null);
  };

  // Stored booleans show in the yes/no selects once the catalogue says which facts are boolean.
  const [converted, setConverted] = useState(false);
  if (!converted && facts.data) {
    setConverted(true);
    setQuery((q) => booleansIn(q, catalog));
    setTiers((ts) => ts.map((x) => ({ ...x, when: booleansIn(x.when, catalog) })));
  }

  const rule = useMemo(() => toJsonLogic(query, catalog), [query, catalog]);
  const amount = useMemo((): AmountRule | null => {
    if (!hasAmount || !tiers.length) return null;
    return {
      tiers: tiers.map((x) => ({
        ...(x.label.trim() ? { label: x.label.trim() } : {}),
        ...(x.conditional ? { when: toJsonLogic(x.when, catalog) ?? undefined } : {}),
        ...(x.kind === 'fixed' ? { fen: fenOf(x.yuan) ?? 0 } : { percentOf: { fact: x.fact ?? '', percent: x.percent ?? 0 } }),
        ...(fenOf(x.capYuan) !== undefined ? { capFen: fenOf(x.capYuan) } : {}),
      })),
    };
  }, [hasAmount, tiers, catalog]);
  // The facts a test case gives: those the rule and the tiers speak of.
  const used = useMemo(() => {
    const codes = factsIn(rule);
    for (const x of amount?.tiers ?? []) {
      factsIn(x.when, codes);
      if (x.percentOf?.fact && !codes.includes(x.percentOf.fact)) codes.push(x.percentOf.fact);
    }
    return codes.map((c) => catalog.get(c)).filter((d): d is FactDecl => !!d);
  }, [rule, amount, catalog]);

  const bodyOf = (b: Basics): PolicyDraft & { basisZh?: string } => ({
    code: b.code.trim(),
    name: b.name.trim(),
    nameEn: b.nameEn.trim(),
    mode: b.mode,
    subject: b.subject,
    departmentId: b.departmentId,
    period: b.period,
    payoutZh: b.payoutZh.trim(),
    payoutEn: b.payoutEn.trim(),
    timeLimitDays: b.timeLimitDays,
    rule,
    amount,
    tests: tests.map((x) => {
      const fen = fenOf(x.amountYuan);
      return { name: x.name.trim(), facts: x.facts, eligible: x.eligible, ...(fen !== undefined && x.eligible ? { amountFen: fen } : {}) };
    }),
    ...(b.mode === 'application' && b.itemCode?.trim() ? { itemCode: b.itemCode.trim() } : {}),
    ...(b.basisZh?.trim() ? { basisZh: b.basisZh.trim() } : {}),
    dependsOn: (b.dependsOn ?? '')
      .split(/[,，\s]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  });

  /** Saves the draft; resolves to the policy's id, or null (the problem is shown). */
  const save = async (): Promise<string | null> => {
    let b: Basics;
    try {
      b = await form.validateFields();
    } catch {
      return null;
    }
    setProblem(null);
    try {
      const body = bodyOf(b);
      const saved = policy
        ? await api<PolicyView>(`/api/proactive/policies/${policy.id}`, { method: 'PUT', json: body })
        : await api<PolicyView>('/api/proactive/policies', { method: 'POST', json: body });
      setDirty(false);
      setSavedDraft(true);
      return saved?.id ?? policy?.id ?? null;
    } catch (err) {
      setProblem(errorText(err, i18n.language));
      return null;
    }
  };

  const onSave = async () => {
    setBusy('save');
    const id = await save();
    setBusy(null);
    if (id) {
      await run(async () => undefined, policy ? t('pro.saved') : t('pro.created'));
      onSaved(id);
    }
  };

  const onTest = async () => {
    setBusy('test');
    const id = dirty || !policy ? await save() : policy.id;
    if (id) {
      try {
        const r = await api<RuleTestResult[] | { results: RuleTestResult[] }>(`/api/proactive/policies/${id}/test`, { method: 'POST', json: {} });
        setResults(resultsOf(r));
        onSaved(id);
      } catch (err) {
        setProblem(errorText(err, i18n.language));
      }
    }
    setBusy(null);
  };

  const blocked = dirty
    ? t('pro.publishBlocked.unsaved')
    : view?.status === 'published' && !savedDraft
      ? t('pro.publishBlocked.nothing')
      : !tests.some((x) => x.eligible)
        ? t('pro.publishBlocked.noEligible')
        : !tests.some((x) => !x.eligible)
          ? t('pro.publishBlocked.noIneligible')
          : !results
            ? t('pro.publishBlocked.notRun')
            : results.some((r) => !r.passed)
              ? t('pro.publishBlocked.failing')
              : null;

  const onPublish = async () => {
    if (!policy) return;
    setBusy('publish');
    setProblem(null);
    const ok = await run(
      () =>
        api(`/api/proactive/policies/${policy.id}/publish`, { method: 'POST', json: {} }).catch((err: unknown) => {
          setProblem(errorText(err, i18n.language));
          throw err;
        }),
      t('pro.published'),
    );
    setBusy(null);
    if (ok) onSaved(policy.id);
  };

  const initial: Partial<Basics> = policy
    ? { ...policy, itemCode: policy.itemCode ?? undefined, dependsOn: (policy.dependsOn ?? []).join(', '), basisZh: policy.basisZh ?? undefined }
    : { mode: 'automatic', subject: 'person', period: 'monthly', timeLimitDays: 10, departmentId: me?.departmentId ?? undefined };
  const mode = Form.useWatch('mode', form) ?? initial.mode;

  return (
    <>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('pro.basics')}</h2>}>
        <Form<Basics> form={form} layout="vertical" initialValues={initial} disabled={readOnly} onValuesChange={touch}>
          <div className="yw-pro-form-grid">
            <Form.Item name="code" label={t('pro.code')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_-]{1,39}$/i, message: t('common.required') }]}>
              <Input maxLength={40} disabled={!!policy || readOnly} />
            </Form.Item>
            <Form.Item name="name" label={t('pro.name')} rules={[{ required: true, message: t('common.required') }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="nameEn" label={t('pro.nameEn')} rules={[{ required: true, message: t('common.required') }]}>
              <Input maxLength={200} lang="en" />
            </Form.Item>
            <Form.Item name="mode" label={t('pro.mode')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'automatic', label: t('pro.modes.automatic') },
                  { value: 'application', label: t('pro.modes.application') },
                ]}
              />
            </Form.Item>
            <Form.Item name="subject" label={t('pro.subject')}>
              <Radio.Group
                optionType="button"
                disabled={!!policy || readOnly}
                options={[
                  { value: 'person', label: t('pro.subjects.person') },
                  { value: 'entity', label: t('pro.subjects.entity') },
                ]}
              />
            </Form.Item>
            <Form.Item name="departmentId" label={t('pro.department')} rules={[{ required: true, message: t('common.required') }]}>
              <Select showSearch optionFilterProp="label" loading={depts.isLoading} options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: f.pick(d.name, d.nameEn) }))} />
            </Form.Item>
            <Form.Item name="period" label={t('pro.period')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'monthly', label: t('pro.periods.monthly') },
                  { value: 'once', label: t('pro.periods.once') },
                ]}
              />
            </Form.Item>
            <Form.Item name="timeLimitDays" label={t('pro.timeLimitDays')} rules={[{ required: true, type: 'integer', min: 1, max: 365, message: t('common.required') }]}>
              <InputNumber min={1} max={365} precision={0} />
            </Form.Item>
            <Form.Item name="payoutZh" label={t('pro.payoutZh')} rules={[{ required: true, message: t('common.required') }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="payoutEn" label={t('pro.payoutEn')} rules={[{ required: true, message: t('common.required') }]}>
              <Input maxLength={400} lang="en" />
            </Form.Item>
            {mode === 'application' && (
              <Form.Item name="itemCode" label={t('pro.itemCode')} rules={[{ required: true, message: t('common.required') }]}>
                <Input maxLength={60} />
              </Form.Item>
            )}
            <Form.Item name="basisZh" label={t('pro.basis')}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item name="dependsOn" label={t('pro.dependsOn')}>
              <Input maxLength={200} />
            </Form.Item>
          </div>
        </Form>
      </Card>

      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('pro.rule')}</h2>} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('pro.ruleLead')}</Typography.Paragraph>
        <RuleBuilder
          facts={facts.data ?? []}
          query={query}
          label={t('pro.rule')}
          disabled={readOnly}
          onChange={(q) => {
            setQuery(q);
            if (JSON.stringify(toJsonLogic(q, catalog)) !== JSON.stringify(rule)) touch();
          }}
        />
        <details style={{ marginTop: 12 }}>
          <summary>{t('pro.ruleJson')}</summary>
          <pre className="yw-pro-json">{JSON.stringify(rule, null, 2)}</pre>
        </details>
        <details style={{ marginTop: 8 }}>
          <summary>{t('pro.facts')}</summary>
          <FactTable facts={facts.data ?? []} />
        </details>
      </Card>

      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('pro.amount')}</h2>} style={{ marginTop: 16 }}>
        <label className="yw-menu-row" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <Switch
            checked={!hasAmount}
            disabled={readOnly}
            onChange={(v) => {
              setHasAmount(!v);
              touch();
            }}
          />
          {t('pro.amountNone')}
        </label>
        {hasAmount && (
          <TiersEditor
            tiers={tiers}
            facts={facts.data ?? []}
            readOnly={readOnly}
            onChange={(ts) => {
              setTiers(ts);
              touch();
            }}
          />
        )}
      </Card>

      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('pro.tests')}</h2>} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('pro.testsLead')}</Typography.Paragraph>
        <TestsTable
          tests={tests}
          facts={used}
          results={results}
          hasAmount={!!amount}
          readOnly={readOnly}
          onChange={(ts) => {
            setTests(ts);
            touch();
          }}
        />
        {results && (
          <Alert
            style={{ marginTop: 12 }}
            type={results.every((r) => r.passed) ? 'success' : 'error'}
            title={results.every((r) => r.passed) ? t('pro.testsPassed', { n: results.length }) : t('pro.testsFailed', { n: results.filter((r) => !r.passed).length })}
          />
        )}
      </Card>

      {problem && <Alert type="error" role="alert" title={problem} style={{ marginTop: 16 }} />}
      {!readOnly && (
        <Space wrap style={{ marginTop: 16 }} align="center">
          <Button onClick={onSave} loading={busy === 'save'} disabled={!!busy}>
            {t('pro.save')}
          </Button>
          <Button onClick={onTest} loading={busy === 'test'} disabled={!!busy || !tests.length}>
            {t('pro.runTests')}
          </Button>
          <Button type="primary" onClick={onPublish} loading={busy === 'publish'} disabled={!!busy || !!blocked || !policy} aria-describedby="pro-publish-why">
            {t('pro.publish')}
          </Button>
          {blocked && (
            <Typography.Text id="pro-publish-why" type="secondary">
              {blocked}
            </Typography.Text>
          )}
        </Space>
      )}
    </>
  );
}

/** The declared facts: name, type, the values a closed list allows, and the source. */
function FactTable({ facts }: { facts: readonly FactDecl[] }) {
  const { t } = useTranslation();
  const f = useProFormat();
  return (
    <Table<FactDecl>
      size="small"
      rowKey="code"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={[...facts]}
      columns={[
        { title: t('pro.factCol'), key: 'name', render: (_, d) => `${f.pick(d.zh, d.en)}${d.unit ? `（${f.pick(d.unit.zh, d.unit.en)}）` : ''}` },
        { title: t('pro.typeCol'), key: 'type', render: (_, d) => t(`pro.types.${d.type}`) },
        { title: t('pro.valuesCol'), key: 'values', render: (_, d) => d.values?.join(' / ') ?? '—' },
        { title: t('pro.sourceCol'), key: 'source', render: (_, d) => f.pick(d.source.zh, d.source.en) },
      ]}
    />
  );
}

function TiersEditor({ tiers, facts, readOnly, onChange }: { tiers: TierDraft[]; facts: readonly FactDecl[]; readOnly: boolean; onChange(ts: TierDraft[]): void }) {
  const { t } = useTranslation();
  const f = useProFormat();
  const set = (key: number, patch: Partial<TierDraft>) => onChange(tiers.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const numberFacts = facts.filter((d) => d.type === 'number');
  const yuanError = (s: string) => {
    const r = s.trim() ? parseYuan(s) : null;
    return r && 'problem' in r ? t(`ed.fee.${r.problem}`) : null;
  };
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('pro.tiers')}
      </Typography.Paragraph>
      <ol className="yw-pro-tiers">
        {tiers.map((x, i) => {
          const id = `tier-${x.key}`;
          const err = yuanError(x.yuan) ?? yuanError(x.capYuan);
          return (
            <li key={x.key} aria-labelledby={`${id}-h`}>
              <Divider titlePlacement="start" style={{ margin: '8px 0' }}>
                <span id={`${id}-h`}>{t('pro.tier', { n: i + 1 })}</span>
              </Divider>
              <Space wrap align="end">
                <span>
                  <label htmlFor={`${id}-label`}>{t('pro.label')}</label>
                  <Input id={`${id}-label`} value={x.label} maxLength={40} disabled={readOnly} onChange={(e) => set(x.key, { label: e.target.value })} />
                </span>
                <span>
                  <span id={`${id}-kind`}>{t('pro.tierKind')}</span>
                  <br />
                  <Radio.Group
                    aria-labelledby={`${id}-kind`}
                    optionType="button"
                    value={x.kind}
                    disabled={readOnly}
                    onChange={(e) => set(x.key, { kind: e.target.value as TierDraft['kind'] })}
                    options={[
                      { value: 'fixed', label: t('pro.fixed') },
                      { value: 'percent', label: t('pro.percent') },
                    ]}
                  />
                </span>
                {x.kind === 'fixed' ? (
                  <span>
                    <label htmlFor={`${id}-yuan`}>{t('pro.fen')}</label>
                    <Input id={`${id}-yuan`} prefix="¥" inputMode="decimal" value={x.yuan} disabled={readOnly} style={{ width: 160 }} onChange={(e) => set(x.key, { yuan: e.target.value })} />
                  </span>
                ) : (
                  <>
                    <span>
                      <label htmlFor={`${id}-fact`}>{t('pro.percentFact')}</label>
                      <Select
                        id={`${id}-fact`}
                        value={x.fact}
                        disabled={readOnly}
                        style={{ minWidth: 200, display: 'block' }}
                        onChange={(v: string) => set(x.key, { fact: v })}
                        options={numberFacts.map((d) => ({ value: d.code, label: f.pick(d.zh, d.en) }))}
                      />
                    </span>
                    <span>
                      <label htmlFor={`${id}-pct`}>{t('pro.percentValue')}</label>
                      <InputNumber id={`${id}-pct`} min={0.01} max={100} value={x.percent} disabled={readOnly} style={{ display: 'block' }} onChange={(v) => set(x.key, { percent: v ?? undefined })} />
                    </span>
                  </>
                )}
                <span>
                  <label htmlFor={`${id}-cap`}>{t('pro.cap')}</label>
                  <Input id={`${id}-cap`} prefix="¥" inputMode="decimal" value={x.capYuan} disabled={readOnly} style={{ width: 160 }} onChange={(e) => set(x.key, { capYuan: e.target.value })} />
                </span>
                {!readOnly && (
                  <Button danger onClick={() => onChange(tiers.filter((y) => y.key !== x.key))}>
                    {t('pro.removeTier')}
                  </Button>
                )}
              </Space>
              {err && <Typography.Text type="danger">{err}</Typography.Text>}
              <div style={{ marginTop: 8 }}>
                <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                  <Switch size="small" checked={x.conditional} disabled={readOnly} onChange={(v) => set(x.key, { conditional: v })} />
                  {x.conditional ? t('pro.tierWhen') : t('pro.tierAlways')}
                </label>
                {x.conditional && (
                  <RuleBuilder facts={facts} query={x.when} label={`${t('pro.tier', { n: i + 1 })} ${t('pro.tierWhen')}`} disabled={readOnly} onChange={(q) => set(x.key, { when: q })} />
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <Button onClick={() => onChange([...tiers, { key: nextKey(), label: '', conditional: false, when: EMPTY_QUERY, kind: 'fixed', yuan: '', capYuan: '' }])}>+ {t('pro.addTier')}</Button>
      )}
    </>
  );
}

function FactInput({ d, value, onChange, label, disabled }: { d: FactDecl; value: FactValues[string] | undefined; onChange(v: FactValues[string]): void; label: string; disabled: boolean }) {
  const { t } = useTranslation();
  const v = value ?? null;
  if (d.type === 'number')
    return <InputNumber aria-label={label} value={typeof v === 'number' ? v : null} disabled={disabled} onChange={(n) => onChange(typeof n === 'number' ? n : null)} style={{ width: 110 }} />;
  if (d.type === 'boolean')
    return (
      <Select
        aria-label={label}
        value={v === null ? '' : String(v)}
        disabled={disabled}
        style={{ width: 100 }}
        onChange={(s: string) => onChange(s === '' ? null : s === 'true')}
        options={[
          { value: 'true', label: t('pro.yes') },
          { value: 'false', label: t('pro.no') },
          { value: '', label: t('pro.unknownValue') },
        ]}
      />
    );
  if (d.values?.length)
    return (
      <Select
        aria-label={label}
        value={v === null ? '' : String(v)}
        disabled={disabled}
        style={{ width: 120 }}
        onChange={(s: string) => onChange(s === '' ? null : s)}
        options={[...d.values.map((x) => ({ value: x, label: x })), { value: '', label: t('pro.unknownValue') }]}
      />
    );
  return (
    <Input
      aria-label={label}
      value={v === null ? '' : String(v)}
      disabled={disabled}
      style={{ width: 130 }}
      placeholder={t('pro.unknownValue')}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
    />
  );
}

function TestsTable({
  tests,
  facts,
  results,
  hasAmount,
  readOnly,
  onChange,
}: {
  tests: TestDraft[];
  facts: FactDecl[];
  results: RuleTestResult[] | null;
  hasAmount: boolean;
  readOnly: boolean;
  onChange(ts: TestDraft[]): void;
}) {
  const { t } = useTranslation();
  const f = useProFormat();
  const set = (key: number, patch: Partial<TestDraft>) => onChange(tests.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const resultOf = (i: number, x: TestDraft) => results?.find((r) => r.name === x.name.trim()) ?? results?.[i];
  return (
    <>
      <Table<TestDraft>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={tests}
        columns={[
          {
            title: t('pro.testName'),
            key: 'name',
            fixed: 'left',
            render: (_, x) => <Input aria-label={t('pro.testName')} value={x.name} maxLength={60} disabled={readOnly} style={{ width: 140 }} onChange={(e) => set(x.key, { name: e.target.value })} />,
          },
          ...facts.map((d) => ({
            title: f.pick(d.zh, d.en),
            key: `f-${d.code}`,
            render: (_: unknown, x: TestDraft) => (
              <FactInput d={d} label={`${x.name} ${f.pick(d.zh, d.en)}`} value={x.facts[d.code]} disabled={readOnly} onChange={(v) => set(x.key, { facts: { ...x.facts, [d.code]: v } })} />
            ),
          })),
          {
            title: t('pro.expectEligible'),
            key: 'eligible',
            render: (_, x) => <Switch aria-label={`${x.name} ${t('pro.expectEligible')}`} checked={x.eligible} disabled={readOnly} onChange={(v) => set(x.key, { eligible: v })} />,
          },
          ...(hasAmount
            ? [
                {
                  title: t('pro.expectAmount'),
                  key: 'amount',
                  render: (_: unknown, x: TestDraft) => (
                    <Input
                      aria-label={`${x.name} ${t('pro.expectAmount')}`}
                      prefix="¥"
                      inputMode="decimal"
                      value={x.amountYuan}
                      disabled={readOnly || !x.eligible}
                      style={{ width: 120 }}
                      onChange={(e) => set(x.key, { amountYuan: e.target.value })}
                    />
                  ),
                },
              ]
            : []),
          {
            title: t('pro.result'),
            key: 'result',
            render: (_, x, i) => {
              const r = resultOf(i, x);
              if (!r) return <Tag>{t('pro.notRun')}</Tag>;
              const got = `${f.truth(r.eligible)}${r.amountFen !== null ? `, ${f.yuan(r.amountFen)}` : ''}`;
              return (
                <span data-passed={String(r.passed)}>
                  <Tag color={r.passed ? 'green' : 'red'}>
                    <span aria-hidden="true">{r.passed ? '✓' : '✗'}</span> {r.passed ? t('pro.passed') : t('pro.failed')}
                  </Tag>
                  {!r.passed && <Typography.Text type="danger">{[t('pro.got', { v: got }), r.problem].filter(Boolean).join(' · ')}</Typography.Text>}
                </span>
              );
            },
          },
          ...(readOnly
            ? []
            : [
                {
                  title: '',
                  key: 'remove',
                  render: (_: unknown, x: TestDraft) => (
                    <Button size="small" danger aria-label={`${t('pro.qb.remove')} ${x.name}`} onClick={() => onChange(tests.filter((y) => y.key !== x.key))}>
                      {t('pro.qb.remove')}
                    </Button>
                  ),
                },
              ]),
        ]}
      />
      {!readOnly && (
        <Button style={{ marginTop: 8 }} onClick={() => onChange([...tests, { key: nextKey(), name: `${t('pro.testName')} ${tests.length + 1}`, facts: {}, eligible: true, amountYuan: '' }])}>
          + {t('pro.addTest')}
        </Button>
      )}
    </>
  );
}
