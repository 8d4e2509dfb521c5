// Grid boundaries as a township draws them on a map near 井研县: what is a valid grid, when two
// overlap, what a merge makes, and which grid a GPS point is in.
import { describe, expect, it } from 'vitest';
import { GRID_BOUNDARY_PROBLEM_LABELS } from './grid-boundary-labels.js';
import {
  GRID_BOUNDARY_PROBLEMS,
  boundingBox,
  cellOf,
  cellsOf,
  containsPoint,
  overlapArea,
  overlapsSignificantly,
  polygonAreaM2,
  unionOf,
  validateGridBoundary,
  type GridPolygon,
  type LonLat,
} from './grid-geometry.js';

function square(lon: number, lat: number, size = 0.01): GridPolygon {
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]] };
}

describe('checking a drawn boundary', () => {
  it('accepts a square, a Feature holding one, and drops altitudes', () => {
    expect(validateGridBoundary(square(104.06, 29.65))).toEqual({ ok: true, polygon: square(104.06, 29.65) });
    expect(validateGridBoundary({ type: 'Feature', properties: {}, geometry: square(104.06, 29.65) })).toMatchObject({ ok: true });
    const withAltitude = { type: 'Polygon', coordinates: [[[104, 29, 400], [104.01, 29, 400], [104.01, 29.01, 400], [104, 29, 400]]] };
    const checked = validateGridBoundary(withAltitude);
    expect(checked.ok && checked.polygon.coordinates[0]?.[0]).toEqual([104, 29]);
  });

  it('accepts a hole inside, and refuses one outside', () => {
    const hole: LonLat[] = [[104.062, 29.652], [104.064, 29.652], [104.064, 29.654], [104.062, 29.652]];
    const outer = square(104.06, 29.65).coordinates[0] ?? [];
    expect(validateGridBoundary({ type: 'Polygon', coordinates: [outer, hole] })).toMatchObject({ ok: true });
    const away: LonLat[] = [[104.2, 29.8], [104.21, 29.8], [104.21, 29.81], [104.2, 29.8]];
    expect(validateGridBoundary({ type: 'Polygon', coordinates: [outer, away] })).toMatchObject({ ok: false, problem: 'hole_outside', ring: 1 });
  });

  it.each([
    ['a point', { type: 'Point', coordinates: [104, 29] }, 'not_polygon'],
    ['nothing', null, 'not_polygon'],
    ['text in a position', { type: 'Polygon', coordinates: [[['104', 29]]] }, 'not_polygon'],
    ['two points', { type: 'Polygon', coordinates: [[[104, 29], [104.01, 29], [104, 29]]] }, 'too_few_points'],
    ['an open ring', { type: 'Polygon', coordinates: [[[104, 29], [104.01, 29], [104.01, 29.01], [104, 29.01]]] }, 'ring_not_closed'],
    ['latitude 95', { type: 'Polygon', coordinates: [[[104, 95], [104.01, 29], [104.01, 29.01], [104, 95]]] }, 'out_of_range'],
    ['a bow tie', { type: 'Polygon', coordinates: [[[104.1, 29.6], [104.11, 29.61], [104.11, 29.6], [104.1, 29.61], [104.1, 29.6]]] }, 'self_intersecting'],
    ['three points in a row', { type: 'Polygon', coordinates: [[[104, 29], [104.01, 29], [104.02, 29], [104, 29]]] }, 'zero_area'],
    ['a whole county', square(103.5, 29.2, 0.8), 'too_large'],
  ])('refuses %s (%s)', (_name, input, problem) => {
    expect(validateGridBoundary(input)).toMatchObject({ ok: false, problem });
  });

  it('says which position is out of range', () => {
    expect(validateGridBoundary({ type: 'Polygon', coordinates: [[[104, 29], [190, 29], [104.01, 29.01], [104, 29]]] })).toEqual({ ok: false, problem: 'out_of_range', ring: 0, position: 1 });
  });

  it('has words for every problem in both languages', () => {
    for (const problem of GRID_BOUNDARY_PROBLEMS) {
      expect(GRID_BOUNDARY_PROBLEM_LABELS[problem]['zh-CN']).not.toBe('');
      expect(GRID_BOUNDARY_PROBLEM_LABELS[problem]['en-US']).not.toBe('');
    }
  });
});

describe('areas, overlaps and unions', () => {
  it('measures a 0.01° square near 井研县 at about 1.07 km²', () => {
    const area = polygonAreaM2(square(104.06, 29.65));
    expect(area).toBeGreaterThan(1_030_000);
    expect(area).toBeLessThan(1_110_000);
  });

  it('finds no overlap between squares that share an edge, and the shared area of overlapping ones', () => {
    expect(overlapArea(square(104.06, 29.65), square(104.07, 29.65))).toBeLessThan(1);
    expect(overlapArea(square(104.06, 29.65), square(104.2, 29.8))).toBe(0);
    const quarter = overlapArea(square(104.06, 29.65), square(104.065, 29.655));
    expect(quarter / polygonAreaM2(square(104.06, 29.65))).toBeCloseTo(0.25, 2);
    expect(overlapsSignificantly(square(104.06, 29.65), square(104.065, 29.655))).toBe(true);
    expect(overlapsSignificantly(square(104.06, 29.65), square(104.07, 29.65))).toBe(false);
  });

  it('merges touching squares into one polygon, and refuses squares far apart', () => {
    const merged = unionOf([square(104.06, 29.65), square(104.07, 29.65)]);
    expect(merged?.type).toBe('Polygon');
    expect(polygonAreaM2(merged ?? square(0, 0))).toBeCloseTo(polygonAreaM2(square(104.06, 29.65)) * 2, -3);
    expect(unionOf([square(104.06, 29.65), square(104.2, 29.8)])).toBeNull();
    expect(unionOf([square(104.06, 29.65)])).toEqual(square(104.06, 29.65));
    expect(unionOf([])).toBeNull();
  });
});

describe('finding a point', () => {
  const grid = square(104.06, 29.65);

  it('counts a point inside or on the edge as in the grid, and one outside or in a hole as not', () => {
    expect(containsPoint(grid, 104.065, 29.655)).toBe(true);
    expect(containsPoint(grid, 104.06, 29.655)).toBe(true);
    expect(containsPoint(grid, 104.075, 29.655)).toBe(false);
    const holed: GridPolygon = { type: 'Polygon', coordinates: [grid.coordinates[0] ?? [], [[104.062, 29.652], [104.064, 29.652], [104.064, 29.654], [104.062, 29.654], [104.062, 29.652]]] };
    expect(containsPoint(holed, 104.063, 29.653)).toBe(false);
  });

  it('lists a grid under every tile its box touches, so a point inside always finds its tile there', () => {
    const box = boundingBox(grid);
    expect([box.minLon, box.minLat, box.maxLon, box.maxLat].map((value) => value.toFixed(6))).toEqual(['104.060000', '29.650000', '104.070000', '29.660000']);
    const cells = cellsOf(boundingBox(grid));
    for (const [lon, lat] of [[104.06, 29.65], [104.0699, 29.6599], [104.065, 29.655], [104.07, 29.66]] as const) {
      expect(cells).toContain(cellOf(lon, lat));
    }
    expect(cells.length).toBeLessThanOrEqual(9);
  });
});
