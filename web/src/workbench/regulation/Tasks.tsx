import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can, useMe } from '../../shell/session';
import { useTitle } from '../../shell/useTitle';
import { Figures } from './tasks/Figures';
import { TaskList } from './tasks/TaskList';
import { TaskPage } from './tasks/TaskPage';

/**
 * 互联网+监管 · 检查任务: `sub` is the path below /workbench/regulation/tasks/ ('' the list,
 * 'figures' 监管效能, else a task id). An inspector gets their own tasks, phone first; a regulator
 * the region's, with filters and the figures.
 */
export function TasksPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  useTitle('regtask.title');
  const navigate = useNavigate();
  const { data: me } = useMe();
  const wide = can(me, 'regulation.plan') || can(me, 'regulation.manage') || can(me, 'regulation.figures');
  const figures = can(me, 'regulation.figures');
  if (sub && sub !== 'figures') return <TaskPage id={sub} />;
  return (
    <>
      <h2 style={{ fontSize: 18 }}>{wide ? t('regtask.overview') : t('regtask.mine')}</h2>
      {figures && (
        <Segmented
          aria-label={t('regtask.title')}
          style={{ marginBottom: 12 }}
          value={sub === 'figures' ? 'figures' : 'list'}
          onChange={(v) => navigate(`/workbench/regulation/tasks${v === 'figures' ? '/figures' : ''}`)}
          options={[
            { value: 'list', label: t('regtask.overview') },
            { value: 'figures', label: t('regtask.figures') },
          ]}
        />
      )}
      {sub === 'figures' && figures ? <Figures /> : <TaskList wide={wide} />}
    </>
  );
}
