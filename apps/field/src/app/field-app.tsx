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
import { visitPage } from '../features/visits/visit-routes.js';
import { trainingPage } from '../features/training/training-routes.js';
import { surveyPage } from '../features/surveys/survey-routes.js';
import { EventsIcon, GridIcon, HomeIcon, ReportIcon } from './icons.js';
import { goBack, navigate, useRoute } from './router.js';
import { t } from './i18n.js';
import { PageBoundary } from './page-boundary.js';
import { wipeKeptReads } from '../lib/field-db.js';
import { dropEarlyReads } from '../lib/home-reads.js';
import { kindLabel, kindOfSegment } from '../features/grid/record-kinds.js';
import { keepMyGridsOnce } from '../features/grid/my-grids.js';
import { keepForFieldWork } from '../features/floating/field-keep.js';

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
  import('../features/floating/arrival-page.js').then((module) => ({ default: module.ArrivalPage })),
);
const PersonPage = lazy(() =>
  import('../features/grid/person-page.js').then((module) => ({ default: module.PersonPage })),
);
const RecordPage = lazy(() =>
  import('../features/grid/record-page.js').then((module) => ({ default: module.RecordPage })),
);

const TABS = [
  { key: '/', title: t('首页', 'Home'), icon: <HomeIcon /> },
  { key: '/report', title: t('上报', 'Report'), icon: <ReportIcon /> },
  { key: '/events', title: t('我的事件', 'My events'), icon: <EventsIcon /> },
  { key: '/grid', title: t('我的网格', 'My grid'), icon: <GridIcon /> },
] as const;

const APP_TITLE = t('网格员移动端', 'Grid worker');

/** How long after the app opens (signed in, with a signal) it starts keeping my grids' records. */
const KEEP_AFTER_MS = 3000;

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
  const [, section = '', id, recordId] = path.split('/');
  switch (section) {
    case 'report':
      return { title: t('上报事件', 'Report an event'), page: <ReportPage user={user} /> };
    case 'events':
      return id
        ? { title: t('事件详情', 'Event'), page: <EventDetailPage id={id} /> }
        : { title: t('我的事件', 'My events'), page: <MyEventsPage /> };
    case 'grid': {
      if (id === 'arrival')
        return { title: t('流动人口登记', 'Floating arrival'), page: <ArrivalPage user={user} /> };
      const recordKind = kindOfSegment(id);
      if (recordKind && recordId)
        return {
          title: t(`${kindLabel(recordKind)}信息`, kindLabel(recordKind)),
          page: <RecordPage user={user} kind={recordKind} id={recordId} />,
        };
      return id
        ? { title: t('人员信息', 'Person'), page: <PersonPage user={user} id={id} /> }
        : { title: t('我的网格', 'My grid'), page: <MyGridPage user={user} /> };
    }
    case 'visits':
      return visitPage(path.split('/').slice(2), user);
    case 'training':
      return trainingPage(path.split('/').slice(2));
    case 'surveys':
      return surveyPage(path.split('/').slice(2));
    case 'outbox':
      return { title: t('待上传', 'Outbox'), page: <OutboxPage /> };
    default:
      return { title: APP_TITLE, page: <HomePage user={user} onSignedOut={onSignedOut} /> };
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
    dropEarlyReads();
    // Another worker on this phone: the previous worker's kept grids are not theirs to read (the
    // previous worker's outbox stays, sent only when they sign in again).
    const previous = rememberedUser();
    rememberUser(me);
    const wiped = previous && previous.id !== me.id ? wipeKeptReads() : Promise.resolve();
    void wiped.then(() => {
      setUser(me);
      setExpired(false);
      resumeAfterSignIn();
    });
  }, []);

  const signedOut = useCallback(() => {
    dropEarlyReads();
    forgetUser();
    setUser(null);
    navigate('/', { replace: true });
  }, []);

  // A 401 while sending (the photo upload too) pauses the outbox until the worker signs in again.
  const mustSignIn = expired || outbox.pausedForSignIn;

  // After sign-in, while there is a signal: my grids' people and records, and the forms' lists, are kept on the phone —
  // a moment after the first screen is up, so that on a slow phone it does not compete with it.
  useEffect(() => {
    if (!user || mustSignIn || !online) return;
    // First what the visit and arrival forms need offline (event categories, my rental houses: a
    // few requests), then my grids' records.
    const timer = setTimeout(
      () =>
        void keepForFieldWork(user)
          .catch(() => undefined)
          .then(() => keepMyGridsOnce(user)),
      KEEP_AFTER_MS,
    );
    return () => clearTimeout(timer);
  }, [user, mustSignIn, online]);
  const { title, page } =
    user && !mustSignIn ? pageFor(path, user, signedOut) : { title: APP_TITLE, page: null };

  return (
    <div className="app">
      <header className="top-bar">
        <strong>
          {user &&
            !mustSignIn &&
            path.split('/').filter(Boolean).length > (path.startsWith('/outbox') ? 0 : 1) && (
              <button
                type="button"
                className="back"
                aria-label={t('返回', 'Back')}
                onClick={() => goBack(path.startsWith('/outbox') ? '/' : tabOf(path))}
              >
                ‹
              </button>
            )}
          {title}
        </strong>
        <span data-testid="network" className={online ? 'network online' : 'network offline'}>
          {online ? t('在线', 'Online') : t('离线', 'Offline')}
        </span>
      </header>
      {!user || mustSignIn ? (
        <main className="content">
          <SignInPage
            onSignedIn={signedIn}
            notice={
              mustSignIn && outbox.unsent > 0
                ? t(
                    `登录已失效，${outbox.unsent} 项待上传，重新登录后继续上传`,
                    `Your session ended; ${outbox.unsent} item(s) wait and are sent after you sign in again`,
                  )
                : mustSignIn
                  ? t('登录已失效，请重新登录', 'Your session ended: sign in again')
                  : null
            }
          />
        </main>
      ) : (
        <>
          <main className="content with-tabs">
            <PageBoundary key={path}>
              <Suspense fallback={<DotLoading />}>{page}</Suspense>
            </PageBoundary>
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
