import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CoverageView } from './items/CoverageView';
import { ItemList } from './items/ItemList';

/** 互联网+监管 · 监管事项: the list (`sub` '') or 照单监管 coverage (`sub` 'coverage'). */
export function ItemsPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const view = sub === 'coverage' ? 'coverage' : 'list';
  return (
    <>
      <h2 style={{ fontSize: 18 }}>{t('regitem.title')}</h2>
      <Segmented
        aria-label={t('regitem.title')}
        style={{ marginBottom: 16 }}
        value={view}
        onChange={(v) => navigate(`/workbench/regulation/items${v === 'coverage' ? '/coverage' : ''}`)}
        options={[
          { value: 'list', label: t('regitem.list') },
          { value: 'coverage', label: t('regitem.coverage') },
        ]}
      />
      {view === 'coverage' ? <CoverageView /> : <ItemList />}
    </>
  );
}
