// The leader dashboard (领导驾驶舱): read-only, for a month within the reader's scope: the county's
// totals, the top and bottom of the village and department rankings (county ranks), cards per
// township, the average score over the last 12 months, survey rates per township of the year,
// and the latest bulletins. A department leader sees his department only (its rank, cards, events
// and score trend; no village, no survey). The chosen month's ranking is the scores service's
// (stored, else computed and stored, as its own read does); the trend only reads the scores
// stored so far (the monthly bulletin stores each month's), so that opening the dashboard never
// computes and stores a year of months as a side effect of a read.
import type { AssessedUnitKind, LeaderDashboard, LeaderDashboardQuery } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { computeIndicatorTable } from '../assessment/indicators.service.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { monthsUpTo } from '../dashboard/dashboard.service.js';
import { COUNTY_DEPARTMENTS, overviewOf, periodCards, rankingLines } from './bulletin-figures.js';
import type { BulletinScores, BulletinsService } from './bulletins.service.js';
import * as repo from './bulletins.repo.js';

const TREND_MONTHS = 12;
const LATEST_BULLETINS = 5;

export function createLeaderDashboardService(ctx: AppContext, scores: BulletinScores, bulletins: BulletinsService) {
  const { db, clock } = ctx;

  /** The average score of the ranked units of each month from the stored scores (null where none are stored). */
  async function trendOf(kind: AssessedUnitKind, months: readonly string[], scopePath: string, unitId: string | null): Promise<Map<string, number | null>> {
    const averages = await repo.storedAverages(db.kysely, kind, months, scopePath, unitId);
    return new Map(months.map((month) => [month, averages.get(month) ?? null]));
  }

  async function dashboard(session: AuthenticatedSession, query: LeaderDashboardQuery): Promise<LeaderDashboard> {
    const scopePath = session.user.orgPath;
    // A department leader: his department's figures only (as the scores and indicators show him).
    const departmentId = session.user.role === 'dept_leader' ? (session.departmentId ?? '-') : null;
    const now = new Date(clock()).toISOString();
    const [village, department] = [await scores.rankingFor(query.period, 'village'), await scores.rankingFor(query.period, 'department')];
    const ownDepartment = { ...department, units: department.units.filter((unit) => departmentId === null || unit.unitId === departmentId) };
    const villages = rankingLines(departmentId === null ? village : null, 'village', scopePath);
    const departments = rankingLines(ownDepartment, 'department', departmentId === null ? scopePath : '/');
    // A department's cards and events are its own wherever they lie; everyone else's are those under his path.
    const dataScope = departmentId === null ? scopePath : '/';
    const cards = await periodCards(db.kysely, dataScope, query.period, departmentId);
    const overview = await overviewOf(
      db.kysely,
      dataScope,
      query.period,
      cards,
      {
        villages: departmentId === null ? village.units.filter((unit) => unit.path.startsWith(scopePath)).length : 0,
        departments: ownDepartment.units.filter((unit) => departmentId !== null || unit.path.startsWith(scopePath)).length,
      },
      departmentId,
    );
    const townships = await repo.townshipsUnder(db.kysely, scopePath);
    const cardsByTownship = townships.map((township) => {
      const tally = cards.townships.get(township.path) ?? { yellow: 0, red: 0 };
      return { townshipName: township.name, yellowCards: tally.yellow, redCards: tally.red };
    });
    const countyDepartments = cards.townships.get(COUNTY_DEPARTMENTS);
    if (countyDepartments) cardsByTownship.push({ townshipName: COUNTY_DEPARTMENTS, yellowCards: countyDepartments.yellow, redCards: countyDepartments.red });

    const months = monthsUpTo(query.period, TREND_MONTHS).map((entry) => entry.month);
    const villageTrend = departmentId === null ? await trendOf('village', months, scopePath, null) : new Map<string, number | null>();
    const departmentTrend = await trendOf('department', months, dataScope, departmentId);

    const year = query.period.slice(0, 4);
    const survey = departmentId === null ? await computeIndicatorTable(db.kysely, clock(), { period: year, unitKind: 'township', scopePath, codes: ['survey_awareness', 'survey_satisfaction'] }) : { rows: [] };
    const latest = await bulletins.list(session, { limit: LATEST_BULLETINS });
    return {
      period: query.period,
      computedAt: now,
      overview,
      villages,
      departments,
      cardsByTownship,
      trend: months.map((month) => ({ period: month, villageAverage: villageTrend.get(month) ?? null, departmentAverage: departmentTrend.get(month) ?? null })),
      surveys: {
        year,
        townships: survey.rows.map((row) => ({
          townshipName: row.unitName,
          awareness: row.figures['survey_awareness']?.value ?? null,
          awarenessRespondents: row.figures['survey_awareness']?.denominator ?? 0,
          satisfaction: row.figures['survey_satisfaction']?.value ?? null,
          satisfactionRespondents: row.figures['survey_satisfaction']?.denominator ?? 0,
        })),
      },
      bulletins: latest.items,
    };
  }

  return { dashboard };
}

export type LeaderDashboardService = ReturnType<typeof createLeaderDashboardService>;
