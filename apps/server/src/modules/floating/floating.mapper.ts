// A registration row as the API shows it: names beside codes, the permit number masked.
import { divisionName, type FloatingRegistration } from '@gridwork/core';
import type { NewFloatingRegistration } from '../../db/tables/floating.table.js';

/** What a registration's view needs from other tables, looked up once per page. */
export interface RegistrationLookups {
  readonly personNames: ReadonlyMap<string, string>;
  readonly gridNames: ReadonlyMap<string, string>;
  readonly houses: ReadonlyMap<string, { readonly address: string | null; readonly name: string; readonly contactName: string | null }>;
  readonly owners: ReadonlyMap<string, { readonly id: string; readonly name: string }>;
}

export function toFloatingView(row: NewFloatingRegistration, lookups: RegistrationLookups): FloatingRegistration {
  const house = row.house_id ? lookups.houses.get(row.house_id) : undefined;
  const owner = row.house_id ? lookups.owners.get(row.house_id) : undefined;
  return {
    id: row.id,
    personId: row.person_id,
    personName: lookups.personNames.get(row.person_id) ?? '',
    gridId: row.grid_id,
    gridName: row.grid_id ? (lookups.gridNames.get(row.grid_id) ?? null) : null,
    path: row.path,
    originCode: row.origin_code,
    originName: divisionName(row.origin_code) ?? row.origin_code,
    reason: row.reason,
    expectedStayUntil: row.expected_stay_until,
    arrivedOn: row.arrived_on,
    houseId: row.house_id,
    houseAddress: house ? (house.address ?? house.name) : null,
    isRental: row.is_rental === 1,
    landlordId: owner?.id ?? null,
    landlordName: owner?.name ?? house?.contactName ?? null,
    employer: row.employer,
    residencePermit:
      row.permit_issued_on && row.permit_expires_on ? { number: row.permit_masked, issuedOn: row.permit_issued_on, expiresOn: row.permit_expires_on } : null,
    status: row.status,
    departedOn: row.departed_on,
    destinationCode: row.destination_code,
    destinationName: row.destination_code ? (divisionName(row.destination_code) ?? row.destination_text) : row.destination_text,
    createdAt: row.created_at,
    version: row.version,
  };
}
