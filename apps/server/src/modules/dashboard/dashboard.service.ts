// The command center's one look at the county (指挥中心) and the grid map: what is open, late and
// new today, where and with whom; the month's cards and quotas; who has not signed in today.
// Everything is counted within the caller's visibility, as the events list reads it.
import { isOverdue, shanghaiDate, shanghaiDayRange, type Dashboard, type DashboardCount, type DashboardUnitStatus, type MapEvents, type MapGrid, type MapGrids } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { categoryNameOf } from '../events/events.mapper.js';
import { visibilityOf } from '../events/events.service.js';
import { createEventLedgersService, monthRange } from '../events/event-ledgers.service.js';
import * as signIns from '../sign-in-status/sign-in-status.repo.js';
import * as repo from './dashboard.repo.js';

type OpenGroup = Awaited<ReturnType<ReturnType<typeof repo.openEventGroupsQuery>['execute']>>[number];

const MONTHS = 12;

/** The last `count` Shanghai months up to `month`, oldest first, with their UTC starts. */
export function monthsUpTo(month: string, count: number): { month: string; start: string }[] {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, index) => {
    const offset = year * 12 + (number - 1) - (count - 1 - index);
    const label = `${Math.floor(offset / 12)}-${String((offset % 12) + 1).padStart(2, '0')}`;
    return { month: label, start: monthRange(label).start };
  });
}

/** The village (or, for an event filed at a township, the township) an event's codes place it in. */
function unitPathOf(group: Pick<OpenGroup, 'county_code' | 'township_code' | 'village_code'>): string | null {
  const codes: string[] = [];
  for (const code of [group.county_code, group.township_code, group.village_code]) {
    if (code === null) break;
    codes.push(code);
  }
  return codes.length === 0 ? null : `/${codes.join('/')}/`;
}

/** Adds up open/overdue per key, largest first. */
function tally(groups: readonly OpenGroup[], keyOf: (group: OpenGroup) => string | null, nameOf: (key: string | null) => string): DashboardCount[] {
  const totals = new Map<string | null, { open: number; overdue: number }>();
  for (const group of groups) {
    const key = keyOf(group);
    const total = totals.get(key) ?? { open: 0, overdue: 0 };
    total.open += Number(group.open);
    total.overdue += Number(group.overdue);
    totals.set(key, total);
  }
  return [...totals.entries()].map(([key, total]) => ({ key, name: nameOf(key), ...total })).sort((a, b) => b.open - a.open || b.overdue - a.overdue || a.name.localeCompare(b.name));
}

export function createDashboardService(ctx: AppContext) {
  const { db, clock, config } = ctx;
  const ledgers = createEventLedgersService(ctx);
  const iso = () => new Date(clock()).toISOString();

  /** Who signed in today and what waits for each unit: a department's events to sign for, a village's to verify. */
  async function unitStatuses(session: AuthenticatedSession, groups: readonly OpenGroup[], today: { start: string; end: string }) {
    const scope = session.user.orgPath;
    const [units, departments, accounts, signedIn] = await Promise.all([
      signIns.unitsInScope(db.kysely, scope),
      signIns.departmentsInScope(db.kysely, scope),
      signIns.accountsInScope(db.kysely, scope),
      signIns.accountsSignedInBetween(db.kysely, today.start, today.end),
    ]);
    const waitingOf = (status: OpenGroup['status'], keyOf: (group: OpenGroup) => string | null) => {
      const waiting = new Map<string, number>();
      for (const group of groups) {
        const key = group.status === status ? keyOf(group) : null;
        if (key) waiting.set(key, (waiting.get(key) ?? 0) + Number(group.open));
      }
      return waiting;
    };
    const toVerify = waitingOf('handled', unitPathOf);
    const toSignFor = waitingOf('dispatched', (group) => group.lead_department_id);
    // As the daily sign-in check counts them: a township's own accounts sit at its path; a village's at its path or below.
    const status = (members: typeof accounts, waiting: number) => ({ accounts: members.length, signedIn: members.some((member) => signedIn.has(member.id)), waiting });
    return {
      units: units.map((unit): DashboardUnitStatus => ({
        ...unit,
        ...status(
          accounts.filter((account) => !account.department_id && (unit.kind === 'township' ? account.org_path === unit.path : account.org_path.startsWith(unit.path))),
          toVerify.get(unit.path) ?? 0,
        ),
      })),
      departments: departments.map((department): DashboardUnitStatus => ({
        ...department,
        ...status(
          accounts.filter((account) => account.department_id === department.id),
          toSignFor.get(department.id) ?? 0,
        ),
      })),
    };
  }

  async function dashboard(session: AuthenticatedSession): Promise<Dashboard> {
    const visibility = visibilityOf(session);
    const locale = session.user.locale;
    const now = iso();
    const date = shanghaiDate(clock());
    const month = date.slice(0, 7);
    const today = shanghaiDayRange(date);
    const months = monthsUpTo(month, MONTHS);
    const monthEnd = monthRange(month).end;
    const [reportedToday, groups, reported, closed, categories, cards, quotas] = await Promise.all([
      repo.countReportedQuery(db.kysely, visibility, today.start, today.end).executeTakeFirstOrThrow(),
      repo.openEventGroupsQuery(db.kysely, visibility, now).execute(),
      repo.countByMonthQuery(db.kysely, visibility, 'reported_at', months, monthEnd).execute(),
      repo.countByMonthQuery(db.kysely, visibility, 'closed_at', months, monthEnd).execute(),
      repo.categoryNames(db.kysely),
      ledgers.cards(session, month),
      ledgers.quota(session, month),
    ]);
    const villagePaths = [...new Set(groups.flatMap((group) => (group.village_code ? [unitPathOf(group) ?? ''] : [])))];
    const departmentIds = [...new Set(groups.flatMap((group) => (group.lead_department_id ? [group.lead_department_id] : [])))];
    const [villages, departmentNames, statuses] = await Promise.all([repo.unitsByPaths(db.kysely, villagePaths), repo.departmentNames(db.kysely, departmentIds), unitStatuses(session, groups, today)]);
    const village = (path: string | null) => villages.find((unit) => unit.path === path);
    const countOf = (rows: readonly { month: string; n: number }[], label: string) => Number(rows.find((row) => row.month === label)?.n ?? 0);
    return {
      date,
      month,
      today: {
        reported: Number(reportedToday.n),
        open: groups.reduce((sum, group) => sum + Number(group.open), 0),
        overdue: groups.reduce((sum, group) => sum + Number(group.overdue), 0),
      },
      byCategory: tally(
        groups,
        (group) => group.category_code,
        (code) => categoryNameOf(categories.find((category) => category.code === code), locale, code ?? ''),
      ),
      // Keyed by the village's id, which the events list filters by; events filed above any village share the null key.
      byVillage: tally(
        groups,
        (group) => (group.village_code ? (village(unitPathOf(group))?.id ?? null) : null),
        (id) => villages.find((unit) => unit.id === id)?.name ?? '',
      ),
      byDepartment: tally(
        groups.filter((group) => group.lead_department_id !== null),
        (group) => group.lead_department_id,
        (id) => departmentNames.find((department) => department.id === id)?.name ?? '',
      ),
      trend: months.map(({ month: label }) => ({ month: label, reported: countOf(reported, label), closed: countOf(closed, label) })),
      cards: cards.totals,
      units: statuses.units,
      departments: statuses.departments,
      quotas,
    };
  }

  async function mapGrids(session: AuthenticatedSession): Promise<MapGrids> {
    const now = iso();
    const [grids, rows] = await Promise.all([repo.gridsWithBoundary(db.kysely, session.user.orgPath), repo.openEventsPerGridQuery(db.kysely, visibilityOf(session), now).execute()]);
    const counts = new Map(rows.map((row) => [row.grid_id, row]));
    return {
      tileUrl: config.tileUrl,
      items: grids.flatMap((grid) => {
        if (!grid.boundary) return [];
        const count = counts.get(grid.id);
        return [
          {
            id: grid.id,
            name: grid.name,
            path: grid.path,
            villageId: grid.village_id,
            villageName: grid.village_name ?? '',
            boundary: JSON.parse(grid.boundary) as MapGrid['boundary'],
            open: Number(count?.open ?? 0),
            overdue: Number(count?.overdue ?? 0),
          },
        ];
      }),
    };
  }

  async function mapEvents(session: AuthenticatedSession, limit: number): Promise<MapEvents> {
    const now = iso();
    const [rows, categories] = await Promise.all([repo.openEventsWithPointQuery(db.kysely, visibilityOf(session), limit + 1).execute(), repo.categoryNames(db.kysely)]);
    return {
      items: rows.slice(0, limit).flatMap((row) =>
        row.lon === null || row.lat === null
          ? []
          : [
              {
                id: row.id,
                title: row.title,
                status: row.status,
                categoryName: categoryNameOf(categories.find((category) => category.code === row.category_code), session.user.locale, row.category_code),
                lon: row.lon,
                lat: row.lat,
                overdue: isOverdue(row.step_deadline, now),
              },
            ],
      ),
      truncated: rows.length > limit,
    };
  }

  return { dashboard, mapGrids, mapEvents };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
