import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Board } from './supervision/Board';
import { Figures } from './supervision/Figures';
import { TaskPage } from './supervision/TaskPage';

/** 「督查督办」 in the workbench's 一网协同 area; `sub` is the path below /workbench/office/supervision ('' for the board). */
export function SupervisionPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (sub && sub !== 'figures') return <TaskPage id={sub} />;
  return (
    <>
      <h2 style={{ fontSize: 18 }}>{t('offsup.title')}</h2>
      <Segmented
        aria-label={t('offsup.title')}
        style={{ marginBottom: 16 }}
        value={sub === 'figures' ? 'figures' : 'board'}
        onChange={(v) => navigate(`/workbench/office/supervision${v === 'figures' ? '/figures' : ''}`)}
        options={[
          { value: 'board', label: t('offsup.board') },
          { value: 'figures', label: t('offsup.figures') },
        ]}
      />
      {sub === 'figures' ? <Figures /> : <Board />}
    </>
  );
}
