// Imports of the registry's workbooks, as the console follows them: a job with its progress in
// percent, its counts, and the workbook of the rows it refused.
import { Type, type Static } from 'typebox';
import { RECORD_KINDS } from '../registry/registry-kinds.js';

/** People, and each kind of record beside them. */
export const IMPORT_KINDS = ['person', ...RECORD_KINDS] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** Largest workbook accepted: 1 M people as CSV take about 150 MB. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export const StartImportQuerySchema = Type.Object(
  {
    kind: Type.Enum([...IMPORT_KINDS]),
    fileName: Type.String({ minLength: 1, maxLength: 200, description: 'The name of the file as the user chose it; .xlsx or .csv' }),
    dryRun: Type.Optional(Type.Boolean({ description: 'Check every row and count what would change, without writing anything' })),
  },
  { additionalProperties: false },
);
export type StartImportQuery = Static<typeof StartImportQuerySchema>;

export const ImportJobSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum([...IMPORT_KINDS]),
  dryRun: Type.Boolean(),
  fileName: Type.String(),
  status: Type.Enum([...IMPORT_JOB_STATUSES]),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  rows: Type.Integer({ description: 'Data rows read so far' }),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type ImportJobView = Static<typeof ImportJobSchema>;
