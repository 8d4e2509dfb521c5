// Payloads of training compliance (培训达标): the county's rules, what a person attended against
// them period by period, the worker's own trainings, and who is short per township and village.
import { Type, type Static } from 'typebox';
import { ROLES } from '../access/roles.js';
import {
  TRAINING_PERIODS,
  TRAINING_RULE_AUDIENCES,
  TRAINING_RULE_MINIMUM_MAX,
  TRAINING_RULES_MAX,
} from '../training/training-compliance.js';
import { AttendanceMethodSchema, TrainingKindSchema } from './training.schema.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const TrainingRuleSchema = Type.Object(
  {
    kind: TrainingKindSchema,
    audience: Type.Enum([...TRAINING_RULE_AUDIENCES], { description: 'grid_worker 网格员, department_staff 部门领导和经办人员' }),
    minimum: Type.Integer({ minimum: 1, maximum: TRAINING_RULE_MINIMUM_MAX }),
    per: Type.Enum([...TRAINING_PERIODS]),
  },
  { additionalProperties: false },
);

export const PeriodComplianceSchema = Type.Object({
  key: Type.String({ description: '2026 or 2026-Q3' }),
  from: Type.String(),
  to: Type.String(),
  required: Type.Integer(),
  attended: Type.Integer(),
  shortBy: Type.Integer(),
  ended: Type.Boolean(),
});
export const RuleComplianceSchema = Type.Object({
  kind: TrainingKindSchema,
  audience: TrainingRuleSchema.properties.audience,
  per: TrainingRuleSchema.properties.per,
  minimum: Type.Integer(),
  required: Type.Integer(),
  attended: Type.Integer({ description: 'Sessions that count: at most the minimum in each period' }),
  shortBy: Type.Integer(),
  periods: Type.Array(PeriodComplianceSchema),
});

export const MyTrainingSchema = Type.Object({
  sessionId: Type.String(),
  kind: TrainingKindSchema,
  topic: Type.String(),
  date: Type.String(),
  startTime: Type.String(),
  place: Type.String(),
  how: Nullable(AttendanceMethodSchema),
  at: Nullable(Type.String()),
});
export const MyTrainingsSchema = Type.Object({
  year: Type.Integer(),
  attended: Type.Array(MyTrainingSchema),
  upcoming: Type.Array(MyTrainingSchema, { description: 'Sessions I am invited to, today or later' }),
  compliance: Type.Array(RuleComplianceSchema),
});
export type MyTrainings = Static<typeof MyTrainingsSchema>;
export const MyTrainingsQuerySchema = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);

export const TrainingSettingsSchema = Type.Object({
  rules: Type.Array(TrainingRuleSchema, { maxItems: TRAINING_RULES_MAX }),
  updatedBy: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  updatedAt: Nullable(Type.String()),
});
export type TrainingSettings = Static<typeof TrainingSettingsSchema>;
export const UpdateTrainingSettingsBodySchema = Type.Object(
  { rules: Type.Array(TrainingRuleSchema, { maxItems: TRAINING_RULES_MAX }) },
  { additionalProperties: false },
);
export type UpdateTrainingSettingsBody = Static<typeof UpdateTrainingSettingsBodySchema>;

export const TrainingComplianceQuerySchema = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    township: Type.Optional(Type.String({ pattern: '^\\d{9}$', description: 'A township’s 9-digit code' })),
    village: Type.Optional(Type.String({ pattern: '^\\d{12}$', description: 'A village’s 12-digit code' })),
    kind: Type.Optional(TrainingKindSchema),
  },
  { additionalProperties: false },
);
export type TrainingComplianceQuery = Static<typeof TrainingComplianceQuerySchema>;

export const TrainingShortPersonSchema = Type.Object({
  accountId: Type.String(),
  name: Type.String(),
  role: Type.Enum([...ROLES]),
  townshipName: Type.String(),
  villageName: Type.String({ description: 'Empty for department staff' }),
  departmentName: Type.String({ description: 'Empty for grid workers' }),
  rules: Type.Array(RuleComplianceSchema, { description: 'The rules this person is short of' }),
});
export type TrainingShortPerson = Static<typeof TrainingShortPersonSchema>;

export const TrainingUnitTotalsSchema = Type.Object({
  path: Type.String(),
  name: Type.String(),
  level: Type.Enum(['township', 'village']),
  people: Type.Integer({ description: 'People held to a rule' }),
  short: Type.Integer({ description: 'People short of at least one rule' }),
  shortBy: Type.Integer({ description: 'Trainings missing, summed' }),
});
export type TrainingUnitTotals = Static<typeof TrainingUnitTotalsSchema>;

export const TrainingComplianceSchema = Type.Object({
  year: Type.Integer(),
  asOf: Type.String({ description: 'The Shanghai date the open periods are counted to' }),
  rules: Type.Array(TrainingRuleSchema),
  people: Type.Integer(),
  short: Type.Array(TrainingShortPersonSchema),
  units: Type.Array(TrainingUnitTotalsSchema),
});
export type TrainingCompliance = Static<typeof TrainingComplianceSchema>;
