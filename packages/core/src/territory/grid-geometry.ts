// Grid boundaries: GeoJSON polygons in WGS-84 longitude/latitude, as a phone's GPS and Leaflet
// give them. The checks here decide whether a drawn boundary can be a grid, whether two grids
// overlap, what a merge makes, and whether a point lies in a grid. Geometry is done by Turf.
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection, point, polygon as turfPolygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { kinks } from '@turf/kinks';
import { union } from '@turf/union';

export type LonLat = [number, number];

export interface GridPolygon {
  readonly type: 'Polygon';
  /** The outer ring first, then holes; every ring closed (first position = last). */
  readonly coordinates: LonLat[][];
}

export interface BoundingBox {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
}

export const GRID_BOUNDARY_PROBLEMS = [
  'not_polygon',
  'too_few_points',
  'ring_not_closed',
  'out_of_range',
  'self_intersecting',
  'zero_area',
  'hole_outside',
  'too_large',
] as const;
export type GridBoundaryProblem = (typeof GRID_BOUNDARY_PROBLEMS)[number];

export type BoundaryCheck =
  | { readonly ok: true; readonly polygon: GridPolygon }
  | { readonly ok: false; readonly problem: GridBoundaryProblem; readonly ring?: number; readonly position?: number };

/** Below this a boundary has no real area: a line drawn twice, or three points in a row (m²). */
const MIN_AREA_M2 = 1;
/** Rings of more points than this are not a hand-drawn grid. */
export const MAX_BOUNDARY_POSITIONS = 5000;

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function samePosition(a: LonLat, b: LonLat): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function asFeature(polygon: GridPolygon) {
  return turfPolygon(polygon.coordinates);
}

/**
 * Checks a boundary someone drew. Accepts a GeoJSON Polygon, or a Feature holding one; drops
 * altitudes. Says which ring and position are wrong when it can.
 */
export function validateGridBoundary(input: unknown): BoundaryCheck {
  const geometry =
    typeof input === 'object' && input !== null && (input as { type?: unknown }).type === 'Feature' ? (input as { geometry?: unknown }).geometry : input;
  if (typeof geometry !== 'object' || geometry === null) return { ok: false, problem: 'not_polygon' };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' || !Array.isArray(coordinates) || coordinates.length === 0) return { ok: false, problem: 'not_polygon' };

  const rings: LonLat[][] = [];
  let total = 0;
  for (const [ringIndex, ring] of coordinates.entries()) {
    if (!Array.isArray(ring)) return { ok: false, problem: 'not_polygon', ring: ringIndex };
    const positions: LonLat[] = [];
    for (const [positionIndex, position] of ring.entries()) {
      if (!Array.isArray(position) || position.length < 2 || position.length > 3 || !position.every(isNumber)) {
        return { ok: false, problem: 'not_polygon', ring: ringIndex, position: positionIndex };
      }
      const [lon, lat] = position as number[] as [number, number];
      if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return { ok: false, problem: 'out_of_range', ring: ringIndex, position: positionIndex };
      positions.push([lon, lat]);
    }
    total += positions.length;
    if (total > MAX_BOUNDARY_POSITIONS) return { ok: false, problem: 'not_polygon', ring: ringIndex };
    const first = positions[0];
    const last = positions[positions.length - 1];
    const distinct = new Set(positions.map(([lon, lat]) => `${lon},${lat}`)).size;
    if (!first || !last || positions.length < 4 || distinct < 3) return { ok: false, problem: 'too_few_points', ring: ringIndex };
    if (!samePosition(first, last)) return { ok: false, problem: 'ring_not_closed', ring: ringIndex };
    rings.push(positions);
  }

  const polygon: GridPolygon = { type: 'Polygon', coordinates: rings };
  // A bow-tie's two halves cancel to no area: the crossing is the real fault, so it is named first.
  if (kinks(asFeature(polygon)).features.length > 0) return { ok: false, problem: 'self_intersecting' };
  for (const [ringIndex, ring] of rings.entries()) {
    if (area(turfPolygon([ring])) < MIN_AREA_M2) return { ok: false, problem: 'zero_area', ring: ringIndex };
  }
  const outer = turfPolygon([rings[0] ?? []]);
  for (const [ringIndex, hole] of rings.slice(1).entries()) {
    const outside = hole.findIndex((position) => !booleanPointInPolygon(point(position), outer, { ignoreBoundary: true }));
    if (outside >= 0) return { ok: false, problem: 'hole_outside', ring: ringIndex + 1, position: outside };
  }
  if (polygonAreaM2(polygon) < MIN_AREA_M2) return { ok: false, problem: 'zero_area', ring: 0 };
  const box = boundingBox(polygon);
  if (box.maxLon - box.minLon > MAX_GRID_SPAN_DEGREES || box.maxLat - box.minLat > MAX_GRID_SPAN_DEGREES) return { ok: false, problem: 'too_large' };
  return { ok: true, polygon };
}

/** The smallest box around a polygon's outer ring. */
export function boundingBox(polygon: GridPolygon): BoundingBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of polygon.coordinates[0] ?? []) {
    minLon = Math.min(minLon, lon);
    minLat = Math.min(minLat, lat);
    maxLon = Math.max(maxLon, lon);
    maxLat = Math.max(maxLat, lat);
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** Tiles are hundredths of a degree (about 1.1 km north–south): a village's grid touches a few. */
const TILES_PER_DEGREE = 100;
/** A grid wider or taller than this (about 55 km) is not a grid: no village is that large. */
export const MAX_GRID_SPAN_DEGREES = 0.5;

function tile(degrees: number): number {
  return Math.floor(degrees * TILES_PER_DEGREE);
}

/** The tile key of a point, as stored in the grid_cell index. */
export function cellOf(lon: number, lat: number): string {
  return `${tile(lon)}:${tile(lat)}`;
}

/** Every tile a bounding box touches: a point inside the box lies in one of them. */
export function cellsOf(box: BoundingBox): string[] {
  const cells: string[] = [];
  for (let x = tile(box.minLon); x <= tile(box.maxLon); x += 1) {
    for (let y = tile(box.minLat); y <= tile(box.maxLat); y += 1) cells.push(`${x}:${y}`);
  }
  return cells;
}

function boxesMeet(a: BoundingBox, b: BoundingBox): boolean {
  return a.minLon <= b.maxLon && b.minLon <= a.maxLon && a.minLat <= b.maxLat && b.minLat <= a.maxLat;
}

/** Whether a point lies in a polygon; a point on the boundary counts as inside, one in a hole does not. */
export function containsPoint(polygon: GridPolygon, lon: number, lat: number): boolean {
  const box = boundingBox(polygon);
  if (lon < box.minLon || lon > box.maxLon || lat < box.minLat || lat > box.maxLat) return false;
  return booleanPointInPolygon(point([lon, lat]), asFeature(polygon));
}

/** Area in square metres on the WGS-84 sphere (holes subtracted). */
export function polygonAreaM2(polygon: GridPolygon): number {
  return area(asFeature(polygon));
}

/** The area two polygons share, in m²; 0 when they only touch along an edge or not at all. */
export function overlapArea(a: GridPolygon, b: GridPolygon): number {
  if (!boxesMeet(boundingBox(a), boundingBox(b))) return 0;
  const shared = intersect(featureCollection([asFeature(a), asFeature(b)]));
  return shared ? area(shared) : 0;
}

/** Whether two polygons share more than `toleranceM2` of area (drawing noise along a shared edge is allowed). */
export function overlapsSignificantly(a: GridPolygon, b: GridPolygon, toleranceM2 = 10): boolean {
  return overlapArea(a, b) > toleranceM2;
}

/** The union of polygons as one polygon, or null when they do not make one connected area. */
export function unionOf(polygons: readonly GridPolygon[]): GridPolygon | null {
  const [first] = polygons;
  if (!first) return null;
  if (polygons.length === 1) return first;
  const merged = union(featureCollection(polygons.map(asFeature)));
  if (!merged) return null;
  const geometry = merged.geometry;
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates as LonLat[][] };
  // Pieces that only touch at a corner come back as a multipolygon: not one grid.
  if (geometry.coordinates.length === 1 && geometry.coordinates[0]) return { type: 'Polygon', coordinates: geometry.coordinates[0] as LonLat[][] };
  return null;
}
