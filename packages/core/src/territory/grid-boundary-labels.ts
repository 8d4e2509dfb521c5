// Why a drawn grid boundary was refused, in the reader's language.
import type { Locale } from '../i18n/locale.js';
import type { GridBoundaryProblem } from './grid-geometry.js';

export const GRID_BOUNDARY_PROBLEM_LABELS: Readonly<Record<GridBoundaryProblem, Record<Locale, string>>> = {
  not_polygon: { 'zh-CN': '不是一个多边形', 'en-US': 'it is not a single polygon' },
  too_few_points: { 'zh-CN': '边界点太少（至少 3 个不同的点）', 'en-US': 'too few points (at least 3 distinct ones)' },
  ring_not_closed: { 'zh-CN': '边界没有闭合（首尾点须相同）', 'en-US': 'the ring is not closed (first and last points must match)' },
  out_of_range: { 'zh-CN': '坐标超出经纬度范围', 'en-US': 'a coordinate is out of longitude/latitude range' },
  self_intersecting: { 'zh-CN': '边界自相交', 'en-US': 'the boundary crosses itself' },
  zero_area: { 'zh-CN': '面积为零', 'en-US': 'it has no area' },
  hole_outside: { 'zh-CN': '内部空洞超出了外边界', 'en-US': 'a hole lies outside the outer boundary' },
  too_large: { 'zh-CN': '范围过大（东西或南北超过约 50 公里），不像一个网格', 'en-US': 'it is too large for a grid (over about 50 km across)' },
};

export function describeBoundaryProblem(problem: unknown, locale: Locale): string | null {
  if (typeof problem !== 'string' || !Object.hasOwn(GRID_BOUNDARY_PROBLEM_LABELS, problem)) return null;
  return GRID_BOUNDARY_PROBLEM_LABELS[problem as GridBoundaryProblem][locale];
}
