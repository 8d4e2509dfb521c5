// The training screens under /training, each a chunk of its own: /training/check-in?s=&t= (what
// the phone's camera opens from a session's QR code) and /training (我的培训: my trainings).
import { lazy, type ReactNode } from 'react';
import { t } from '../../app/i18n.js';

const CheckInPage = lazy(() => import('./check-in-page.js').then((module) => ({ default: module.CheckInPage })));
const MyTrainingsPage = lazy(() => import('./my-trainings-page.js').then((module) => ({ default: module.MyTrainingsPage })));

/** The page for /training/<rest…>. */
export function trainingPage(rest: readonly string[]): { title: string; page: ReactNode } {
  if (rest[0] === 'check-in') {
    const query = new URLSearchParams(location.search);
    const sessionId = query.get('s') ?? '';
    const token = query.get('t') ?? '';
    return { title: t('培训签到', 'Training sign-in'), page: <CheckInPage key={sessionId} sessionId={sessionId} token={token} /> };
  }
  return { title: t('我的培训', 'My trainings'), page: <MyTrainingsPage /> };
}
