// Reads the tables township offices keep, a row at a time, so a file of a million rows never sits
// in memory: CSV in UTF-8 (with or without a BOM) or GB18030 (what Excel on a Chinese Windows PC
// writes), and the first worksheet of an .xlsx workbook through exceljs's streaming reader. The
// bytes read so far give the progress of the import that reads them.
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export type TableFileType = 'csv' | 'xlsx';

export interface TableRow {
  /** The row's line (CSV) or row number (worksheet), as the user sees it in the file; the header is row 1. */
  readonly number: number;
  readonly cells: string[];
}

export interface TableSource {
  readonly rows: AsyncIterable<TableRow>;
  /** Bytes of the file read so far. */
  bytesRead(): number;
}

export class TableFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TableFileError';
  }
}

/** The type of a file from its name; null when it is neither a workbook nor CSV. */
export function tableFileTypeOf(fileName: string): TableFileType | null {
  const lower = fileName.trim().toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** UTF-8 when the first chunk decodes as UTF-8, otherwise GB18030. */
export function detectTextEncoding(firstChunk: Uint8Array): 'utf-8' | 'gb18030' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(firstChunk, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function decodingTransform(onBytes: (count: number) => void): Transform {
  let decoder: TextDecoder | null = null;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes(chunk.length);
      decoder ??= new TextDecoder(detectTextEncoding(chunk));
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder?.decode() ?? '');
    },
  });
}

async function* csvRows(file: string, onBytes: (count: number) => void): AsyncGenerator<TableRow> {
  const parser = fs
    .createReadStream(file, { highWaterMark: 1 << 20 })
    .pipe(decodingTransform(onBytes))
    .pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { number: info.lines, cells: record };
    }
  } catch (cause) {
    throw new TableFileError('the CSV file cannot be parsed', { cause });
  }
}

/** A cell as the user sees it: numbers without exponent, dates as YYYY-MM-DD, rich text as its text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e15 ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

async function* xlsxRows(file: string, onBytes: (count: number) => void): AsyncGenerator<TableRow> {
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  input.on('data', (chunk) => onBytes(chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? (row.values as ExcelJS.CellValue[]) : [];
        // exceljs numbers cells from 1: values[0] is always empty.
        yield { number: row.number, cells: values.slice(1).map((value) => cellText(value)) };
      }
      // Only the first worksheet holds data; the template's others are notes and lists.
      break;
    }
  } catch (cause) {
    throw new TableFileError('the workbook cannot be read', { cause });
  } finally {
    input.destroy();
  }
}

export function openTable(file: string, type: TableFileType): TableSource {
  let bytes = 0;
  const onBytes = (count: number) => {
    bytes += count;
  };
  return { rows: type === 'csv' ? csvRows(file, onBytes) : xlsxRows(file, onBytes), bytesRead: () => bytes };
}
