// The console: antd in the reader's language, the sign-in page until someone is signed in (and
// the password change while the account must change it), then the layout and its pages.
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Navigate, Route, Routes } from 'react-router';
import { useAuth } from './auth.js';
import { useLocale } from './i18n.js';
import { ConsoleLayout } from './console-layout.js';
import { ChangePasswordPage, SignInPage } from './pages/sign-in-page.js';
import { EventDetailPage } from './pages/event-detail-page.js';
import { EventsPage } from './pages/events-page.js';
import { HomePage } from './pages/home-page.js';

export function ConsoleApp() {
  const { locale } = useLocale();
  const { user } = useAuth();
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1458b8', borderRadius: 4 } }}>
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
            <Route element={<ConsoleLayout />}>
              <Route index element={<HomePage />} />
              <Route path="queue" element={<EventsPage view="center_queue" />} />
              <Route path="inbox" element={<EventsPage view="department_inbox" />} />
              <Route path="events" element={<EventsPage view="all" />} />
              <Route path="events/:id" element={<EventDetailPage />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Route>
          </Routes>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
