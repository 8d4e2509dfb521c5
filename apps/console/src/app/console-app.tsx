// The console: antd in the reader's language, the sign-in page until someone is signed in (and
// the password change while the account must change it), then the layout and its pages.
import { lazy, Suspense, type ComponentType } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Navigate, Route, Routes } from 'react-router';
import { RECORD_KINDS, type RecordKind } from '@gridwork/core';
import { useAuth } from '../features/auth/auth.js';
import { RECORD_SEGMENTS } from '../features/events/catalogue.js';
import { useLocale } from './i18n.js';
import { ConsoleLayout } from './console-layout.js';
import { ChangePasswordPage, SignInPage } from '../features/auth/sign-in-page.js';
import { EventDetailPage } from '../features/events/event-detail-page.js';
import { EventsPage } from '../features/events/events-page.js';
import { HomePage } from '../features/desk/home-page.js';

/** A page loaded when first opened: the charts, the map and the registry stay out of the first load. */
function later<P extends object>(load: () => Promise<Record<string, unknown>>, name: string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<P> }));
}

const DashboardPage = later(() => import('../features/dashboard/dashboard-page.js'), 'DashboardPage');
const MapPage = later(() => import('../features/map/map-page.js'), 'MapPage');
const PersonsPage = later(() => import('../features/registry/persons-page.js'), 'PersonsPage');
const PersonDetailPage = later(() => import('../features/registry/persons-page.js'), 'PersonDetailPage');
const RecordsPage = later<{ kind: RecordKind }>(
  () => import('../features/registry/records-page.js'),
  'RecordsPage',
);
const RecordDetailPage = later<{ kind: RecordKind }>(
  () => import('../features/registry/records-page.js'),
  'RecordDetailPage',
);
const ImportsPage = later(() => import('../features/registry/imports-page.js'), 'ImportsPage');
const QualityPage = later(() => import('../features/registry/quality-page.js'), 'QualityPage');
const AccountsPage = later(() => import('../features/accounts/accounts-page.js'), 'AccountsPage');
const AuditPage = later(() => import('../features/audit/audit-page.js'), 'AuditPage');
const TerritoryPage = later(() => import('../features/territory/territory-page.js'), 'TerritoryPage');
const DepartmentsPage = later(() => import('../features/departments/departments-page.js'), 'DepartmentsPage');
const FloatingPage = later(() => import('../features/floating/floating-page.js'), 'FloatingPage');
const FloatingDetailPage = later(() => import('../features/floating/floating-detail-page.js'), 'FloatingDetailPage');
const RentalsPage = later(() => import('../features/floating/rentals-page.js'), 'RentalsPage');
const LandlordPage = later(() => import('../features/floating/landlord-page.js'), 'LandlordPage');
const FloatingStatsPage = later(() => import('../features/floating/floating-stats-page.js'), 'FloatingStatsPage');
const VisitPlansPage = later(() => import('../features/visits/visit-plans-page.js'), 'VisitPlansPage');
const VisitDuePage = later(() => import('../features/visits/visit-due-page.js'), 'VisitDuePage');
const VisitReviewPage = later(() => import('../features/visits/visit-review-page.js'), 'VisitReviewPage');
const VisitCompliancePage = later(() => import('../features/visits/visit-compliance-page.js'), 'VisitCompliancePage');
const TrainingSessionsPage = later(() => import('../features/training/training-sessions-page.js'), 'TrainingSessionsPage');
const TrainingFormPage = later(() => import('../features/training/training-form-page.js'), 'TrainingFormPage');
const TrainingSessionPage = later(() => import('../features/training/training-session-page.js'), 'TrainingSessionPage');
const TrainingQrPrintPage = later(() => import('../features/training/training-qr.js'), 'TrainingQrPrintPage');
const TrainingCompliancePage = later(() => import('../features/training/training-compliance-page.js'), 'TrainingCompliancePage');
const DailyChecksPage = later(() => import('../features/daily-checks/daily-checks-page.js'), 'DailyChecksPage');
const DutyPage = later(() => import('../features/duty/duty-page.js'), 'DutyPage');
const WorkingCalendarPage = later(() => import('../features/calendar/working-calendar-page.js'), 'WorkingCalendarPage');
const InfoReportsPage = later(() => import('../features/info-reports/info-reports-page.js'), 'InfoReportsPage');
const InfoReportEditorPage = later(() => import('../features/info-reports/info-report-editor-page.js'), 'InfoReportEditorPage');
const InfoReportDetailPage = later(() => import('../features/info-reports/info-report-detail-page.js'), 'InfoReportDetailPage');
const InfoReportQuotaPage = later(() => import('../features/info-reports/info-report-quota-page.js'), 'InfoReportQuotaPage');
const PublicityPage = later(() => import('../features/publicity/publicity-page.js'), 'PublicityPage');
const PublicityMonthlyPage = later(() => import('../features/publicity/publicity-monthly-page.js'), 'PublicityMonthlyPage');
const StationsPage = later(() => import('../features/stations/stations-page.js'), 'StationsPage');
const IndicatorsPage = later(() => import('../features/assessment/indicators-page.js'), 'IndicatorsPage');
const RankingsPage = later(() => import('../features/assessment/rankings-page.js'), 'RankingsPage');
const SchemePage = later(() => import('../features/assessment/scheme-page.js'), 'SchemePage');
const LeaderDashboardPage = later(() => import('../features/assessment/leader-dashboard-page.js'), 'LeaderDashboardPage');
const SurveysPage = later(() => import('../features/surveys/surveys-page.js'), 'SurveysPage');
const SurveyDetailPage = later(() => import('../features/surveys/survey-detail-page.js'), 'SurveyDetailPage');
const SurveyQrPrintPage = later(() => import('../features/surveys/survey-qr-page.js'), 'SurveyQrPrintPage');
const BulletinsPage = later(() => import('../features/bulletins/bulletins-page.js'), 'BulletinsPage');
const TerminalsPage = later(() => import('../features/stations/terminals-page.js'), 'TerminalsPage');

/**
 * antd's tokens, darkened where its defaults fall short of WCAG AA contrast (4.5:1) on white:
 * links, placeholders, secondary text and the status colours that colour text.
 */
const CONSOLE_TOKENS = {
  colorPrimary: '#1458b8',
  colorInfo: '#1458b8',
  colorLink: '#1458b8',
  colorSuccess: '#237804',
  colorWarning: '#874d00',
  colorError: '#cf1322',
  colorTextSecondary: '#595959',
  colorTextTertiary: '#636363',
  colorTextQuaternary: '#737373',
  colorTextPlaceholder: '#737373',
  colorTextDescription: '#595959',
  borderRadius: 4,
};

const pageFallback = (
  <div style={{ display: 'grid', placeItems: 'center', height: 240 }}>
    <Spin />
  </div>
);

export function ConsoleApp() {
  const { locale } = useLocale();
  const { user } = useAuth();
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{ token: CONSOLE_TOKENS }}
    >
      <AntApp>
        {user === undefined ? (
          <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
            <Spin size="large" />
          </div>
        ) : user === null ? (
          <SignInPage />
        ) : user.mustChangePassword ? (
          <ChangePasswordPage />
        ) : (
          <Routes>
            {/* The training QR code to print: the code alone, without the console's frame. */}
            <Route
              path="daily/training/:id/qr"
              element={
                <Suspense fallback={pageFallback}>
                  <TrainingQrPrintPage />
                </Suspense>
              }
            />
            {/* A survey's village QR codes to print, without the console's frame. */}
            <Route
              path="assessment/surveys/:id/qr"
              element={
                <Suspense fallback={pageFallback}>
                  <SurveyQrPrintPage />
                </Suspense>
              }
            />
            <Route element={<ConsoleLayout />}>
              <Route
                path="assessment/indicators"
                element={
                  <Suspense fallback={pageFallback}>
                    <IndicatorsPage />
                  </Suspense>
                }
              />
              <Route
                path="assessment/rankings"
                element={
                  <Suspense fallback={pageFallback}>
                    <RankingsPage />
                  </Suspense>
                }
              />
              <Route
                path="assessment/scheme"
                element={
                  <Suspense fallback={pageFallback}>
                    <SchemePage />
                  </Suspense>
                }
              />
              <Route
                path="assessment/leader"
                element={
                  <Suspense fallback={pageFallback}>
                    <LeaderDashboardPage />
                  </Suspense>
                }
              />
              <Route
                path="assessment/surveys"
                element={
                  <Suspense fallback={pageFallback}>
                    <SurveysPage />
                  </Suspense>
                }
              />
              <Route
                path="assessment/surveys/:id"
                element={
                  <Suspense fallback={pageFallback}>
                    <SurveyDetailPage />
                  </Suspense>
                }
              />
              <Route
                path="assessment/bulletins"
                element={
                  <Suspense fallback={pageFallback}>
                    <BulletinsPage />
                  </Suspense>
                }
              />
              <Route index element={<HomePage />} />
              <Route path="queue" element={<EventsPage view="center_queue" />} />
              <Route path="inbox" element={<EventsPage view="department_inbox" />} />
              <Route path="events" element={<EventsPage view="all" />} />
              <Route path="events/:id" element={<EventDetailPage />} />
              <Route
                path="dashboard"
                element={
                  <Suspense fallback={pageFallback}>
                    <DashboardPage />
                  </Suspense>
                }
              />
              <Route
                path="map"
                element={
                  <Suspense fallback={pageFallback}>
                    <MapPage />
                  </Suspense>
                }
              />
              <Route
                path="registry/persons"
                element={
                  <Suspense fallback={pageFallback}>
                    <PersonsPage />
                  </Suspense>
                }
              />
              <Route
                path="registry/persons/:id"
                element={
                  <Suspense fallback={pageFallback}>
                    <PersonDetailPage />
                  </Suspense>
                }
              />
              {RECORD_KINDS.map((kind) => [
                <Route
                  key={kind}
                  path={`registry/${RECORD_SEGMENTS[kind]}`}
                  element={
                    <Suspense fallback={pageFallback}>
                      <RecordsPage kind={kind} />
                    </Suspense>
                  }
                />,
                <Route
                  key={`${kind}-detail`}
                  path={`registry/${RECORD_SEGMENTS[kind]}/:id`}
                  element={
                    <Suspense fallback={pageFallback}>
                      <RecordDetailPage kind={kind} />
                    </Suspense>
                  }
                />,
              ])}
              <Route
                path="registry/imports"
                element={
                  <Suspense fallback={pageFallback}>
                    <ImportsPage />
                  </Suspense>
                }
              />
              <Route
                path="registry/quality"
                element={
                  <Suspense fallback={pageFallback}>
                    <QualityPage />
                  </Suspense>
                }
              />
              <Route
                path="accounts"
                element={
                  <Suspense fallback={pageFallback}>
                    <AccountsPage />
                  </Suspense>
                }
              />
              <Route
                path="audit"
                element={
                  <Suspense fallback={pageFallback}>
                    <AuditPage />
                  </Suspense>
                }
              />
              <Route
                path="territory"
                element={
                  <Suspense fallback={pageFallback}>
                    <TerritoryPage />
                  </Suspense>
                }
              />
              <Route
                path="departments"
                element={
                  <Suspense fallback={pageFallback}>
                    <DepartmentsPage />
                  </Suspense>
                }
              />
              <Route
                path="floating"
                element={
                  <Suspense fallback={pageFallback}>
                    <FloatingPage />
                  </Suspense>
                }
              />
              <Route
                path="floating/rentals"
                element={
                  <Suspense fallback={pageFallback}>
                    <RentalsPage />
                  </Suspense>
                }
              />
              <Route
                path="floating/stats"
                element={
                  <Suspense fallback={pageFallback}>
                    <FloatingStatsPage />
                  </Suspense>
                }
              />
              <Route
                path="floating/landlords/:personId"
                element={
                  <Suspense fallback={pageFallback}>
                    <LandlordPage />
                  </Suspense>
                }
              />
              <Route
                path="floating/:id"
                element={
                  <Suspense fallback={pageFallback}>
                    <FloatingDetailPage />
                  </Suspense>
                }
              />
              <Route
                path="visits/plans"
                element={
                  <Suspense fallback={pageFallback}>
                    <VisitPlansPage />
                  </Suspense>
                }
              />
              <Route
                path="visits/due"
                element={
                  <Suspense fallback={pageFallback}>
                    <VisitDuePage />
                  </Suspense>
                }
              />
              <Route
                path="visits/review"
                element={
                  <Suspense fallback={pageFallback}>
                    <VisitReviewPage />
                  </Suspense>
                }
              />
              <Route
                path="visits/compliance"
                element={
                  <Suspense fallback={pageFallback}>
                    <VisitCompliancePage />
                  </Suspense>
                }
              />
              <Route
                path="daily/duty"
                element={
                  <Suspense fallback={pageFallback}>
                    <DutyPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/calendar"
                element={
                  <Suspense fallback={pageFallback}>
                    <WorkingCalendarPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/checks"
                element={
                  <Suspense fallback={pageFallback}>
                    <DailyChecksPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/info-reports"
                element={
                  <Suspense fallback={pageFallback}>
                    <InfoReportsPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/info-reports/new"
                element={
                  <Suspense fallback={pageFallback}>
                    <InfoReportEditorPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/info-reports/quota"
                element={
                  <Suspense fallback={pageFallback}>
                    <InfoReportQuotaPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/info-reports/:id"
                element={
                  <Suspense fallback={pageFallback}>
                    <InfoReportDetailPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/info-reports/:id/edit"
                element={
                  <Suspense fallback={pageFallback}>
                    <InfoReportEditorPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/publicity"
                element={
                  <Suspense fallback={pageFallback}>
                    <PublicityPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/publicity/monthly"
                element={
                  <Suspense fallback={pageFallback}>
                    <PublicityMonthlyPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/stations"
                element={
                  <Suspense fallback={pageFallback}>
                    <StationsPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/terminals"
                element={
                  <Suspense fallback={pageFallback}>
                    <TerminalsPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/training"
                element={
                  <Suspense fallback={pageFallback}>
                    <TrainingSessionsPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/training/new"
                element={
                  <Suspense fallback={pageFallback}>
                    <TrainingFormPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/training/compliance"
                element={
                  <Suspense fallback={pageFallback}>
                    <TrainingCompliancePage />
                  </Suspense>
                }
              />
              <Route
                path="daily/training/:id"
                element={
                  <Suspense fallback={pageFallback}>
                    <TrainingSessionPage />
                  </Suspense>
                }
              />
              <Route
                path="daily/training/:id/edit"
                element={
                  <Suspense fallback={pageFallback}>
                    <TrainingFormPage />
                  </Suspense>
                }
              />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Route>
          </Routes>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
