// The figures a bulletin is written from, gathered for a county and a period: the totals of the
// period, the top and bottom of the village and department rankings (scores come from the scores
// service), the units criticised for a red card or more than 3 yellow cards in a month, and the
// information reports adopted with the grid workers they praise.
import {
  INFO_REPORT_CATEGORY_LABELS,
  INFO_REPORT_LEVEL_LABELS,
  isYearPeriod,
  periodDates,
  shanghaiDate,
  shanghaiDayRange,
  type BulletinCriticised,
  type BulletinFigures,
  type BulletinOverview,
  type BulletinRanking,
  type BulletinUnitLine,
  type InfoReportCategory,
  type InfoReportLevel,
  type Ranking,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import { pathAtDepth } from '../assessment/assessment-units.repo.js';
import { periodLabel } from './bulletin.document.js';
import * as repo from './bulletins.repo.js';

export const TOP_COUNT = 10;
export const BOTTOM_COUNT = 5;
/** 通报批评: a red card, or more than this many yellow cards in one month. */
export const YELLOW_CARDS_CRITICISED_ABOVE = 3;
/** Departments at the county itself, in the cards per township. */
export const COUNTY_DEPARTMENTS = '县直部门';

/** The months a period covers: itself, or the twelve of a year. */
export function monthsOf(period: string): string[] {
  if (!isYearPeriod(period)) return [period];
  return Array.from({ length: 12 }, (_, index) => `${period}-${String(index + 1).padStart(2, '0')}`);
}

export function periodInstants(period: string): { from: string; to: string; fromInstant: string; toInstant: string } {
  const { from, to } = periodDates(period);
  return { from, to, fromInstant: shanghaiDayRange(from).start, toInstant: shanghaiDayRange(to).end };
}

/** The top and bottom of a ranking, keeping the units under `scopePath` (ranks stay county ranks). */
export function rankingLines(ranking: Ranking | null, unitKind: BulletinRanking['unitKind'], scopePath = '/'): BulletinRanking {
  const units = (ranking?.units ?? []).filter((unit) => unit.path.startsWith(scopePath));
  const ranked = units.filter((unit) => unit.rank !== null && !unit.tooFew).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  const line = (unit: Ranking['units'][number]): BulletinUnitLine => ({ rank: unit.rank, unitId: unit.unitId, unitName: unit.unitName, parentName: unit.parentName, score: unit.score });
  const top = ranked.slice(0, TOP_COUNT);
  const bottom = ranked.slice(Math.max(top.length, ranked.length - BOTTOM_COUNT));
  const average = ranked.length === 0 ? null : ranked.reduce((sum, unit) => sum + unit.score, 0) / ranked.length;
  return { unitKind, ranked: ranked.length, tooFew: units.length - ranked.length, average, top: top.map(line), bottom: bottom.map(line) };
}

interface CardTally {
  yellow: number;
  red: number;
  yellowByMonth: Map<string, number>;
}

export interface PeriodCards {
  villages: Map<string, CardTally>;
  departments: Map<string, CardTally>;
  /** Per township path (or COUNTY_DEPARTMENTS). */
  townships: Map<string, { yellow: number; red: number }>;
  departmentRows: Awaited<ReturnType<typeof repo.departmentsByIds>>;
  yellow: number;
  red: number;
}

function add(tallies: Map<string, CardTally>, key: string, level: string, month: string, count: number): void {
  const tally = tallies.get(key) ?? { yellow: 0, red: 0, yellowByMonth: new Map<string, number>() };
  if (level === 'red') tally.red += count;
  else {
    tally.yellow += count;
    tally.yellowByMonth.set(month, (tally.yellowByMonth.get(month) ?? 0) + count);
  }
  tallies.set(key, tally);
}

/** A count of cards of one level and month for an answering unit, as the card queries group them. */
export interface CardCountRow {
  readonly department_id: string | null;
  readonly unit_path: string;
  readonly level: string;
  readonly month: string;
  readonly cards: number | string;
}

/**
 * Every card of the period (events and visits) per village, department and township; only the
 * event cards of one department when `departmentId` is given (a department leader's view).
 */
export async function periodCards(db: Executor, scopePath: string, period: string, departmentId: string | null = null): Promise<PeriodCards> {
  const months = monthsOf(period);
  const [allEventCards, visitCards] = await Promise.all([repo.eventCardCounts(db, scopePath, months), departmentId === null ? repo.visitCardCounts(db, scopePath, months) : []]);
  const eventCards = departmentId === null ? allEventCards : allEventCards.filter((row) => row.department_id === departmentId);
  const departmentRows = await repo.departmentsByIds(db, [...new Set(eventCards.flatMap((row) => (row.department_id ? [row.department_id] : [])))]);
  return tallyCards([...eventCards, ...visitCards.map((card) => ({ ...card, department_id: null }))], departmentRows);
}

/**
 * Adds up event and visit cards: a department's cards are the department's (and count in the
 * township of its org path, or the county's departments); every other card is its village's
 * (a grid's card rolls up to the village), month by month for the 通报批评 rule.
 */
export function tallyCards(rows: readonly CardCountRow[], departmentRows: PeriodCards['departmentRows']): PeriodCards {
  const departmentPath = new Map(departmentRows.map((row) => [row.id, row.org_path]));
  const villages = new Map<string, CardTally>();
  const departments = new Map<string, CardTally>();
  const townships = new Map<string, { yellow: number; red: number }>();
  let yellow = 0;
  let red = 0;
  const count = (township: string, level: string, cards: number) => {
    const tally = townships.get(township) ?? { yellow: 0, red: 0 };
    if (level === 'red') tally.red += cards;
    else tally.yellow += cards;
    townships.set(township, tally);
    if (level === 'red') red += cards;
    else yellow += cards;
  };
  const townshipOf = (path: string) => (path.split('/').filter(Boolean).length >= 2 ? pathAtDepth(path, 2) : COUNTY_DEPARTMENTS);
  for (const row of rows) {
    const cards = Number(row.cards);
    if (row.department_id) {
      add(departments, row.department_id, row.level, row.month, cards);
      count(townshipOf(departmentPath.get(row.department_id) ?? row.unit_path), row.level, cards);
    } else {
      add(villages, pathAtDepth(row.unit_path, 3), row.level, row.month, cards);
      count(townshipOf(row.unit_path), row.level, cards);
    }
  }
  return { villages, departments, townships, departmentRows, yellow, red };
}

/** 通报批评: a red card in the period, or more than 3 yellow cards in one of its months. */
export const isCriticised = (tally: CardTally) => tally.red > 0 || [...tally.yellowByMonth.values()].some((cards) => cards > YELLOW_CARDS_CRITICISED_ABOVE);

/** The units criticised, villages first, most red cards first. */
export async function criticisedUnits(db: Executor, cards: PeriodCards): Promise<BulletinCriticised[]> {
  const villagePaths = [...cards.villages.entries()].filter(([, tally]) => isCriticised(tally)).map(([path]) => path);
  const departmentIds = [...cards.departments.entries()].filter(([, tally]) => isCriticised(tally)).map(([id]) => id);
  const departments = new Map(cards.departmentRows.map((row) => [row.id, row]));
  const names = await repo.unitNamesByPath(db, [
    ...villagePaths,
    ...villagePaths.map((path) => pathAtDepth(path, 2)),
    ...departmentIds.flatMap((id) => {
      const path = departments.get(id)?.org_path;
      return path ? [path] : [];
    }),
  ]);
  const out: BulletinCriticised[] = [
    ...villagePaths.map((path): BulletinCriticised => {
      const tally = cards.villages.get(path) ?? { yellow: 0, red: 0 };
      const township = pathAtDepth(path, 2);
      return { unitKind: 'village', unitName: names.get(path) ?? path, parentName: township === path ? null : (names.get(township) ?? null), yellowCards: tally.yellow, redCards: tally.red };
    }),
    ...departmentIds.map((id): BulletinCriticised => {
      const tally = cards.departments.get(id) ?? { yellow: 0, red: 0 };
      const department = departments.get(id);
      return { unitKind: 'department', unitName: department?.name ?? id, parentName: department ? (names.get(department.org_path) ?? null) : null, yellowCards: tally.yellow, redCards: tally.red };
    }),
  ];
  return out.sort((a, b) => (a.unitKind === b.unitKind ? 0 : a.unitKind === 'village' ? -1 : 1) || b.redCards - a.redCards || b.yellowCards - a.yellowCards || a.unitName.localeCompare(b.unitName, 'zh-CN'));
}

/** The totals of the period under the scope; a department's own events and no information report (a township's) for `departmentId`. */
export async function overviewOf(
  db: Executor,
  scopePath: string,
  period: string,
  cards: PeriodCards,
  counts: { villages: number; departments: number },
  departmentId: string | null = null,
): Promise<BulletinOverview> {
  const { fromInstant, toInstant } = periodInstants(period);
  const [events, submitted, adopted] = await Promise.all([
    repo.eventTotals(db, scopePath, fromInstant, toInstant, departmentId),
    departmentId === null ? repo.reportsSubmitted(db, scopePath, monthsOf(period)) : 0,
    departmentId === null ? repo.adoptedReports(db, scopePath, fromInstant, toInstant) : [],
  ]);
  return {
    eventsReported: events.reported,
    eventsClosed: events.closed,
    closureRate: events.reported > 0 ? events.closedOfReported / events.reported : null,
    yellowCards: cards.yellow,
    redCards: cards.red,
    reportsSubmitted: submitted,
    reportsAdopted: adopted.length,
    villages: counts.villages,
    departments: counts.departments,
  };
}

export interface FiguresInput {
  readonly county: { name: string; path: string };
  readonly period: string;
  readonly issuedOn: string;
  readonly village: Ranking | null;
  readonly department: Ranking | null;
}

/** Everything the Word file says, from the database and the two rankings. */
export async function bulletinFigures(db: Executor, input: FiguresInput): Promise<BulletinFigures> {
  const { county, period } = input;
  const { from, to, fromInstant, toInstant } = periodInstants(period);
  const cards = await periodCards(db, county.path, period);
  const [criticised, adopted] = await Promise.all([criticisedUnits(db, cards), repo.adoptedReports(db, county.path, fromInstant, toInstant)]);
  const overview = await overviewOf(db, county.path, period, cards, { villages: input.village?.units.length ?? 0, departments: input.department?.units.length ?? 0 });
  const workerVillages = await repo.unitNamesByPath(db, adopted.flatMap((row) => (row.subject_path && row.subject_path.split('/').filter(Boolean).length >= 3 ? [pathAtDepth(row.subject_path, 3)] : [])));
  const exemplary = new Map<string, { name: string; villageName: string | null; reports: number }>();
  for (const row of adopted) {
    if (!row.subject_id || !row.subject_name) continue;
    const entry = exemplary.get(row.subject_id) ?? { name: row.subject_name, villageName: row.subject_path ? (workerVillages.get(pathAtDepth(row.subject_path, 3)) ?? null) : null, reports: 0 };
    entry.reports += 1;
    exemplary.set(row.subject_id, entry);
  }
  return {
    period,
    from,
    to,
    countyName: county.name,
    issuer: `${county.name}网格化服务管理中心`,
    issuedOn: input.issuedOn,
    title: `关于${periodLabel(period)}全县网格化服务管理工作考核情况的通报`,
    overview,
    villages: rankingLines(input.village, 'village'),
    departments: rankingLines(input.department, 'department'),
    criticised,
    adoptedReports: adopted.map((row) => ({
      title: row.title,
      townshipName: row.township_name,
      category: INFO_REPORT_CATEGORY_LABELS[row.category as InfoReportCategory]?.['zh-CN'] ?? row.category,
      level: row.level ? (INFO_REPORT_LEVEL_LABELS[row.level as InfoReportLevel]?.['zh-CN'] ?? row.level) : '',
      adoptedOn: row.adopted_at ? shanghaiDate(Date.parse(row.adopted_at)) : '',
      subjectName: row.subject_name ?? null,
    })),
    exemplaryWorkers: [...exemplary.values()].sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name, 'zh-CN')),
  };
}
