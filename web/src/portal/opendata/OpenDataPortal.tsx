import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';

const SearchPage = lazy(() => import('./catalogue/Search').then((m) => ({ default: m.SearchPage })));
const DatasetPage = lazy(() => import('./catalogue/DatasetPage').then((m) => ({ default: m.DatasetPage })));
const FiguresPage = lazy(() => import('./catalogue/Figures').then((m) => ({ default: m.FiguresPage })));
const ApiDocsPage = lazy(() => import('./access/ApiDocs').then((m) => ({ default: m.ApiDocsPage })));
const MyApplicationsPage = lazy(() => import('./grants/MyApplications').then((m) => ({ default: m.MyApplicationsPage })));
const SandboxPage = lazy(() => import('./sandbox/Console').then((m) => ({ default: m.SandboxPage })));
const CommunityPage = lazy(() => import('./community/CommunityPages').then((m) => ({ default: m.CommunityPage })));

/**
 * 公共数据开放 portal, no sign-in to read: search (/opendata), a dataset (/opendata/datasets/<name>),
 * figures (/opendata/figures), the API and keys (/opendata/api), 有条件开放 applications
 * (/opendata/applications), the sandbox (/opendata/sandbox), 数据需求, 应用展示 and 授权运营 products
 * (/opendata/demands, /opendata/apps, /opendata/products).
 */
export function OpenDataPortal() {
  const [section, ...tail] = (useParams()['*'] ?? '').split('/');
  const sub = tail.join('/');
  const page = (() => {
    switch (section) {
      case 'datasets':
        return sub ? <DatasetPage name={decodeURIComponent(sub)} /> : <SearchPage />;
      case 'figures':
        return <FiguresPage sub={sub} />;
      case 'api':
        return <ApiDocsPage sub={sub} />;
      case 'applications':
        return <MyApplicationsPage sub={sub} />;
      case 'sandbox':
        return <SandboxPage sub={sub} />;
      case 'demands':
      case 'apps':
      case 'products':
        return <CommunityPage section={section} sub={sub} />;
      default:
        return <SearchPage />;
    }
  })();
  return <Suspense fallback={null}>{page}</Suspense>;
}
