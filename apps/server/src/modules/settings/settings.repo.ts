// SQL for the county's settings: read some by key (with the name of who set them), write one.
import type { Executor } from '../../db/schema.js';
import type { CountySettingTable } from '../../db/tables/setting.table.js';

export function settingsByKeys(db: Executor, keys: readonly string[]) {
  return db
    .selectFrom('county_setting')
    .leftJoin('account', 'account.id', 'county_setting.updated_by')
    .select(['county_setting.key', 'county_setting.value', 'county_setting.updated_by', 'county_setting.updated_at', 'account.display_name'])
    .where('county_setting.key', 'in', [...keys])
    .execute();
}

export async function putSetting(db: Executor, row: CountySettingTable): Promise<void> {
  await db
    .insertInto('county_setting')
    .values(row)
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: row.value, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}
