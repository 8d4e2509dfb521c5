// The visit screens under /visits, each a chunk of its own: /visits/due (all my visits due) and
// /visits/record/:personId[/:scheduleId] (the visit form).
import { lazy, type ReactNode } from 'react';
import type { CurrentUser } from '@gridwork/core';
import { t } from '../../app/i18n.js';

const DueVisitsPage = lazy(() =>
  import('./due-visits-page.js').then((module) => ({ default: module.DueVisitsPage })),
);
const RecordVisitPage = lazy(() =>
  import('./record-visit-page.js').then((module) => ({ default: module.RecordVisitPage })),
);

/** The page for /visits/<rest…>. */
export function visitPage(rest: readonly string[], user: CurrentUser): { title: string; page: ReactNode } {
  const [what, personId, scheduleId] = rest;
  if (what === 'record' && personId)
    return {
      title: t('记录走访', 'Record a visit'),
      page: (
        <RecordVisitPage
          key={`${personId}/${scheduleId ?? ''}`}
          user={user}
          personId={personId}
          scheduleId={scheduleId ?? null}
        />
      ),
    };
  return { title: t('走访任务', 'Visits due'), page: <DueVisitsPage /> };
}
