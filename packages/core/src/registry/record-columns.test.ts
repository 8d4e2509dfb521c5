import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from './credit-code.js';
import { mapRecordHeaders, readRecordRow, recordColumns } from './record-columns.js';

const CODE17 = '91511124MA62ABCDE';
const CREDIT_CODE = CODE17 + creditCodeCheckCharacter(CODE17);

describe('record workbook columns', () => {
  it('gives each kind its own key and extra columns', () => {
    expect(recordColumns('organisation').map((column) => column.key)).toEqual(['id', 'name', 'category', 'key', 'address', 'village', 'grid', 'state', 'stateReason', 'contactName', 'contactPhone', 'legalRepresentative', 'staffCount', 'lon', 'lat']);
    expect(recordColumns('house').some((column) => column.key === 'key')).toBe(false);
    expect(recordColumns('household').find((column) => column.key === 'key')?.header['zh-CN']).toBe('户号');
  });

  it('maps Chinese, English and key headers, starred or not, and names the required ones missing', () => {
    const mapped = mapRecordHeaders('organisation', ['*组织名称', 'Organisation type', '统一社会信用代码', 'village', '网格']);
    expect(mapped.columns).toMatchObject({ name: 0, category: 1, key: 2, village: 3, grid: 4 });
    expect(mapped.missing).toEqual([]);
    expect(mapRecordHeaders('facility', ['部件名称', '地址']).missing).toEqual(['category', 'village', 'grid']);
  });

  it('reads a good organisation row, canonicalising the credit code, the phone and the grid code', () => {
    const read = readRecordRow('organisation', {
      name: ' 马踏农机合作社 ',
      category: '企业',
      key: CREDIT_CODE.toLowerCase(),
      village: '马踏村',
      grid: 'ｇ２',
      contactPhone: '138 0000 1234',
      staffCount: '12',
      lon: '104.0151',
      lat: '29.5042',
    });
    expect(read).toEqual({
      ok: true,
      row: expect.objectContaining({ name: '马踏农机合作社', category: 'enterprise', key: CREDIT_CODE, grid: 'G02', contactPhone: '13800001234', staffCount: 12, lon: 104.0151, lat: 29.5042, state: null, id: null }),
    });
  });

  it('reports every problem of a row at once, each with its column', () => {
    const read = readRecordRow('organisation', {
      name: '',
      category: '工厂',
      key: CODE17 + (creditCodeCheckCharacter(CODE17) === '0' ? '1' : '0'),
      village: '马踏村',
      grid: 'G01',
      state: '已关闭',
      staffCount: '-3',
      lon: '200',
      lat: '29.5',
      contactPhone: '12345',
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual(
      expect.arrayContaining([
        { column: 'name', problem: 'required' },
        { column: 'category', problem: 'unknown_value' },
        { column: 'key', problem: 'check_character' },
        { column: 'stateReason', problem: 'end_reason_required' },
        { column: 'staffCount', problem: 'number' },
        { column: 'lon', problem: 'coordinates' },
      ]),
    );
    expect(read.problems.some((problem) => problem.column === 'contactPhone')).toBe(true);
  });

  it('takes any household number as it is, and a state by its label with a reason', () => {
    const read = readRecordRow('household', { name: '张三户', category: '家庭户', key: 'HH-0001', village: '511124101001', grid: '一组', state: '已销户', stateReason: '全户迁出' });
    expect(read).toEqual({ ok: true, row: expect.objectContaining({ key: 'HH-0001', state: 'dissolved', stateReason: '全户迁出', grid: '一组' }) });
    expect(readRecordRow('facility', { name: '井盖', category: '井盖', village: 'x', grid: 'G01', lon: '104.1' })).toEqual({ ok: false, problems: [{ column: 'lat', problem: 'required' }] });
  });
});
