import { StrictMode, Suspense, lazy, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider, App as AntApp } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import './i18n';
import './shell/styles.css';
import { Shell } from './shell/Layout';
import { Guard } from './shell/Guard';
import { PortalHome } from './portal/PortalHome';
import { SignIn } from './portal/SignIn';
import { SsoInteraction } from './portal/SsoInteraction';
import { Register } from './portal/Register';
import { AccountHome } from './account/AccountHome';
import { WorkbenchHome } from './workbench/WorkbenchHome';
import { Catalogue } from './portal/Catalogue';
import { ItemGuide } from './portal/ItemGuide';
import { MyApplications } from './portal/MyApplications';
import { ApplicationPage } from './portal/ApplicationPage';
// The home shows 您可能符合 too, so its page comes with the portal.
import { MatchesPage } from './portal/proactive/Matches';

// Heavy pages (form engine, charts, admin editors) load when first visited, not with the portal.
const AdminHome = lazy(() => import('./admin/AdminHome').then((m) => ({ default: m.AdminHome })));
const ScreenHome = lazy(() => import('./screen/ScreenHome').then((m) => ({ default: m.ScreenHome })));
const Apply = lazy(() => import('./portal/Apply').then((m) => ({ default: m.Apply })));
const ReportPage = lazy(() => import('./portal/cases/ReportPage').then((m) => ({ default: m.ReportPage })));
const MyCases = lazy(() => import('./portal/cases/MyCases').then((m) => ({ default: m.MyCases })));
const Wallet = lazy(() => import('./portal/licences/Wallet').then((m) => ({ default: m.Wallet })));
const VerifyPage = lazy(() => import('./portal/licences/VerifyPage').then((m) => ({ default: m.VerifyPage })));
const MessagesPage = lazy(() => import('./portal/messages/MessagesPage').then((m) => ({ default: m.MessagesPage })));
const MePage = lazy(() => import('./portal/home/MePage').then((m) => ({ default: m.MePage })));
const BundleList = lazy(() => import('./portal/bundles/BundleList').then((m) => ({ default: m.BundleList })));
const BundlePage = lazy(() => import('./portal/bundles/BundlePage').then((m) => ({ default: m.BundlePage })));
const BundleApply = lazy(() => import('./portal/bundles/BundleApply').then((m) => ({ default: m.BundleApply })));
const BundleStatusPage = lazy(() => import('./portal/bundles/BundleStatusPage').then((m) => ({ default: m.BundleStatusPage })));
const MyBenefits = lazy(() => import('./portal/proactive/MyBenefits').then((m) => ({ default: m.MyBenefits })));
const PolicyCards = lazy(() => import('./portal/proactive/PolicyCards').then((m) => ({ default: m.PolicyCards })));
const OpennessPortal = lazy(() => import('./portal/openness/OpennessPortal').then((m) => ({ default: m.OpennessPortal })));
const OpenDataPortal = lazy(() => import('./portal/opendata/OpenDataPortal').then((m) => ({ default: m.OpenDataPortal })));
const PublicRegulation = lazy(() => import('./portal/regulation/PublicRegulation').then((m) => ({ default: m.PublicRegulation })));
const CaseStatus = lazy(() => import('./portal/cases/CaseStatus').then((m) => ({ default: m.CaseStatus })));

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

function Root() {
  const { i18n } = useTranslation();
  const [elderly, setElderly] = useState(() => localStorage.getItem('yw.elderly') === '1');
  useEffect(() => {
    document.body.classList.toggle('yw-elderly', elderly);
    localStorage.setItem('yw.elderly', elderly ? '1' : '0');
  }, [elderly]);
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      // antd puts a space between two CJK characters in a button (登 录); Chinese UI text has none.
      button={{ autoInsertSpace: false }}
      theme={{
        token: {
          colorPrimary: '#9f1d20',
          // antd's default link blue is below AA contrast on white.
          colorLink: '#0b4fa8',
          // …and its hover and active shades are lighter still; keep them dark enough to read.
          colorLinkHover: '#08408a',
          colorLinkActive: '#06316b',
          colorError: '#b3261e',
          fontSize: elderly ? 20 : 14,
          controlHeight: elderly ? 48 : 32,
          colorText: elderly ? '#000' : undefined,
          // antd's default secondary greys fall below WCAG AA contrast; darken them.
          colorTextSecondary: 'rgba(0,0,0,0.68)',
          colorTextTertiary: 'rgba(0,0,0,0.64)',
          colorTextDescription: 'rgba(0,0,0,0.64)',
          colorTextQuaternary: 'rgba(0,0,0,0.6)',
        },
      }}
    >
      <AntApp>
        <BrowserRouter>
          <Routes>
            {/* The command screen fills the wall screen on its own, without the portal header and footer. */}
            <Route
              path="screen/*"
              element={
                <Guard permission="screen.view">
                  <Suspense fallback={null}>
                    <ScreenHome />
                  </Suspense>
                </Guard>
              }
            />
            <Route element={<Shell elderly={elderly} onElderly={setElderly} />}>
              <Route index element={<PortalHome />} />
              <Route path="signin" element={<SignIn />} />
              <Route path="signin/interaction/:uid" element={<SsoInteraction />} />
              <Route path="register" element={<Register />} />
              <Route path="services" element={<Catalogue />} />
              <Route path="services/:id" element={<ItemGuide />} />
              <Route path="bundles" element={<BundleList />} />
              <Route path="bundles/:id" element={<BundlePage />} />
              <Route
                path="bundles/:id/apply"
                element={
                  <Guard>
                    <BundleApply />
                  </Guard>
                }
              />
              <Route
                path="bundle-applications/:id"
                element={
                  <Guard>
                    <BundleStatusPage />
                  </Guard>
                }
              />
              <Route
                path="services/:id/apply"
                element={
                  <Guard>
                    <Apply />
                  </Guard>
                }
              />
              <Route
                path="applications"
                element={
                  <Guard>
                    <MyApplications />
                  </Guard>
                }
              />
              <Route
                path="applications/:id"
                element={
                  <Guard>
                    <ApplicationPage />
                  </Guard>
                }
              />
              <Route
                path="cases"
                element={
                  <Guard>
                    <MyCases />
                  </Guard>
                }
              />
              <Route
                path="cases/new"
                element={
                  <Guard>
                    <ReportPage />
                  </Guard>
                }
              />
              <Route
                path="cases/:id"
                element={
                  <Guard>
                    <CaseStatus />
                  </Guard>
                }
              />
              <Route
                path="licences"
                element={
                  <Guard>
                    <Wallet />
                  </Guard>
                }
              />
              <Route path="verify" element={<VerifyPage />} />
              <Route
                path="my/benefits"
                element={
                  <Guard>
                    <MyBenefits />
                  </Guard>
                }
              />
              <Route
                path="my/benefits/:id"
                element={
                  <Guard>
                    <MyBenefits />
                  </Guard>
                }
              />
              <Route
                path="my/matches"
                element={
                  <Guard>
                    <MatchesPage />
                  </Guard>
                }
              />
              <Route path="policies" element={<PolicyCards />} />
              {/* 双随机一公开: published draws (anyone can recompute them) and inspection results. */}
              <Route path="supervision/*" element={<PublicRegulation />} />
              <Route path="opendata/*" element={<OpenDataPortal />} />
              <Route path="openness/*" element={<OpennessPortal />} />
              <Route
                path="messages"
                element={
                  <Guard>
                    <MessagesPage />
                  </Guard>
                }
              />
              <Route
                path="me"
                element={
                  <Guard>
                    <MePage />
                  </Guard>
                }
              />
              <Route
                path="account"
                element={
                  <Guard>
                    <AccountHome />
                  </Guard>
                }
              />
              <Route
                path="workbench/*"
                element={
                  <Guard permission="workbench.use">
                    <WorkbenchHome />
                  </Guard>
                }
              />
              <Route
                path="admin/*"
                element={
                  <Guard permission="org.read">
                    <AdminHome />
                  </Guard>
                }
              />
              <Route path="*" element={<PortalHome />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Root />
    </QueryClientProvider>
  </StrictMode>,
);
