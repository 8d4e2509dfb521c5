// The field app's frame: who is signed in (remembered for use with no signal), the page for the
// address, the connection state at the top and the four tabs at the bottom.
import { Suspense, lazy, useCallback, useEffect, useState, type ReactNode } from 'react';
import { Badge, DotLoading, TabBar } from 'antd-mobile';
import type { CurrentUser } from '@gridwork/core';
import { ApiError, api, onUnauthorized } from '@gridwork/client';
import { forgetUser, rememberUser, rememberedUser } from '../lib/device-memory.js';
import { noteFailure, useOnline } from '../lib/network.js';
import { SignInPage } from '../features/auth/sign-in-page.js';
import { resumeAfterSignIn, startOutboxSender } from '../features/outbox/outbox.sender.js';
import { useOutbox } from '../features/outbox/use-outbox.js';
import { HomePage } from '../features/home/home-page.js';
import { EventsIcon, GridIcon, HomeIcon, ReportIcon } from './icons.js';
import { goBack, navigate, useRoute } from './router.js';

// The pages beyond home load as their own chunks (all precached by the service worker).
const OutboxPage = lazy(() =>
  import('../features/outbox/outbox-page.js').then((module) => ({ default: module.OutboxPage })),
);
const ReportPage = lazy(() =>
  import('../features/report/report-page.js').then((module) => ({ default: module.ReportPage })),
);
const MyEventsPage = lazy(() =>
  import('../features/events/my-events-page.js').then((module) => ({ default: module.MyEventsPage })),
);
const EventDetailPage = lazy(() =>
  import('../features/events/event-detail-page.js').then((module) => ({ default: module.EventDetailPage })),
);
const MyGridPage = lazy(() =>
  import('../features/grid/my-grid-page.js').then((module) => ({ default: module.MyGridPage })),
);
const ArrivalPage = lazy(() =>
  import('../features/grid/arrival-page.js').then((module) => ({ default: module.ArrivalPage })),
);
const PersonPage = lazy(() =>
  import('../features/grid/person-page.js').then((module) => ({ default: module.PersonPage })),
);

const TABS = [
  { key: '/', title: '首页', icon: <HomeIcon /> },
  { key: '/report', title: '上报', icon: <ReportIcon /> },
  { key: '/events', title: '我的事件', icon: <EventsIcon /> },
  { key: '/grid', title: '我的网格', icon: <GridIcon /> },
] as const;

function tabOf(path: string): string {
  const first = `/${path.split('/')[1] ?? ''}`;
  return TABS.some((tab) => tab.key === first) ? first : '/';
}

function returnToSection(target: EventTarget, path: string): void {
  const item = target instanceof Element ? target.closest('.adm-tab-bar-item') : null;
  if (!item?.parentElement) return;
  const tab = TABS[[...item.parentElement.children].indexOf(item)];
  if (tab && tab.key === tabOf(path) && path !== tab.key) navigate(tab.key);
}

function pageFor(
  path: string,
  user: CurrentUser,
  onSignedOut: () => void,
): { title: string; page: ReactNode } {
  const [, section = '', id] = path.split('/');
  switch (section) {
    case 'report':
      return { title: '上报事件', page: <ReportPage user={user} /> };
    case 'events':
      return id
        ? { title: '事件详情', page: <EventDetailPage id={id} /> }
        : { title: '我的事件', page: <MyEventsPage /> };
    case 'grid':
      if (id === 'arrival') return { title: '流动人口登记', page: <ArrivalPage user={user} /> };
      return id
        ? { title: '人员信息', page: <PersonPage user={user} id={id} /> }
        : { title: '我的网格', page: <MyGridPage user={user} /> };
    case 'outbox':
      return { title: '待上传', page: <OutboxPage /> };
    default:
      return { title: '网格员移动端', page: <HomePage user={user} onSignedOut={onSignedOut} /> };
  }
}

export function FieldApp() {
  const online = useOnline();
  const path = useRoute();
  const outbox = useOutbox();
  const [user, setUser] = useState<CurrentUser | null>(rememberedUser);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    api.me().then(
      (me) => {
        rememberUser(me);
        setUser(me);
      },
      (error: unknown) => {
        noteFailure(error);
        // No signal: carry on as the remembered worker. A 401: the session is over.
        if (error instanceof ApiError && error.status === 401) {
          if (rememberedUser()) setExpired(true);
          else setUser(null);
        }
      },
    );
    return onUnauthorized(() => setExpired(true));
  }, []);

  useEffect(() => (user && !expired ? startOutboxSender() : undefined), [user, expired]);

  const signedIn = useCallback((me: CurrentUser) => {
    rememberUser(me);
    setUser(me);
    setExpired(false);
    resumeAfterSignIn();
  }, []);

  const signedOut = useCallback(() => {
    forgetUser();
    setUser(null);
    navigate('/', { replace: true });
  }, []);

  const { title, page } =
    user && !expired ? pageFor(path, user, signedOut) : { title: '网格员移动端', page: null };

  return (
    <div className="app">
      <header className="top-bar">
        <strong>
          {user &&
            !expired &&
            path.split('/').filter(Boolean).length > (path.startsWith('/outbox') ? 0 : 1) && (
              <button
                type="button"
                className="back"
                aria-label="返回"
                onClick={() => goBack(path.startsWith('/outbox') ? '/' : tabOf(path))}
              >
                ‹
              </button>
            )}
          {title}
        </strong>
        <span data-testid="network" className={online ? 'network online' : 'network offline'}>
          {online ? '在线' : '离线'}
        </span>
      </header>
      {!user || expired ? (
        <main className="content">
          <SignInPage
            onSignedIn={signedIn}
            notice={
              expired && outbox.unsent > 0
                ? `登录已失效，${outbox.unsent} 项待上传，重新登录后继续上传`
                : expired
                  ? '登录已失效，请重新登录'
                  : null
            }
          />
        </main>
      ) : (
        <>
          <main className="content with-tabs">
            <Suspense fallback={<DotLoading />}>{page}</Suspense>
          </main>
          {/* A tap on the tab of the section one is in goes back to the section's first page. */}
          <div onClickCapture={(event) => returnToSection(event.target, path)}>
            <TabBar className="tab-bar" activeKey={tabOf(path)} onChange={(key) => navigate(key)} safeArea>
              {TABS.map((tab) => (
                <TabBar.Item
                  key={tab.key}
                  icon={
                    tab.key === '/' ? (
                      <Badge content={outbox.unsent > 0 ? outbox.unsent : null}>{tab.icon}</Badge>
                    ) : (
                      tab.icon
                    )
                  }
                  title={tab.title}
                />
              ))}
            </TabBar>
          </div>
        </>
      )}
    </div>
  );
}
