import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can, useMe } from '../../shell/session';
import { EffectFigures } from './profiles/EffectFigures';
import { ProfilePage } from './profiles/ProfilePage';
import { ProfileSearch } from './profiles/ProfileSearch';

/**
 * 互联网+监管 · 企业画像 (the regulator's landing tab): search, one entity's profile, and the
 * 监管效能 figures for those who may read them. `sub` is the path below
 * /workbench/regulation/profiles/: '' (search), 'figures', or a credit code.
 */
export function ProfilesPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const figures = can(me, 'regulation.figures');
  if (sub && sub !== 'figures') return <ProfilePage creditCode={decodeURIComponent(sub)} />;
  return (
    <>
      <h2 style={{ fontSize: 18 }}>{t('regprof.title')}</h2>
      {figures && (
        <Segmented
          aria-label={t('regprof.title')}
          style={{ marginBottom: 16 }}
          value={sub === 'figures' ? 'figures' : 'search'}
          onChange={(v) => navigate(`/workbench/regulation/profiles${v === 'figures' ? '/figures' : ''}`)}
          options={[
            { value: 'search', label: t('regprof.profiles') },
            { value: 'figures', label: t('regprof.figures') },
          ]}
        />
      )}
      {sub === 'figures' && figures ? <EffectFigures /> : <ProfileSearch />}
    </>
  );
}
