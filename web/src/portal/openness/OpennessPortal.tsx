import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';

const LibrarySearchPage = lazy(() => import('./library/Search').then((m) => ({ default: m.LibrarySearchPage })));
const DocumentPage = lazy(() => import('./library/DocumentPage').then((m) => ({ default: m.DocumentPage })));
const ApplyPage = lazy(() => import('./requests/Apply').then((m) => ({ default: m.ApplyPage })));
const MyRequestsPage = lazy(() => import('./requests/MyRequests').then((m) => ({ default: m.MyRequestsPage })));
const AnnualReportPage = lazy(() => import('./reports/AnnualReport').then((m) => ({ default: m.AnnualReportPage })));
const QaPage = lazy(() => import('./interaction/QaPage').then((m) => ({ default: m.QaPage })));

/**
 * 政务公开 portal, no sign-in to read: the policy library (/openness), a document (/openness/documents/<id>),
 * 依申请公开 (/openness/apply, /openness/requests[/<id>], signed in), the yearly report
 * (/openness/reports[/<year>]) and 政民互动 (/openness/qa).
 */
export function OpennessPortal() {
  const [section, ...tail] = (useParams()['*'] ?? '').split('/');
  const sub = tail.join('/');
  const page = (() => {
    switch (section) {
      case 'documents':
        return sub ? <DocumentPage id={decodeURIComponent(sub)} /> : <LibrarySearchPage />;
      case 'apply':
        return <ApplyPage />;
      case 'requests':
        return <MyRequestsPage sub={sub} />;
      case 'reports':
        return <AnnualReportPage sub={sub} />;
      case 'qa':
        return <QaPage sub={sub} />;
      default:
        return <LibrarySearchPage />;
    }
  })();
  return <Suspense fallback={null}>{page}</Suspense>;
}
