// The territory: county → township → village/community/resident group → grid, one table, each
// row with its materialised path so that scope filters are prefix range scans.
import type { DepartmentKind } from '@gridwork/core';

/** Kinds of unit, county down to grid (the same union as core's OrgUnitKind). */
export type OrgUnitKindColumn = 'county' | 'township' | 'village' | 'community' | 'resident_group' | 'grid';

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
