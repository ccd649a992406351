import { Empty, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import type { DiffChange, DocumentDiff, DocumentView } from './types';

// Dark green and red on pale grounds keep 4.5:1 contrast; underline and strike-through carry the meaning without colour.
const INS = { color: '#135200', background: '#f6ffed', textDecoration: 'underline' } as const;
const DEL = { color: '#a8071a', background: '#fff1f0', textDecoration: 'line-through' } as const;

/**
 * 修改痕迹 between two text versions: insertions underlined in green, deletions struck through in
 * red. Colour is not the only cue: each change carries a hidden 「新增」/「删除」 for screen readers,
 * as <ins>/<del> are not announced by most of them.
 */
export function DiffView({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const ns = doc.versions.map((v) => v.n).sort((a, b) => a - b);
  const [from, setFrom] = useState(ns.length > 1 ? ns[ns.length - 2]! : (ns[0] ?? 1));
  const [to, setTo] = useState(ns[ns.length - 1] ?? 1);
  const diff = useQuery({
    queryKey: ['offdoc-diff', doc.id, from, to],
    enabled: ns.length > 1 && from !== to,
    queryFn: () => api<DocumentDiff>(`/api/office/documents/${doc.id}/diff?from=${from}&to=${to}`),
  });
  const options = ns.map((n) => ({ value: n, label: t('offdoc.versionLabel', { n }) }));
  // One version has nothing to compare; the version list above already names it.
  if (ns.length < 2) return null;
  const byField = new Map<string, DiffChange[]>();
  for (const c of diff.data?.changes ?? []) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  const changed = [...byField.entries()].filter(([, cs]) => cs.some((c) => c.op !== 'equal'));
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <label>
          {t('offdoc.from')} <Select aria-label={t('offdoc.from')} value={from} onChange={setFrom} options={options} style={{ minWidth: 120 }} />
        </label>
        <label>
          {t('offdoc.to')} <Select aria-label={t('offdoc.to')} value={to} onChange={setTo} options={options} style={{ minWidth: 120 }} />
        </label>
        <span>
          <ins style={INS}>{t('offdoc.inserted')}</ins> <del style={DEL}>{t('offdoc.deleted')}</del>
        </span>
      </Space>
      {diff.data && changed.length === 0 && <Empty description={t('offdoc.noChanges')} />}
      {changed.map(([field, cs]) => (
        <section key={field} aria-label={`${t('offdoc.diff')} · ${t(`offdoc.fields.${field}`, { defaultValue: field })}`}>
          <Typography.Text strong>{t(`offdoc.fields.${field}`, { defaultValue: field })}</Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8, marginBottom: 12 }} data-testid={`diff-${field}`}>
            {cs.map((c, i) =>
              c.op === 'insert' ? (
                <ins key={i} style={INS}>
                  <span className="sr-only">[{t('offdoc.inserted')}：</span>
                  {c.text}
                  <span className="sr-only">]</span>
                </ins>
              ) : c.op === 'delete' ? (
                <del key={i} style={DEL}>
                  <span className="sr-only">[{t('offdoc.deleted')}：</span>
                  {c.text}
                  <span className="sr-only">]</span>
                </del>
              ) : (
                <span key={i}>{c.text}</span>
              ),
            )}
          </div>
        </section>
      ))}
    </>
  );
}
