import { Button, Card, Checkbox, Empty, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePages } from '../../../shell/usePages';
import type { TaskKind, TaskListItem } from './types';

const KINDS: TaskKind[] = ['random', 'commitment', 'clue', 'key'];

/**
 * The task list, phone first: one big card per task (the whole card is the link), open tasks and
 * the soonest due first. An inspector sees the tasks naming them; a regulator gets the filters.
 */
export function TaskList({ wide }: { wide: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'open' | 'done' | undefined>(wide ? undefined : 'open');
  const [kind, setKind] = useState<TaskKind | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [objection, setObjection] = useState(false);
  const { list, rows } = usePages<TaskListItem>(['regtask-list', state, kind, overdue, objection], '/api/regulation/tasks', {
    state,
    kind,
    overdue: overdue || undefined,
    objection: objection ? 'pending' : undefined,
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('regtask.filters.state')}
          allowClear
          placeholder={t('regtask.filters.state')}
          style={{ minWidth: 140 }}
          value={state}
          onChange={setState}
          options={(['open', 'done'] as const).map((s) => ({ value: s, label: t(`regtask.states.${s}`) }))}
        />
        {wide && (
          <>
            <Select
              aria-label={t('regtask.filters.kind')}
              allowClear
              placeholder={t('regtask.filters.kind')}
              style={{ minWidth: 160 }}
              value={kind}
              onChange={setKind}
              options={KINDS.map((k) => ({ value: k, label: t(`regtask.kinds.${k}`) }))}
            />
            <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
              {t('regtask.filters.overdue')}
            </Checkbox>
            <Checkbox checked={objection} onChange={(e) => setObjection(e.target.checked)}>
              {t('regtask.filters.objection')}
            </Checkbox>
          </>
        )}
      </Space>
      {!list.isLoading && rows.length === 0 && <Empty description={t('regtask.empty')} />}
      <ul aria-label={wide ? t('regtask.overview') : t('regtask.mine')} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 12 }}>
        {rows.map((x) => (
          <li key={x.id}>
            <TaskCard task={x} />
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <Button block size="large" style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {t('regtask.more')}
        </Button>
      )}
    </>
  );
}

function TaskCard({ task: x }: { task: TaskListItem }) {
  const { t } = useTranslation();
  return (
    <Link to={`/workbench/regulation/tasks/${x.id}`} style={{ display: 'block', color: 'inherit' }} data-testid="regtask-card">
      <Card size="small" hoverable style={{ minHeight: 64 }}>
        <Typography.Text strong style={{ fontSize: 16, display: 'block', overflowWrap: 'anywhere' }}>
          {x.objectName}
        </Typography.Text>
        <div style={{ color: '#595959', overflowWrap: 'anywhere' }}>{x.creditCode}</div>
        <Space wrap size={[4, 4]} style={{ marginTop: 4 }}>
          <Tag>{t(`regtask.kinds.${x.kind}`)}</Tag>
          <Tag color={x.state === 'done' ? 'green' : 'blue'}>{t(`regtask.states.${x.state}`)}</Tag>
          {x.overdue && <Tag color="red">{t('regtask.overdue')}</Tag>}
          {x.conclusion && <Tag>{t(`regtask.conclusions.${x.conclusion}`)}</Tag>}
        </Space>
        <div style={{ marginTop: 4 }}>
          {t('regtask.dueOn')}：{x.dueOn}
        </div>
      </Card>
    </Link>
  );
}
