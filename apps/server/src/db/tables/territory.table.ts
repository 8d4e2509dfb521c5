// The territory: county → township → village/community/resident group → grid, one table, each
// row with its materialised path so that scope filters are prefix range scans.
import type { DepartmentKind, OrgUnitKind } from '@gridwork/core';

/** Kinds of unit, county down to grid. */
export type OrgUnitKindColumn = OrgUnitKind;

export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKindColumn;
  parent_id: string | null;
  path: string;
  depth: number;
  boundary: string | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A 0.01° tile a grid's bounding box touches: the spatial index for finding a point's grid. */
export interface GridCellTable {
  cell: string;
  grid_id: string;
}

export interface GridWorkerTable {
  grid_id: string;
  account_id: string;
  assigned_at: string;
}

export interface DepartmentTable {
  id: string;
  name: string;
  kind: DepartmentKind;
  /** The township or county the department serves: the scope of its work. */
  org_path: string;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DepartmentCategoryTable {
  department_id: string;
  category_code: string;
}
