import { Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

const PublicDraws = lazy(() => import('./Draws').then((m) => ({ default: m.PublicDraws })));
const PublicResults = lazy(() => import('./Results').then((m) => ({ default: m.PublicResults })));

/**
 * 双随机一公开 for everyone, no sign-in: published plans with the draw check page
 * (/supervision/draws/<id>), published inspection results (/supervision/results), and an
 * enterprise's own results with its objection (/supervision/mine, signed in for the enterprise).
 */
export function PublicRegulation() {
  const { t } = useTranslation();
  const [section, ...tail] = (useParams()['*'] ?? '').split('/');
  const sub = tail.join('/');
  if (section === 'draws')
    return (
      <Suspense fallback={null}>
        <PublicDraws sub={sub} />
      </Suspense>
    );
  if (section === 'results' || section === 'mine')
    return (
      <Suspense fallback={null}>
        <PublicResults sub={section === 'mine' ? `mine${sub ? `/${sub}` : ''}` : sub} />
      </Suspense>
    );
  return (
    <>
      <Typography.Title level={1}>{t('reg.publicTitle')}</Typography.Title>
      <ul>
        <li>
          <Link to="/supervision/draws">{t('regdraw.title')}</Link>
        </li>
        <li>
          <Link to="/supervision/results">{t('regtask.title')}</Link>
        </li>
      </ul>
    </>
  );
}
