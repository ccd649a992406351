import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { heldMark, useProFormat } from './format';
import type { ConditionTrace } from './types';

/** Each condition of a decision: the fact, what the rule asks, the value found, its source, and whether it held (✓ / ✗ / ?). */
export function ConditionsTable({ rows, caption }: { rows: ConditionTrace[]; caption?: string }) {
  const { t } = useTranslation();
  const f = useProFormat();
  return (
    <Table<ConditionTrace>
      size="small"
      rowKey={(r) => `${r.path}-${r.fact}`}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      caption={caption}
      columns={[
        { title: t('pro.condFact'), key: 'fact', render: (_, r) => f.pick(r.zh, r.en) },
        { title: t('pro.condTest'), key: 'test', render: (_, r) => f.test(r.test) },
        { title: t('pro.condValue'), key: 'actual', render: (_, r) => f.value(r.actual) },
        { title: t('pro.condSource'), key: 'source', render: (_, r) => f.pick(r.source?.zh, r.source?.en) },
        {
          title: t('pro.condHeld'),
          key: 'held',
          render: (_, r) => (
            <Tag color={r.held === true ? 'green' : r.held === false ? 'red' : 'default'}>
              <span aria-hidden="true">{heldMark(r.held)}</span> {f.held(r.held)}
            </Tag>
          ),
        },
      ]}
    />
  );
}

/** The same conditions as a short list, for a phone card: "✓ 年龄 ≥ 80（实际 86，来源：人口基础库）". */
export function ReasonList({ rows }: { rows: ConditionTrace[] }) {
  const f = useProFormat();
  if (!rows.length) return null;
  return (
    <ul className="yw-pro-reasons">
      {rows.map((r) => (
        <li key={`${r.path}-${r.fact}`} data-held={String(r.held)}>
          <span aria-hidden="true">{heldMark(r.held)}</span> {f.pick(r.zh, r.en)} {f.test(r.test)}
          <span className="yw-pro-reason-meta">
            {' '}
            （{f.value(r.actual)} · {f.pick(r.source?.zh, r.source?.en)} · {f.held(r.held)}）
          </span>
        </li>
      ))}
    </ul>
  );
}
