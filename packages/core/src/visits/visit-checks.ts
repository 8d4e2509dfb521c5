// Checks on a visit that flag it for the center's review instead of refusing it: recorded far
// from the person's known address, or in impossible succession after the worker's previous
// visit (faster than anyone travels between villages).
export const VISIT_FLAGS = ['far_from_address', 'impossible_succession'] as const;
export type VisitFlag = (typeof VISIT_FLAGS)[number];

export interface VisitCheckSettings {
  readonly farFromAddressMeters: number;
  readonly maxSpeedKmh: number;
}

export const DEFAULT_VISIT_CHECK_SETTINGS: VisitCheckSettings = {
  farFromAddressMeters: 500,
  maxSpeedKmh: 120,
};

export interface GeoPoint {
  readonly lon: number;
  readonly lat: number;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine on the mean Earth radius). */
export function haversineMeters(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres from the visit to the address, rounded; null when either point is unknown. */
export function distanceFromAddress(visit: GeoPoint | null, address: GeoPoint | null): number | null {
  if (!visit || !address) return null;
  return Math.round(haversineMeters(visit, address));
}

/** A visit further from the person's known address than the county allows. */
export function isFarFromAddress(
  distanceM: number | null,
  settings: Pick<VisitCheckSettings, 'farFromAddressMeters'>,
): boolean {
  return distanceM !== null && distanceM > settings.farFromAddressMeters;
}

export interface LocatedVisit {
  readonly at: string;
  readonly location: GeoPoint | null;
}

/**
 * The worker could not have travelled from the previous visit to this one in the time between
 * them: the speed needed exceeds maxSpeedKmh. Two visits at the same instant in different places
 * are impossible too; visits without a location say nothing.
 */
export function isImpossibleSuccession(
  previous: LocatedVisit | null,
  current: LocatedVisit,
  settings: Pick<VisitCheckSettings, 'maxSpeedKmh'>,
): boolean {
  if (!previous?.location || !current.location) return false;
  const meters = haversineMeters(previous.location, current.location);
  const hours = Math.abs(Date.parse(current.at) - Date.parse(previous.at)) / 3_600_000;
  if (hours === 0) return meters > 100;
  return meters / 1000 / hours > settings.maxSpeedKmh;
}

/** The flags a visit earns. */
export function visitFlags(
  distanceM: number | null,
  previous: LocatedVisit | null,
  current: LocatedVisit,
  settings: VisitCheckSettings,
): VisitFlag[] {
  const flags: VisitFlag[] = [];
  if (isFarFromAddress(distanceM, settings)) flags.push('far_from_address');
  if (isImpossibleSuccession(previous, current, settings)) flags.push('impossible_succession');
  return flags;
}
