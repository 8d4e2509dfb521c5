// Settings the county changes at run time. See migration 0011 for why each column exists.

export interface CountySettingTable {
  /** e.g. `reverify_days.facility`. */
  key: string;
  /** JSON. */
  value: string;
  /** The account that set it. */
  updated_by: string | null;
  updated_at: string;
}
