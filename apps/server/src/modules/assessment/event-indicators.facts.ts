// The facts behind one unit's events figure: the days checked (signed in or not), the steps and
// dispatches judged, the events counted, the part-time workers against their quota, the cards;
// those in the numerator first, at most `limit`, each event with its console link.
import { EVENT_STEP_LABELS, type IndicatorFact } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import { cappedFacts, codeOf, countedFirst, daysOfHours, lastDayOf, monthsOf, reportTarget, shanghaiMinute as local, windowOf, wordsOf, workerLoginDays, type FactList as Facts } from './indicator-period.js';
import { gridWorkersDuring } from './assessment-units.repo.js';
import * as repo from './event-indicators.repo.js';
import { rebuildSteps } from './event-steps.js';
import type { FactsComputation } from './indicator-source.js';

const finish = (facts: IndicatorFact[], limit: number, more = false): Facts => cappedFacts(countedFirst(facts), limit, more);

/** An event's fact; a step or a dispatch is one of several of its event, so its id says which (the event and when it began). */
const eventFact = (row: { id: string; title: string; at: string | null }, counted: boolean, note: string | null, factId = row.id): IndicatorFact => ({
  kind: 'event',
  id: factId,
  label: row.title,
  at: row.at,
  counted,
  note,
  link: `/events/${row.id}`,
});

/** An event outside the caller's scope (a grid worker may report beyond his village): counted, neither named nor linked. */
const outsideFact = (fact: IndicatorFact, t: (zh: string, en: string) => string): IndicatorFact => ({ ...fact, label: t('范围外事件', 'An event outside your scope'), link: null });

async function loginFacts(db: Executor, job: FactsComputation): Promise<Facts> {
  const t = wordsOf(job.locale);
  const last = lastDayOf(job);
  if (job.unitKind === 'grid_worker') {
    const hours = await repo.workerSessionHours(db, job.unit.path, windowOf(job), job.unit.id);
    const days = workerLoginDays(job, job.unit, daysOfHours(hours.map((row) => row.hour)));
    return finish(days.map(({ day, signedIn }) => ({ kind: 'day', id: day, label: day, at: null, counted: signedIn, note: signedIn ? t('已登录', 'Signed in') : t('未登录', 'Not signed in'), link: null })), job.limit);
  }
  if (job.unitKind !== 'village' && job.unitKind !== 'township' && job.unitKind !== 'department') return finish([], job.limit);
  const [days, rows] = await Promise.all([repo.checkedDays(db, job.from, last), repo.dailyResultsOfUnit(db, job.unitKind, job.unit.id, job.from, last)]);
  const byDay = new Map(rows.map((row) => [row.date, row]));
  return finish(
    days.map((day) => {
      const row = byDay.get(day);
      const counted = row?.logged_in === 1;
      const note = counted
        ? t(`首次登录 ${local(row.first_sign_in_at)}`, `First signed in ${local(row.first_sign_in_at)}`)
        : row
          ? row.accounts === 0
            ? t('无账号', 'No accounts')
            : t('截止时未登录', 'Not signed in by the cut-off')
          : t('无记录（无账号）', 'No record (no accounts)');
      return { kind: 'day', id: day, label: day, at: row?.first_sign_in_at ?? null, counted, note, link: null };
    }),
    job.limit,
  );
}

async function stepFacts(db: Executor, job: FactsComputation): Promise<Facts> {
  const t = wordsOf(job.locale);
  const window = windowOf(job);
  const rows = await repo.stepRows(db, { path: job.unit.path }, window);
  const { steps, dispatches } = rebuildSteps(rows, window, job.now, job.calendar);
  const mine = (item: { departmentId: string | null; townshipCode: string | null }) =>
    job.unitKind === 'department' ? item.departmentId === job.unit.id : item.townshipCode === codeOf(job.unit, 'township');
  if (job.code === 'rework_rate') {
    return finish(
      dispatches.filter(mine).map((dispatch) =>
        eventFact(
          { id: dispatch.eventId, title: dispatch.title, at: dispatch.at },
          dispatch.reworked !== null,
          dispatch.reworked === 'return'
            ? t('派遣后被退回', 'Returned after the dispatch')
            : dispatch.reworked === 'verify_fail'
              ? t('核查不通过', 'Failed a verification')
              : t('未退回、核查未失败', 'Neither returned nor failed a verification'),
          `${dispatch.eventId}@${dispatch.at}`,
        ),
      ),
      job.limit,
    );
  }
  const kind = job.code === 'sign_for_on_time' ? 'sign_for' : 'handle';
  const word = EVENT_STEP_LABELS[kind][job.locale];
  return finish(
    steps
      .filter((step) => step.step === kind && step.onTime !== null && mine(step))
      .map((step) =>
        eventFact(
          { id: step.eventId, title: step.title, at: step.startedAt },
          step.onTime === true,
          step.endedAt
            ? t(`期限 ${local(step.deadline)}，${local(step.endedAt)} 完成${word}${step.onTime ? '' : '（超期）'}`, `Due ${local(step.deadline)}; ${word} done ${local(step.endedAt)}${step.onTime ? '' : ' (late)'}`)
            : t(`期限 ${local(step.deadline)}，逾期未${word}`, `Due ${local(step.deadline)}; ${word} overdue`),
          `${step.eventId}@${step.startedAt}`,
        ),
      ),
    job.limit,
  );
}

async function eventListFacts(db: Executor, job: FactsComputation): Promise<Facts> {
  const t = wordsOf(job.locale);
  const window = windowOf(job);
  const unit = job.unitKind === 'department' ? { departmentId: job.unit.id } : job.unitKind === 'grid_worker' ? { reporterId: job.unit.id } : { path: job.unit.path };
  const closure = job.code === 'closure_rate';
  const invalid: repo.EventStatusFilter = { op: 'in', statuses: ['rejected', 'merged'] };
  const valid: repo.EventStatusFilter = { op: 'not in', statuses: ['rejected', 'merged'] };
  const workerReports = job.code === 'valid_report_rate' && job.unitKind !== 'grid_worker';
  const [counted, other] = await Promise.all([
    repo.eventsOfUnit(db, unit, window, { workerReports, status: closure ? { op: 'in', statuses: ['closed'] } : valid }, job.limit + 1),
    repo.eventsOfUnit(db, unit, window, { workerReports, status: closure ? { op: 'not in', statuses: ['closed'] } : invalid, ...(closure ? { exclude: valid } : {}) }, job.limit + 1),
  ]);
  const note = (status: string, isCounted: boolean) =>
    closure
      ? isCounted
        ? t('已结案', 'Closed')
        : t('未结案', 'Not closed')
      : isCounted
        ? t('有效', 'Valid')
        : status === 'merged'
          ? t('重复（已合并）', 'Duplicate (merged)')
          : t('不予受理', 'Rejected');
  const toFact = (row: (typeof counted)[number], isCounted: boolean) => {
    const fact = eventFact({ id: row.id, title: row.title, at: row.reported_at }, isCounted, note(row.status, isCounted));
    return row.path.startsWith(job.scopePath) ? fact : outsideFact(fact, t);
  };
  return finish(
    [...counted.map((row) => toFact(row, true)), ...other.map((row) => toFact(row, false))],
    job.limit,
    counted.length > job.limit || other.length > job.limit,
  );
}

async function quotaFacts(db: Executor, job: FactsComputation): Promise<Facts> {
  const t = wordsOf(job.locale);
  if (job.unitKind === 'grid_worker') return eventListFacts(db, { ...job, code: 'valid_report_rate' });
  const [workers, reports] = await Promise.all([gridWorkersDuring(db, job.unit.path, job), repo.reportsByReporter(db, windowOf(job))]);
  const valid = new Map(reports.map((row) => [row.reporter_account_id, Number(row.valid)]));
  return finish(
    workers
      .filter((worker) => worker.role === 'grid_worker_parttime')
      .map((worker) => {
        const count = valid.get(worker.id) ?? 0;
        const target = reportTarget(job, worker.role);
        return { kind: 'grid_worker', id: worker.id, label: worker.display_name, at: null, counted: count >= target, note: t(`有效上报 ${count} / 任务 ${target}`, `Valid reports ${count} / quota ${target}`), link: null };
      }),
    job.limit,
  );
}

async function cardFacts(db: Executor, job: FactsComputation): Promise<Facts> {
  const t = wordsOf(job.locale);
  const level = job.code === 'red_cards' ? 'red' : 'yellow';
  const unit = job.unitKind === 'department' ? { departmentId: job.unit.id } : { path: job.unit.path, exactPath: job.unitKind === 'village' };
  const { eventCards, visitCards } = await repo.cardsOfUnit(db, unit, level, monthsOf(job), job.limit + 1);
  const facts: IndicatorFact[] = [
    ...eventCards.map((card) => ({
      kind: 'card',
      id: card.id,
      label: card.title,
      at: card.issued_at,
      counted: true,
      note: t(`${EVENT_STEP_LABELS[card.step]['zh-CN']}超时（期限 ${local(card.deadline)}）`, `${EVENT_STEP_LABELS[card.step]['en-US']} late (due ${local(card.deadline)})`),
      link: `/events/${card.event_id}`,
    })),
    ...visitCards.map((card) => ({ kind: 'card', id: card.id, label: `${t('走访', 'Visit')} ${card.name ?? ''}`.trim(), at: card.issued_at, counted: true, note: t(`应于 ${card.due_on} 走访，已超期`, `Visit due ${card.due_on}, overdue`), link: null })),
  ];
  return finish(facts, job.limit, eventCards.length > job.limit || visitCards.length > job.limit);
}

export function eventFacts(db: Executor, job: FactsComputation): Promise<Facts> {
  switch (job.code) {
    case 'login_rate':
      return loginFacts(db, job);
    case 'sign_for_on_time':
    case 'handle_on_time':
    case 'rework_rate':
      return stepFacts(db, job);
    case 'closure_rate':
    case 'valid_report_rate':
      return eventListFacts(db, job);
    case 'quota_attainment':
      return quotaFacts(db, job);
    case 'yellow_cards':
    case 'red_cards':
      return cardFacts(db, job);
    default:
      return Promise.resolve({ facts: [], truncated: false });
  }
}
