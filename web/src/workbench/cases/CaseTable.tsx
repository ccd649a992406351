import { Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCaseLabel } from '../../cases/codes';
import type { CaseSummary } from '../../cases/types';
import { when } from '../../svc/labels';

/** Cases as a table: number (link), title, state with warnings, unit and clocks. */
export function CaseTable({
  rows,
  loading,
  base = '/workbench/cases',
  rowSelection,
}: {
  rows: CaseSummary[];
  loading?: boolean;
  base?: string;
  /** For bulk actions (批量签收): which rows may be picked. */
  rowSelection?: TableProps<CaseSummary>['rowSelection'];
}) {
  const { t, i18n } = useTranslation();
  const label = useCaseLabel();
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table<CaseSummary>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        // With selection boxes the list scrolls in its own box: antd's scroll={{x}} adds a hidden measure row that would hold them.
        scroll={rowSelection ? undefined : { x: true }}
        dataSource={rows}
        rowSelection={rowSelection}
        locale={{ emptyText: t('cases.none') }}
        columns={[
          { title: t('cases.number'), dataIndex: 'number', render: (n, r) => <Link to={`${base}/${r.id}`}>{n}</Link> },
          { title: t('cases.title'), dataIndex: 'title' },
          {
            title: t('cases.state'),
            dataIndex: 'state',
            render: (s, r) => (
              <>
                {label('states', s)} {r.overdue && <Tag color="red">{t('cases.overdue')}</Tag>}
                {r.supervisionLevel > 0 && <Tag color="volcano">{r.supervisionLevel > 1 ? t('cases.level2') : t('cases.level1')}</Tag>}
                {r.extensionStatus === 'pending' && <Tag color="gold">{t('cases.extensionPending')}</Tag>}
              </>
            ),
          },
          { title: t('cases.category'), dataIndex: 'categoryName', render: (v) => v ?? '—' },
          { title: t('cases.unit'), dataIndex: 'handlingDepartmentName', render: (v) => v ?? '—' },
          { title: t('cases.dueAt'), dataIndex: 'dueAt', render: (v) => when(v, i18n.language) },
          { title: t('cases.createdAt'), dataIndex: 'createdAt', render: (v) => when(v, i18n.language) },
        ]}
      />
    </div>
  );
}
