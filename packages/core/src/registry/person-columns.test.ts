import { describe, expect, it } from 'vitest';
import { mapPersonHeaders, readPersonRow } from './person-columns.js';

const TODAY = '2026-11-25';
const good = { name: ' 张三 ', idNumber: '５１１１２４１９８００１０１００１０', residenceStatus: '户籍人口', village: '511124101201', grid: 'g1' };

describe('the people workbook', () => {
  it('finds its columns by Chinese or English header, with or without the required star', () => {
    const { columns, missing } = mapPersonHeaders(['*姓名', 'Document number', '人口类型', '村（社区）', '网格', '备注']);
    expect(columns).toEqual({ name: 0, idNumber: 1, residenceStatus: 2, village: 3, grid: 4 });
    expect(missing).toEqual([]);
    expect(mapPersonHeaders(['姓名', '证件号码']).missing).toEqual(['residenceStatus', 'village', 'grid']);
  });

  it('reads a row as typed in Excel: full-width digits, spaces, labels and a short grid code', () => {
    const read = readPersonRow({ ...good, tags: '残疾人、低保对象', phone: '138 0000 1234', birthDate: '', gender: '男' }, TODAY);
    expect(read).toEqual({
      ok: true,
      row: {
        name: '张三',
        idType: 'resident_id',
        idNumber: '511124198001010010',
        gender: 'male',
        ethnicity: null,
        birthDate: '1980-01-01',
        phone: '13800001234',
        hukouPlace: null,
        address: null,
        residenceStatus: 'registered',
        tags: ['disabled', 'low_income'],
        village: '511124101201',
        grid: 'G01',
      },
    });
  });

  it('reports every problem of a row at once, each with its column', () => {
    const read = readPersonRow({ name: '', idNumber: '511124198001010011', gender: '女', phone: '12345', residenceStatus: '常住', tags: '五保户', village: '马踏村', grid: 'G01' }, TODAY);
    expect(read).toEqual({
      ok: false,
      problems: [
        { column: 'name', problem: 'required' },
        { column: 'idNumber', problem: 'check_digit' },
        { column: 'phone', problem: 'mobile_length' },
        { column: 'residenceStatus', problem: 'unknown_value' },
        { column: 'tags', problem: 'unknown_value' },
      ],
    });
  });

  it('refuses a gender that contradicts the ID number', () => {
    expect(readPersonRow({ ...good, gender: '女' }, TODAY)).toEqual({ ok: false, problems: [{ column: 'gender', problem: 'gender_mismatch' }] });
  });

  it('takes birth date and gender from the cells for other documents, in the date forms Excel users type', () => {
    for (const birthDate of ['1990-02-03', '1990/2/3', '1990年2月3日', '19900203', '１９９０.０２.０３']) {
      const read = readPersonRow({ ...good, idType: '护照', idNumber: 'e 1234 5678', gender: '女', birthDate }, TODAY);
      expect(read).toMatchObject({ ok: true, row: { idType: 'passport', idNumber: 'E12345678', gender: 'female', birthDate: '1990-02-03' } });
    }
    expect(readPersonRow({ ...good, idType: '护照', idNumber: 'E1234', birthDate: '1990-02-30' }, TODAY)).toEqual({ ok: false, problems: [{ column: 'birthDate', problem: 'date' }] });
  });
});
