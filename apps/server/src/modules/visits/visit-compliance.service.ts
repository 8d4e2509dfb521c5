// The monthly visit-compliance table (走访考核): per grid worker and per village, the visits of the
// month, how many met their due date on time, the visits overdue now and the cards earned.
import {
  DomainError,
  ancestorPaths,
  percentOf,
  shanghaiDayRange,
  shanghaiDate,
  type Compliance,
  type ComplianceQuery,
  type ComplianceVillageRow,
  type ComplianceWorkerRow,
} from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as repo from './visits.repo.js';

type Figures = Omit<ComplianceVillageRow, 'villagePath' | 'villageName'>;

const zero = (): Figures => ({
  visits: 0,
  onTime: 0,
  late: 0,
  flagged: 0,
  overdueNow: 0,
  yellowCards: 0,
  redCards: 0,
  complianceRate: null,
});

function withRate(figures: Figures): Figures {
  return {
    ...figures,
    complianceRate: percentOf(figures.onTime, figures.onTime + figures.late + figures.overdueNow),
  };
}

/** The first day of the month after `month` (YYYY-MM). */
function nextMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return mon === 12 ? `${year + 1}-01-01` : `${year}-${String(mon + 1).padStart(2, '0')}-01`;
}

export function createVisitComplianceService(ctx: AppContext) {
  const { db, clock } = ctx;

  async function compliance(session: AuthenticatedSession, query: ComplianceQuery): Promise<Compliance> {
    let scope = session.user.orgPath;
    if (query.orgPath) {
      if (!(await repo.unitInScope(db.kysely, scope, query.orgPath))) throw new DomainError('NOT_FOUND');
      scope = query.orgPath;
    }
    const from = shanghaiDayRange(`${query.month}-01`).start;
    const to = shanghaiDayRange(nextMonth(query.month)).start;
    const today = shanghaiDate(clock());
    const [workers, visits, overdue, cards] = await Promise.all([
      repo.gridWorkersIn(db.kysely, scope),
      repo.visitFiguresByWorker(db.kysely, scope, from, to),
      repo.overdueByGrid(db.kysely, scope, today),
      repo.cardsByWorker(db.kysely, scope, query.month),
    ]);
    const rows = new Map<string, ComplianceWorkerRow>();
    const villageOf = (orgPath: string) => ancestorPaths(orgPath)[3] ?? orgPath;
    const rowOf = (id: string, name: string, orgPath: string) => {
      let row = rows.get(id);
      if (!row) {
        row = { workerId: id, workerName: name, villagePath: villageOf(orgPath), villageName: '', ...zero() };
        rows.set(id, row);
      }
      return row;
    };
    for (const worker of workers) rowOf(worker.id, worker.display_name, worker.org_path);
    // Visits by people who are not grid workers of the scope (a village admin, the center) count too.
    const others = await repo.accountsByIds(
      db.kysely,
      [
        ...new Set([
          ...visits.map((row) => row.worker_id),
          ...cards.flatMap((row) => (row.worker_id ? [row.worker_id] : [])),
        ]),
      ].filter((id) => !rows.has(id)),
    );
    for (const account of others) rowOf(account.id, account.display_name, account.org_path);
    for (const figure of visits) {
      const row = rows.get(figure.worker_id);
      if (!row) continue;
      Object.assign(row, {
        visits: Number(figure.visits),
        onTime: Number(figure.on_time ?? 0),
        late: Number(figure.late ?? 0),
        flagged: Number(figure.flagged ?? 0),
      });
    }
    // Overdue schedules count against the worker responsible for their grid now.
    const gridWorkers = await repo.workersOfGrids(
      db.kysely,
      overdue.flatMap((row) => (row.grid_id ? [row.grid_id] : [])),
    );
    const responsible = new Map<string, { id: string; display_name: string; org_path: string }>();
    for (const worker of gridWorkers)
      if (!responsible.has(worker.grid_id)) responsible.set(worker.grid_id, worker);
    for (const figure of overdue) {
      const worker = figure.grid_id ? responsible.get(figure.grid_id) : undefined;
      if (!worker) continue;
      rowOf(worker.id, worker.display_name, worker.org_path).overdueNow += Number(figure.n);
    }
    for (const card of cards) {
      const row = card.worker_id ? rows.get(card.worker_id) : undefined;
      if (!row) continue;
      if (card.level === 'yellow') row.yellowCards += Number(card.n);
      else row.redCards += Number(card.n);
    }
    const units = new Map(
      (
        await repo.unitsByPaths(db.kysely, [...new Set([...rows.values()].map((row) => row.villagePath))])
      ).map((unit) => [unit.path, unit.name]),
    );
    const workerRows = [...rows.values()]
      .map((row) => ({
        ...row,
        ...withRate(row),
        villageName: units.get(row.villagePath) ?? row.villagePath,
      }))
      .sort(
        (a, b) =>
          a.villagePath.localeCompare(b.villagePath) || a.workerName.localeCompare(b.workerName, 'zh-CN'),
      );
    const villages = new Map<string, ComplianceVillageRow>();
    for (const row of workerRows) {
      const village = villages.get(row.villagePath) ?? {
        villagePath: row.villagePath,
        villageName: row.villageName,
        ...zero(),
      };
      for (const key of [
        'visits',
        'onTime',
        'late',
        'flagged',
        'overdueNow',
        'yellowCards',
        'redCards',
      ] as const)
        village[key] += row[key];
      villages.set(row.villagePath, village);
    }
    return {
      month: query.month,
      workers: workerRows,
      villages: [...villages.values()].map((village) => ({ ...village, ...withRate(village) })),
    };
  }

  return { compliance };
}

export type VisitComplianceService = ReturnType<typeof createVisitComplianceService>;
