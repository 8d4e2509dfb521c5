// What the floating population adds up to: people present per village, grid and province of
// origin, arrivals and departures per month; a rental house's current tenants; a landlord's
// houses with theirs. Read-only, within the caller's scope.
import {
  DomainError,
  ancestorPaths,
  divisionName,
  provinceOf,
  shanghaiDate,
  trendMonths,
  type FloatingStats,
  type FloatingStatsQuery,
  type HouseTenant,
  type Landlord,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { findPersonInScope } from '../persons/persons.repo.js';
import { membersOf, recordInScope, recordsOfPerson } from '../records/records.repo.js';
import type { FloatingService } from './floating.service.js';
import * as repo from './floating.repo.js';

/** Rows with a count, largest first, then by code. */
function ranked<T extends { code: string; present: number }>(rows: Iterable<T>): T[] {
  return [...rows].sort((a, b) => b.present - a.present || a.code.localeCompare(b.code));
}

export function createFloatingReportsService(ctx: AppContext, floating: FloatingService) {
  const { db, clock } = ctx;

  async function stats(session: AuthenticatedSession, query: FloatingStatsQuery): Promise<FloatingStats> {
    const scope = await floating.narrowedScope(session, query.orgPath);
    const today = shanghaiDate(clock());
    const months = trendMonths(today, query.months ?? 12);
    const fromDay = `${months[0] ?? today.slice(0, 7)}-01`;
    const [present, arrivals, departures] = await Promise.all([
      repo.presentByPathAndOrigin(db.kysely, scope),
      repo.perMonth(db.kysely, scope, 'arrived_on', fromDay),
      repo.perMonth(db.kysely, scope, 'departed_on', fromDay),
    ]);
    const villages = new Map<string, { path: string; present: number }>();
    const grids = new Map<string, { path: string; present: number }>();
    const provinces = new Map<string, number>();
    for (const row of present) {
      const count = Number(row.present);
      const villagePath = ancestorPaths(row.path)[3];
      if (row.village_code && villagePath) {
        const village = villages.get(row.village_code) ?? { path: villagePath, present: 0 };
        village.present += count;
        villages.set(row.village_code, village);
      }
      if (row.grid_id) {
        const grid = grids.get(row.grid_id) ?? { path: row.path, present: 0 };
        grid.present += count;
        grids.set(row.grid_id, grid);
      }
      const province = provinceOf(row.origin_code) ?? row.origin_code.slice(0, 2);
      provinces.set(province, (provinces.get(province) ?? 0) + count);
    }
    const units = await repo.unitsByPaths(db.kysely, [...new Set([...villages.values()].map((village) => village.path))]);
    const villageNames = new Map(units.map((unit) => [unit.path, unit.name]));
    const gridUnits = await repo.unitNames(db.kysely, [...grids.keys()]);
    const gridNames = new Map(gridUnits.map((unit) => [unit.id, unit.name]));
    const counted = (rows: readonly { month: string; count: number | string }[]) => new Map(rows.map((row) => [row.month, Number(row.count)]));
    const arrived = counted(arrivals);
    const departed = counted(departures);
    return {
      byVillage: ranked([...villages].map(([code, village]) => ({ code, name: villageNames.get(village.path) ?? code, present: village.present }))),
      byGrid: [...grids]
        .map(([gridId, grid]) => ({ gridId, name: gridNames.get(gridId) ?? gridId, villageName: villageNames.get(ancestorPaths(grid.path)[3] ?? '') ?? '', present: grid.present }))
        .sort((a, b) => b.present - a.present || a.name.localeCompare(b.name)),
      byOriginProvince: ranked([...provinces].map(([code, count]) => ({ code, name: divisionName(code) ?? code, present: count }))),
      monthly: months.map((month) => ({ month, arrivals: arrived.get(month) ?? 0, departures: departed.get(month) ?? 0 })),
    };
  }

  /** The tenants of some houses: members with relation tenant, with their registrations where present. */
  async function tenantsOf(executor: Executor, houseIds: readonly string[]): Promise<Map<string, HouseTenant[]>> {
    const registrations = await repo.presentInHouses(executor, houseIds);
    const byPerson = new Map(registrations.map((row) => [`${row.house_id}:${row.person_id}`, row]));
    const result = new Map<string, HouseTenant[]>();
    for (const houseId of houseIds) {
      const members = (await membersOf(executor, houseId)).filter((member) => member.relation === 'tenant');
      result.set(
        houseId,
        members.map((member) => {
          const registration = byPerson.get(`${houseId}:${member.person_id}`);
          return {
            personId: member.person_id,
            personName: member.name,
            idNumber: member.id_masked,
            since: member.since,
            registrationId: registration?.id ?? null,
            originCode: registration?.origin_code ?? null,
            originName: registration ? (divisionName(registration.origin_code) ?? registration.origin_code) : null,
            arrivedOn: registration?.arrived_on ?? null,
            permitExpiresOn: registration?.permit_expires_on ?? null,
          };
        }),
      );
    }
    return result;
  }

  async function houseTenants(session: AuthenticatedSession, houseId: string): Promise<HouseTenant[]> {
    if (!(await recordInScope(db.kysely, 'house', session.user.orgPath, houseId))) throw new DomainError('NOT_FOUND');
    return (await tenantsOf(db.kysely, [houseId])).get(houseId) ?? [];
  }

  /** A landlord (a house's registered owner) with the houses they own in scope and each one's tenants. */
  async function landlord(session: AuthenticatedSession, personId: string): Promise<Landlord> {
    const person = await findPersonInScope(db.kysely, session.user.orgPath, personId);
    if (!person) throw new DomainError('NOT_FOUND');
    const owned = (await recordsOfPerson(db.kysely, session.user.orgPath, personId)).filter((link) => link.kind === 'house' && link.relation === 'owner');
    const houses = await repo.housesByIds(db.kysely, owned.map((link) => link.id));
    const tenants = await tenantsOf(db.kysely, houses.map((house) => house.id));
    return {
      personId: person.id,
      name: person.name,
      idNumber: person.id_masked,
      phone: person.phone_masked,
      houses: houses.map((house) => ({ id: house.id, name: house.name, address: house.address, category: house.category, gridId: house.grid_id, tenants: tenants.get(house.id) ?? [] })),
    };
  }

  return { stats, houseTenants, landlord };
}
