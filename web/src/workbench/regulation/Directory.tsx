import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can, useMe } from '../../shell/session';
import { Inspectors } from './directory/Inspectors';
import { Objects } from './directory/Objects';
import { Relations } from './directory/Relations';

const SECTIONS = ['objects', 'inspectors', 'relations'] as const;

/**
 * 互联网+监管 · 名录库: 检查对象名录库, 执法检查人员名录库 and declared 利害关系. `sub` is the path below
 * /workbench/regulation/directory/. A regulator keeps all three; an inspector (if the tab is shown
 * to them) sees only their own relations, which they declare themselves.
 */
export function DirectoryPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const manager = can(me, 'regulation.manage');
  const section = manager ? (SECTIONS.find((s) => s === sub) ?? 'objects') : 'relations';
  return (
    <>
      <h2 style={{ fontSize: 18 }}>{t('regdir.title')}</h2>
      {manager && (
        <Segmented
          aria-label={t('regdir.title')}
          style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
          value={section}
          onChange={(v) => navigate(`/workbench/regulation/directory${v === 'objects' ? '' : `/${v}`}`)}
          options={SECTIONS.map((s) => ({ value: s, label: t(`regdir.sections.${s}`) }))}
        />
      )}
      {section === 'objects' && <Objects />}
      {section === 'inspectors' && <Inspectors />}
      {section === 'relations' && <Relations manager={manager} />}
    </>
  );
}
