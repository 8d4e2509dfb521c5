// The facts behind one unit's operations figure: the visits and overdue schedules, verifications,
// people, training rules, information reports, lapse days and survey answers it counted, each
// with the console page that opens it. Counted ones first, except completeness, which lists the
// incomplete records first: they are what a reader of a low figure has to fix.
import {
  DUTY_LAPSE_REASON_LABELS,
  INFO_REPORT_STATUS_LABELS,
  TRAINING_KIND_LABELS,
  TRAINING_PERIOD_LABELS,
  type IndicatorFact,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import { infoReportSettingsOf } from '../info-reports/info-report-quota.service.js';
import type { FactsComputation } from './indicator-source.js';
import * as repo from './operations-indicators.repo.js';
import { cappedFacts as capped, countedFirst, monthsBegun, todayOf, wordsOf, type FactList as Listed } from './indicator-period.js';
import { traineeCompliance } from './operations-training.js';

const fact = (kind: string, id: string, label: string, counted: boolean, at: string | null, note: string | null, link: string | null): IndicatorFact => ({ kind, id, label, at, counted, note, link });

const personLink = (id: string) => `/registry/persons/${id}`;

async function visitFacts(db: Executor, job: FactsComputation, today: string): Promise<Listed> {
  const t = wordsOf(job.locale);
  const worker = job.unitKind === 'grid_worker';
  const gridIds = worker ? await repo.gridsAnsweredBy(db, job.unit.id) : undefined;
  const [targets, overdue] = await Promise.all([
    repo.visitTargetFacts(db, worker ? { workerId: job.unit.id } : { scopePath: job.unit.path }, job, job.limit + 1),
    repo.overdueScheduleFacts(db, worker ? { gridIds } : { scopePath: job.unit.path }, job.from, job.to, today, job.limit + 1),
  ]);
  return capped(
    [
      // A grid worker's visit outside the caller's scope is counted, the person neither named nor linked.
      ...targets.map((row) => {
        const inScope = row.path.startsWith(job.scopePath);
        const onTime = Number(row.on_time) === 1;
        const note = onTime ? t(`应访 ${row.due_on}，按期走访`, `Due ${row.due_on}, visited on time`) : t(`应访 ${row.due_on}，逾期走访`, `Due ${row.due_on}, visited late`);
        return fact('visit', `${row.visit_id}:${row.schedule_id}`, inScope ? row.person_name : t('范围外走访', 'A visit outside your scope'), onTime, row.visited_at, note, inScope ? personLink(row.person_id) : null);
      }),
      ...overdue.map((row) => fact('visit', row.id, row.person_name, false, null, t(`应访 ${row.due_on}，逾期未走访（${row.overdue_after} 后）`, `Due ${row.due_on}, not visited (overdue after ${row.overdue_after})`), personLink(row.person_id))),
    ],
    job.limit,
  );
}

function correctedFields(json: string): string {
  const parsed = JSON.parse(json) as unknown;
  const fields = Array.isArray(parsed) ? parsed.map(String) : parsed && typeof parsed === 'object' ? Object.keys(parsed) : [];
  return fields.join('、');
}

async function verificationFacts(db: Executor, job: FactsComputation): Promise<Listed> {
  const t = wordsOf(job.locale);
  const rows = await repo.verificationFacts(db, job.unit.path, job, job.limit + 1);
  return capped(
    rows.map((row) => fact('verification', row.id, row.person_name, row.outcome === 'confirmed', row.at, row.outcome === 'confirmed' ? t('复核无需更正', 'Confirmed, no correction') : t(`复核更正：${correctedFields(row.corrected) || '—'}`, `Corrected: ${correctedFields(row.corrected) || '—'}`), personLink(row.person_id))),
    job.limit,
  );
}

async function completenessFacts(db: Executor, job: FactsComputation, today: string): Promise<Listed> {
  const t = wordsOf(job.locale);
  const rows = await repo.completenessFacts(db, job.unit.path, job.toInstant, today, job.limit + 1);
  return capped(
    rows.map((row) => {
      const missing = [row.phone_index ? null : t('电话', 'phone'), row.address ? null : t('住址', 'address'), row.hukou_place ? null : t('户籍地', 'household registration place'), row.ethnicity ? null : t('民族', 'ethnicity')].filter(Boolean);
      const birthValid = row.birth_date !== null && row.birth_date <= today && row.birth_date >= '1900-01-01';
      const problems = [...(missing.length > 0 ? [t(`缺${missing.join('、')}`, `missing ${missing.join(', ')}`)] : []), ...(birthValid ? [] : [t('出生日期缺失或无效', 'birth date missing or invalid')])];
      return fact('person', row.id, row.name, Number(row.complete) === 1, row.created_at, problems.length > 0 ? problems.join(t('；', '; ')) : t('齐全有效', 'Complete and valid'), personLink(row.id));
    }),
    job.limit,
  );
}

async function trainingFacts(db: Executor, job: FactsComputation): Promise<Listed> {
  const t = wordsOf(job.locale);
  const filter = job.unitKind === 'department' ? { departmentIds: [job.unit.id] } : job.unitKind === 'grid_worker' ? { accountId: job.unit.id } : { scopePath: job.unit.path };
  const people = await traineeCompliance(db, job, filter);
  if (job.unitKind === 'grid_worker') {
    const periods = people.flatMap((person) =>
      person.results.flatMap((rule) =>
        rule.periods.map((period) =>
          fact('training', `${rule.kind}/${period.key}`, `${TRAINING_KIND_LABELS[rule.kind][job.locale]} ${period.key}`, period.shortBy === 0, period.to, t(`${TRAINING_PERIOD_LABELS[rule.per]['zh-CN']}至少 ${rule.minimum} 次，参加 ${period.attended} 次`, `At least ${rule.minimum} ${TRAINING_PERIOD_LABELS[rule.per]['en-US']}, attended ${period.attended}`), '/daily/training'),
        ),
      ),
    );
    return capped(countedFirst(periods), job.limit);
  }
  const facts = people.map((person) => {
    const short = person.results.filter((rule) => rule.shortBy > 0).map((rule) => t(`${TRAINING_KIND_LABELS[rule.kind]['zh-CN']}缺 ${rule.shortBy} 次`, `${TRAINING_KIND_LABELS[rule.kind]['en-US']}: ${rule.shortBy} short`));
    return fact('person', person.id, person.name, person.meets, null, short.length > 0 ? short.join(t('；', '; ')) : t(`达标（${person.credited}/${person.required}）`, `Meets the rules (${person.credited}/${person.required})`), '/daily/training/compliance');
  });
  return capped(countedFirst(facts), job.limit);
}

async function infoReportFacts(db: Executor, job: FactsComputation): Promise<Listed> {
  const { fromMonth, toMonth, months } = monthsBegun(job);
  if (months === 0) return { facts: [], truncated: false };
  const adoption = job.code === 'info_report_adoption';
  const [settings, rows] = await Promise.all([infoReportSettingsOf(db), repo.infoReportFacts(db, job.unit.id, fromMonth, toMonth, adoption, job.limit + 1)]);
  const quota = settings.monthlyQuota * months;
  return capped(
    rows.map((row, index) =>
      fact('report', row.id, row.title, adoption ? row.status === 'adopted' : index < quota, row.first_submitted_at, INFO_REPORT_STATUS_LABELS[row.status][job.locale], `/daily/info-reports/${row.id}`),
    ),
    job.limit,
  );
}

async function lapseFacts(db: Executor, job: FactsComputation): Promise<Listed> {
  const rows = await repo.dutyLapseFacts(db, job.unit.id, job.from, job.to, job.limit + 1);
  return capped(rows.map((row) => fact('lapse', row.id, row.date, true, row.recorded_at, DUTY_LAPSE_REASON_LABELS[row.reason][job.locale], '/daily/duty')), job.limit);
}

const CHANNELS: Record<string, [string, string]> = { phone: ['电话访问', 'Phone interview'], field: ['入户走访', 'Field visit'], public: ['扫码自填', 'Self-answered (QR code)'] };

async function surveyFacts(db: Executor, job: FactsComputation): Promise<Listed> {
  const t = wordsOf(job.locale);
  const column = job.code === 'survey_awareness' ? 'aware' : 'satisfied';
  const rows = await repo.surveyAnswerFacts(db, job.unit.path, job.from, job.to, column, job.limit + 1);
  return capped(
    rows.map((row) => {
      const yes = Number(row[column]) === 1;
      const channel = CHANNELS[row.channel];
      return fact('survey_answer', row.id, row.title, yes, row.created_at, `${channel ? t(channel[0], channel[1]) : row.channel}${t('，', ', ')}${column === 'aware' ? (yes ? t('知晓', 'aware') : t('不知晓', 'not aware')) : yes ? t('满意', 'satisfied') : t('不满意', 'not satisfied')}`, `/assessment/surveys/${row.survey_id}`);
    }),
    job.limit,
  );
}

export async function operationsFacts(db: Executor, job: FactsComputation): Promise<Listed> {
  const today = todayOf(job);
  switch (job.code) {
    case 'visit_compliance':
      return visitFacts(db, job, today);
    case 'registry_accuracy':
      return verificationFacts(db, job);
    case 'registry_completeness':
      return completenessFacts(db, job, today);
    case 'training_compliance':
      return trainingFacts(db, job);
    case 'info_report_quota':
    case 'info_report_adoption':
      return infoReportFacts(db, job);
    case 'duty_lapses':
      return lapseFacts(db, job);
    case 'survey_awareness':
    case 'survey_satisfaction':
      return surveyFacts(db, job);
    default:
      return { facts: [], truncated: false };
  }
}
