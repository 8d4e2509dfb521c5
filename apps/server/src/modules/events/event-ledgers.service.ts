// What the county counts each month, and what each person must look at: the card ledger per
// unit, grid workers' monthly report quotas, and one's own inbox.
import { DomainError, shanghaiDate, shanghaiDayRange, type CardView, type QuotaRow } from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { visibilityOf } from './events.service.js';
import * as repo from './events.repo.js';

/** The UTC instants [start, end) of a Shanghai calendar month. */
export function monthRange(month: string): { start: string; end: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'querystring.month', rule: 'pattern', message: month }] });
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return { start: shanghaiDayRange(`${month}-01`).start, end: shanghaiDayRange(`${next}-01`).start };
}

export function createEventLedgersService(ctx: AppContext) {
  const { db, clock, config } = ctx;
  const thisMonth = () => shanghaiDate(clock()).slice(0, 7);

  async function cards(session: AuthenticatedSession, month = thisMonth()) {
    const rows = await repo.cardLedger(db.kysely, visibilityOf(session), month);
    const items: CardView[] = rows.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      eventTitle: row.title,
      step: row.step,
      level: row.level,
      unit: row.department_id
        ? { kind: 'department', id: row.department_id, path: row.unit_path, name: row.department_name ?? '' }
        : { kind: 'village', id: null, path: row.unit_path, name: row.village_name ?? row.unit_path },
      deadline: row.deadline,
      issuedAt: row.issued_at,
    }));
    const totals = new Map<string, { unitPath: string; name: string; yellow: number; red: number }>();
    for (const item of items) {
      const key = `${item.unit.kind}:${item.unit.id ?? item.unit.path}`;
      const total = totals.get(key) ?? { unitPath: item.unit.path, name: item.unit.name, yellow: 0, red: 0 };
      total[item.level] += 1;
      totals.set(key, total);
    }
    return { month, items, totals: [...totals.values()].sort((a, b) => b.red - a.red || b.yellow - a.yellow) };
  }

  /** Each grid worker's valid reports this month against the target; a grid worker sees only their own. */
  async function quota(session: AuthenticatedSession, month = thisMonth()): Promise<QuotaRow[]> {
    const { start, end } = monthRange(month);
    const self = session.user.role === 'grid_worker_fulltime' || session.user.role === 'grid_worker_parttime' ? session.user.id : null;
    const workers = await repo.gridWorkersInScope(db.kysely, session.user.orgPath, self);
    const counts = await repo.validReportsBy(db.kysely, workers.map((worker) => worker.id), start, end);
    return workers.map((worker) => {
      const reported = Number(counts.find((count) => count.reporter_account_id === worker.id)?.n ?? 0);
      const target = worker.role === 'grid_worker_parttime' ? config.quotas.parttime : config.quotas.fulltime;
      return { accountId: worker.id, displayName: worker.display_name, role: worker.role, orgPath: worker.org_path, reported, target, met: reported >= target };
    });
  }

  async function inbox(session: AuthenticatedSession, query: { unread?: boolean; after?: string; limit?: number }) {
    const limit = query.limit ?? 20;
    const rows = await repo.inboxOf(db.kysely, session.user.id, query.unread ?? false, query.after, limit + 1);
    const page = rows.slice(0, limit);
    const unread = await repo.countUnread(db.kysely, session.user.id);
    return {
      items: page.map((row) => ({ id: row.id, kind: row.kind, eventId: row.event_id, text: row.text, createdAt: row.created_at, read: row.read_at !== null })),
      unread: Number(unread.n),
      nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  async function markRead(session: AuthenticatedSession, id: string): Promise<void> {
    const message = await repo.findInboxMessage(db.kysely, session.user.id, id);
    if (!message) throw new DomainError('NOT_FOUND');
    await repo.markRead(db.kysely, session.user.id, id, new Date(clock()).toISOString());
  }

  return { cards, quota, inbox, markRead };
}

export type EventLedgersService = ReturnType<typeof createEventLedgersService>;
