// Large files are read in chunks, and a chunk may end inside a Chinese character: every row must
// still come back exactly as written, from a workbook (exceljs, patched in patches/) and from CSV.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { detectTextEncoding, openTable, tableFileTypeOf } from './table-files.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridwork-table-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rowOf = (index: number) => [`王${index}明`, `马踏村村民委员会${index % 12}组${index}号`, '户籍人口', String(511124198001010000 + index)];

async function readAll(file: string, type: 'csv' | 'xlsx') {
  const rows: string[][] = [];
  for await (const row of openTable(file, type).rows) rows.push(row.cells);
  return rows;
}

describe('reading tables in chunks', () => {
  it('reads every Chinese cell of a large workbook intact', async () => {
    const file = path.join(dir, 'people.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet('人员信息');
    for (let index = 0; index < 3000; index += 1) sheet.addRow(rowOf(index)).commit();
    sheet.commit();
    await workbook.commit();
    const rows = await readAll(file, 'xlsx');
    expect(rows).toHaveLength(3000);
    expect(rows.filter((row) => row.join('').includes('\uFFFD'))).toEqual([]);
    expect(rows[2999]).toEqual(rowOf(2999));
  });

  it('reads a CSV larger than one chunk intact, in UTF-8 and with the row numbers of the file', async () => {
    const file = path.join(dir, 'people.csv');
    const lines = Array.from({ length: 30_000 }, (_, index) => rowOf(index).join(','));
    fs.writeFileSync(file, `\uFEFF${lines.join('\n')}\n`);
    expect(fs.statSync(file).size).toBeGreaterThan(1 << 20);
    const source = openTable(file, 'csv');
    const rows: { number: number; cells: string[] }[] = [];
    for await (const row of source.rows) rows.push(row);
    expect(rows).toHaveLength(30_000);
    expect(rows.filter((row) => row.cells.join('').includes('\uFFFD'))).toEqual([]);
    expect(rows[29_999]).toEqual({ number: 30_000, cells: rowOf(29_999) });
    expect(source.bytesRead()).toBe(fs.statSync(file).size);
  });

  it('tells UTF-8 from GB18030 and workbooks from CSV by name', () => {
    expect(detectTextEncoding(Buffer.from('姓名,证件号码', 'utf8'))).toBe('utf-8');
    expect(detectTextEncoding(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toBe('gb18030');
    expect([tableFileTypeOf('人员.XLSX'), tableFileTypeOf('a.csv'), tableFileTypeOf('a.xls')]).toEqual(['xlsx', 'csv', null]);
  });
});
