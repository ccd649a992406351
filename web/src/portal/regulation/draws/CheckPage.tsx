import { Alert, Button, Collapse, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { checkInBrowser, type CheckPart } from './recompute';
import type { PublicDraw, ServerCheck } from './types';

const SCRIPT = '/api/regulation/public/draws/check-script';
const Hex = ({ children }: { children: string }) => (
  <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 12 }}>
    {children}
  </Typography.Text>
);
const PROCEDURE_VALUES = { rfc: 'RFC 3797', i: 'i', j: 'j', formula: 'H = SM3(u16be(i) ‖ key ‖ label ‖ u16be(i))', classes: 'A, B, C, D', label: 'insp:' };

/**
 * The check page of one draw: every published input, the result, and the verdict of a
 * recomputation done here in the browser (一致 / 不一致), with the script to do it offline.
 */
export function CheckPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const q = useQuery({ queryKey: ['regdraw-public', id], queryFn: () => api<PublicDraw>(`/api/regulation/public/draws/${encodeURIComponent(id)}`) });
  const [server, setServer] = useState<ServerCheck | null>(null);
  const pub = q.data;
  const check = useMemo(() => (pub ? checkInBrowser(pub) : null), [pub]);
  if (q.isError) return <Alert type="error" showIcon message={(q.error as Error).message} action={<Link to="/supervision/draws">{t('regdraw.back')}</Link>} />;
  if (!pub || !check) return <Typography.Paragraph>{t('regdraw.verdict.checking')}</Typography.Paragraph>;

  const deptName = (did: string) => {
    const d = [pub.lead, ...pub.joint].find((x) => x.id === did);
    return d ? (en ? (d.nameEn ?? d.name) : d.name) : did;
  };
  const inspector = new Map(pub.inspectors.map((x) => [x.id, x]));
  const entity = new Map(pub.candidates.map((x) => [x.creditCode, x]));
  const drawn = !!pub.draw;
  const verdict = !check.match ? 'mismatch' : drawn ? 'match' : 'pending';
  const classes = ['A', 'B', 'C', 'D'];
  const url = `${window.location.origin}/api/regulation/public/draws/${pub.id}`;

  return (
    <article style={{ maxWidth: 960, overflowWrap: 'anywhere' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {pub.plan.name}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={drawn ? 'green' : 'blue'}>{t(`regdraw.states.${pub.state}`)}</Tag>
        <span>{pub.plan.number}</span>
        <Link to="/supervision/draws">{t('regdraw.back')}</Link>
      </Space>

      <Alert
        role="status"
        data-testid="regdraw-verdict"
        data-verdict={verdict}
        type={verdict === 'mismatch' ? 'error' : verdict === 'match' ? 'success' : 'info'}
        showIcon
        message={<strong style={{ fontSize: 20 }}>{t(`regdraw.verdict.${verdict}`)}</strong>}
        description={t(verdict === 'mismatch' ? 'regdraw.verdictMismatch' : verdict === 'match' ? 'regdraw.verdictMatch' : 'regdraw.verdictPending')}
        style={{ marginBottom: 16 }}
      />

      <section aria-labelledby="regdraw-parts">
        <h2 id="regdraw-parts" style={{ fontSize: 18 }}>
          {t('regdraw.part')}
        </h2>
        <List
          size="small"
          bordered
          dataSource={check.parts}
          renderItem={(p: CheckPart) => (
            <List.Item data-testid={`regdraw-part-${p.name}`}>
              <div style={{ width: '100%' }}>
                <Space wrap>
                  <strong>{t(`regdraw.parts.${p.name}`)}</strong>
                  <Tag color={p.match ? 'green' : 'red'}>{t(p.match ? 'regdraw.verdict.match' : 'regdraw.verdict.mismatch')}</Tag>
                </Space>
                <div>
                  {t('regdraw.published')}：<Hex>{p.published}</Hex>
                </div>
                {!p.match && (
                  <div>
                    {t('regdraw.recomputed')}：<Hex>{p.recomputed}</Hex>
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
        <Space wrap style={{ marginTop: 8 }}>
          <Button onClick={async () => setServer(await api<ServerCheck>(`/api/regulation/public/draws/${pub.id}/check`))}>{t('regdraw.serverCheck')}</Button>
          {server && (
            <Tag color={server.match ? 'green' : 'red'} data-testid="regdraw-server-verdict">
              {t('regdraw.serverSays', { v: t(server.match ? 'regdraw.verdict.match' : 'regdraw.verdict.mismatch') })}
            </Tag>
          )}
        </Space>
      </section>

      <section aria-labelledby="regdraw-plan" style={{ marginTop: 24 }}>
        <h2 id="regdraw-plan" style={{ fontSize: 18 }}>
          {t('regdraw.detail')}
        </h2>
        <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label={t('regdraw.checkType')}>{t(`regdraw.checkTypes.${pub.plan.checkType}`)}</Descriptions.Item>
          <Descriptions.Item label={t('regdraw.dates')}>
            {pub.plan.startsOn} – {pub.plan.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('regdraw.lead')}>{deptName(pub.lead.id)}</Descriptions.Item>
          <Descriptions.Item label={t('regdraw.joint')}>{pub.joint.map((d) => deptName(d.id)).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('regdraw.items')}>{pub.items.map((x) => x.name ?? x.id).join('；')}</Descriptions.Item>
          <Descriptions.Item label={t('regdraw.scope')}>{[...pub.plan.scope.regionCodes, ...(pub.plan.scope.entityTypes ?? []), ...(pub.plan.scope.industries ?? [])].join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('regdraw.perObject')}>{pub.plan.inspectorsPerObject}</Descriptions.Item>
          <Descriptions.Item label={t('regdraw.committedAt')}>{new Date(pub.committedAt).toLocaleString()}</Descriptions.Item>
        </Descriptions>
        <Table
          style={{ marginTop: 12 }}
          size="small"
          pagination={false}
          rowKey="label"
          caption={t('regdraw.rates')}
          dataSource={classes.map((c) => {
            const s = pub.draw?.result.strata.find((x) => x.label === c);
            return { label: c, n: s?.n ?? pub.candidates.filter((x) => x.class === c).length, rate: pub.plan.rates[c], quota: s?.quota ?? null };
          })}
          columns={[
            { title: t('regdraw.stratum'), dataIndex: 'label', render: (c: string) => <Tag title={t(`regdraw.classes.${c}`)}>{c}</Tag> },
            { title: t('regdraw.inClass'), dataIndex: 'n' },
            { title: t('regdraw.rates'), dataIndex: 'rate', render: (r: { bp: number; min: number }) => `${r.bp / 100}%${r.min ? ` (≥${r.min})` : ''}` },
            { title: t('regdraw.quota'), dataIndex: 'quota', render: (q: number | null) => q ?? '—' },
          ]}
        />
      </section>

      <section aria-labelledby="regdraw-seed" style={{ marginTop: 24 }}>
        <h2 id="regdraw-seed" style={{ fontSize: 18 }}>
          {t('regdraw.seed')}
        </h2>
        <List
          size="small"
          dataSource={pub.seedSources.map((s, i) => ({ ...s, values: pub.draw?.values[i] ?? null }))}
          renderItem={(s) => (
            <List.Item>
              {s.name}（{t('regdraw.seedCount')} {s.count}）{s.values ? <strong> {s.values.join(' ')}</strong> : null}
            </List.Item>
          )}
        />
        <div>
          {t('regdraw.seedAvailableAt')}：{new Date(pub.seedAvailableAt).toLocaleString()}
        </div>
        {pub.draw && (
          <div>
            {t('regdraw.key')}：<Hex>{pub.draw.key}</Hex>
          </div>
        )}
      </section>

      {pub.draw && (
        <section aria-labelledby="regdraw-result" style={{ marginTop: 24 }}>
          <h2 id="regdraw-result" style={{ fontSize: 18 }}>
            {t('regdraw.drawnObjects')}（{pub.draw.result.objects.length}）
          </h2>
          <div>
            {t('regdraw.drawnAt')}：{new Date(pub.draw.drawnAt).toLocaleString()} · {t('regdraw.tasks')}：{pub.draw.tasks}
          </div>
          <List
            size="small"
            pagination={pub.draw.result.objects.length > 20 ? { pageSize: 20, size: 'small' } : false}
            dataSource={pub.draw.result.objects}
            renderItem={(o) => (
              <List.Item data-testid="regdraw-drawn">
                <div>
                  <Space wrap>
                    <Tag title={t(`regdraw.classes.${o.class}`)}>{o.class}</Tag>
                    <strong>{entity.get(o.creditCode)?.name}</strong>
                    <span>{o.creditCode}</span>
                  </Space>
                  <div>
                    {t('regdraw.drawnInspectors')}：{o.inspectors.map((x) => `${inspector.get(x.id)?.name ?? x.id}（${deptName(x.departmentId)}）`).join('、')}
                  </div>
                </div>
              </List.Item>
            )}
          />
        </section>
      )}

      <Collapse
        style={{ marginTop: 24 }}
        items={[
          {
            key: 'procedure',
            label: t('regdraw.procedure'),
            children: (
              <ol>
                {(t('regdraw.procedureSteps', { returnObjects: true, ...PROCEDURE_VALUES }) as string[]).map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
            ),
          },
          {
            key: 'candidates',
            label: `${t('regdraw.candidates')}（${pub.candidates.length}）`,
            children: (
              <Table
                size="small"
                rowKey="creditCode"
                dataSource={pub.candidates}
                pagination={{ pageSize: 20, size: 'small', showSizeChanger: false }}
                columns={[
                  { title: t('regdraw.creditCode'), dataIndex: 'creditCode' },
                  { title: t('regdraw.entity'), dataIndex: 'name' },
                  { title: t('regdraw.stratum'), dataIndex: 'class' },
                ]}
              />
            ),
          },
          {
            key: 'inspectors',
            label: `${t('regdraw.inspectors')}（${pub.inspectors.length}）`,
            children: (
              <List
                size="small"
                dataSource={pub.inspectors}
                renderItem={(x) => (
                  <List.Item>
                    {x.name} · {t('regdraw.certificateNo')} {x.certificateNo} · {deptName(x.departmentId)}
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'avoidance',
            label: `${t('regdraw.avoidance')}（${pub.avoidance.length}）`,
            children: (
              <List
                size="small"
                dataSource={pub.avoidance}
                renderItem={(a) => (
                  <List.Item>
                    {entity.get(a.creditCode)?.name ?? a.creditCode} — {inspector.get(a.inspectorId)?.name ?? a.inspectorId}：{t(`regdraw.avoidReasons.${a.reason}`)}
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />

      <section aria-labelledby="regdraw-script" style={{ marginTop: 24 }}>
        <h2 id="regdraw-script" style={{ fontSize: 18 }}>
          {t('regdraw.script')}
        </h2>
        <Typography.Paragraph>{t('regdraw.scriptHow', { node: 'Node.js 18+' })}</Typography.Paragraph>
        <Typography.Paragraph>
          <a href={SCRIPT} download="draw-check.mjs">
            {t('regdraw.download', { file: 'draw-check.mjs' })}
          </a>
        </Typography.Paragraph>
        <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', background: '#f5f5f5', padding: 8 }}>
          node draw-check.mjs {url}
          {'\n'}node draw-check.mjs --self-test
        </pre>
      </section>
    </article>
  );
}
