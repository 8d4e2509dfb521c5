// Payloads of training (教育培训): sessions with their materials, attendance by sign-in sheet or QR
// code, the worker's own trainings, compliance against the county's rules, and those rules.
import { Type, type Static } from 'typebox';
import { ROLES } from '../access/roles.js';
import { AttachmentIdsSchema, AttachmentRefSchema } from './attachment.schema.js';
import {
  ATTENDANCE_METHODS,
  TRAINING_KINDS,
  TRAINING_SESSION_STATUSES,
} from '../training/training-kinds.js';

const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
/** A day that exists: format 'date' refuses 2026-02-30, the pattern keeps it to YYYY-MM-DD. */
const Day = Type.String({ format: 'date', pattern: DATE_PATTERN, description: 'YYYY-MM-DD (Asia/Shanghai)' });
const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:mm (Asia/Shanghai)' });
const Id = Type.String({ minLength: 1, maxLength: 36 });
const OrgPath = Type.String({ pattern: '^/(\\w+/)+$', maxLength: 255 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });

export const TrainingKindSchema = Type.Enum([...TRAINING_KINDS], {
  description: 'ethics 职业素养, skills 专业知识和技能, hierarchical 层级培训, department 部门培训, study_visit 外出学习考察',
});
export const TrainingSessionStatusSchema = Type.Enum([...TRAINING_SESSION_STATUSES]);
export const AttendanceMethodSchema = Type.Enum([...ATTENDANCE_METHODS], { description: 'sheet 签到表, qr 扫码签到' });

export const TrainingAudienceSchema = Type.Object(
  {
    roles: Type.Array(Type.Enum([...ROLES]), { maxItems: 11, uniqueItems: true }),
    orgPaths: Type.Array(OrgPath, { maxItems: 200, uniqueItems: true, description: 'Townships or villages invited' }),
    departmentIds: Type.Array(Id, { maxItems: 200, uniqueItems: true }),
  },
  { additionalProperties: false, description: 'Who is invited; an empty list does not narrow' },
);
export type TrainingAudienceBody = Static<typeof TrainingAudienceSchema>;

export const TrainingSessionSchema = Type.Object({
  id: Type.String(),
  kind: TrainingKindSchema,
  topic: Type.String(),
  date: Type.String(),
  startTime: Type.String(),
  endTime: Type.String(),
  place: Type.String(),
  trainer: Type.String(),
  organiserPath: Type.String({ description: 'The county or township that organises it' }),
  organiserName: Type.String(),
  audience: TrainingAudienceSchema,
  status: TrainingSessionStatusSchema,
  materials: Type.Array(AttachmentRefSchema),
  attendanceCount: Type.Integer(),
  signInToken: Nullable(Type.String({ description: 'For the QR code; only organisers see it' })),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type TrainingSession = Static<typeof TrainingSessionSchema>;

const sessionFields = {
  kind: TrainingKindSchema,
  topic: Text(200),
  date: Day,
  startTime: Time,
  endTime: Time,
  place: Text(200),
  trainer: Text(100),
  audience: TrainingAudienceSchema,
  materialIds: AttachmentIdsSchema,
};

export const CreateTrainingSessionBodySchema = Type.Object(
  {
    ...sessionFields,
    audience: Type.Optional(sessionFields.audience),
    materialIds: Type.Optional(sessionFields.materialIds),
  },
  { additionalProperties: false },
);
export type CreateTrainingSessionBody = Static<typeof CreateTrainingSessionBodySchema>;

export const UpdateTrainingSessionBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version read; a stale one answers 409' }),
    kind: Type.Optional(sessionFields.kind),
    topic: Type.Optional(sessionFields.topic),
    date: Type.Optional(sessionFields.date),
    startTime: Type.Optional(sessionFields.startTime),
    endTime: Type.Optional(sessionFields.endTime),
    place: Type.Optional(sessionFields.place),
    trainer: Type.Optional(sessionFields.trainer),
    audience: Type.Optional(sessionFields.audience),
    materialIds: Type.Optional(sessionFields.materialIds),
    status: Type.Optional(TrainingSessionStatusSchema),
  },
  { additionalProperties: false, minProperties: 2 },
);
export type UpdateTrainingSessionBody = Static<typeof UpdateTrainingSessionBodySchema>;

export const TrainingSessionListQuerySchema = Type.Object(
  {
    kind: Type.Optional(TrainingKindSchema),
    status: Type.Optional(TrainingSessionStatusSchema),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    after: Type.Optional(Type.String({ maxLength: 200, description: 'Keyset cursor: the nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type TrainingSessionListQuery = Static<typeof TrainingSessionListQuerySchema>;

export const TrainingSessionPageSchema = Type.Object({
  items: Type.Array(TrainingSessionSchema),
  nextCursor: Nullable(Type.String()),
});
export type TrainingSessionPage = Static<typeof TrainingSessionPageSchema>;

export const TrainingAttendanceSchema = Type.Object({
  sessionId: Type.String(),
  accountId: Type.String(),
  accountName: Type.String(),
  role: Type.Enum([...ROLES]),
  orgPath: Type.String(),
  unitName: Type.String({ description: 'The village, township or department of the account' }),
  how: AttendanceMethodSchema,
  at: Type.String({ description: 'When the attendee signed in (a QR check-in made offline: when it was made)' }),
  recordedBy: Type.String(),
  recordedByName: Type.String(),
});
export type TrainingAttendance = Static<typeof TrainingAttendanceSchema>;

export const TrainingAttendanceListSchema = Type.Object({ items: Type.Array(TrainingAttendanceSchema) });
export type TrainingAttendanceList = Static<typeof TrainingAttendanceListSchema>;

export const RecordAttendanceBodySchema = Type.Object(
  { accountIds: Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true }) },
  { additionalProperties: false },
);
export type RecordAttendanceBody = Static<typeof RecordAttendanceBodySchema>;

export const RecordAttendanceResultSchema = Type.Object({
  added: Type.Integer({ description: 'Accounts newly marked present' }),
  alreadyPresent: Type.Integer({ description: 'Accounts that were present already (counted once)' }),
  items: Type.Array(TrainingAttendanceSchema, { description: 'Everyone present now' }),
});
export type RecordAttendanceResult = Static<typeof RecordAttendanceResultSchema>;

export const TrainingInviteeSchema = Type.Object({
  accountId: Type.String(),
  name: Type.String(),
  role: Type.Enum([...ROLES]),
  orgPath: Type.String(),
  unitName: Type.String(),
  invited: Type.Boolean({ description: 'In the session’s audience (others in scope may attend too)' }),
  present: Type.Boolean(),
});
export type TrainingInvitee = Static<typeof TrainingInviteeSchema>;
export const TrainingInviteeQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50, description: 'Part of a name or user name' })),
    invitedOnly: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TrainingInviteeQuery = Static<typeof TrainingInviteeQuerySchema>;
export const TrainingInviteeListSchema = Type.Object({ items: Type.Array(TrainingInviteeSchema) });

export const CheckInBodySchema = Type.Object(
  {
    sessionId: Id,
    token: Type.String({ minLength: 1, maxLength: 64, description: 'The token in the session’s QR code' }),
    clientKey: Type.String({ minLength: 8, maxLength: 64, description: 'Made by the phone; a retry answers the first result' }),
    at: Type.Optional(Type.String({ format: 'date-time', description: 'When the worker signed in (offline: sent later)' })),
  },
  { additionalProperties: false },
);
export type CheckInBody = Static<typeof CheckInBodySchema>;

export const CheckInSessionQuerySchema = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

/** What the check-in screen shows before the worker signs in. */
export const CheckInSessionSchema = Type.Object({
  id: Type.String(),
  kind: TrainingKindSchema,
  topic: Type.String(),
  date: Type.String(),
  startTime: Type.String(),
  endTime: Type.String(),
  place: Type.String(),
  trainer: Type.String(),
  organiserName: Type.String(),
  status: TrainingSessionStatusSchema,
  materials: Type.Array(AttachmentRefSchema),
  myAttendance: Nullable(Type.Object({ how: AttendanceMethodSchema, at: Type.String() })),
});
export type CheckInSession = Static<typeof CheckInSessionSchema>;
