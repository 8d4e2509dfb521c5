// Records kept on a person beyond the registry card: special-population records (特殊人群), whose
// category and details are among the most sensitive data the platform holds, and assistance
// targets (帮扶对象) with the measures taken. Neither is ever deleted: a record ends, with a reason.
import { Type, type Static } from 'typebox';
import type { Locale } from '../i18n/locale.js';

export const SPECIAL_POPULATION_CATEGORIES = ['released_prisoner', 'community_correction', 'drug_user', 'severe_mental_disorder', 'aids_at_risk', 'key_youth'] as const;
export type SpecialPopulationCategory = (typeof SPECIAL_POPULATION_CATEGORIES)[number];

export const SPECIAL_POPULATION_CATEGORY_LABELS: Readonly<Record<SpecialPopulationCategory, Record<Locale, string>>> = {
  released_prisoner: { 'zh-CN': '刑满释放人员', 'en-US': 'Released prisoner' },
  community_correction: { 'zh-CN': '社区矫正对象', 'en-US': 'Under community correction' },
  drug_user: { 'zh-CN': '吸毒人员', 'en-US': 'Drug user' },
  severe_mental_disorder: { 'zh-CN': '严重精神障碍患者', 'en-US': 'Severe mental disorder' },
  aids_at_risk: { 'zh-CN': '艾滋病危险人员', 'en-US': 'At risk of HIV/AIDS' },
  key_youth: { 'zh-CN': '重点青少年', 'en-US': 'Key youth' },
};

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const ASSISTANCE_KINDS = ['minimum_living', 'extreme_poverty', 'disability', 'difficult_child', 'elderly_alone', 'temporary_relief', 'other'] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];

export const ASSISTANCE_KIND_LABELS: Readonly<Record<AssistanceKind, Record<Locale, string>>> = {
  minimum_living: { 'zh-CN': '低保', 'en-US': 'Minimum living allowance' },
  extreme_poverty: { 'zh-CN': '特困供养', 'en-US': 'Extreme poverty support' },
  disability: { 'zh-CN': '残疾人帮扶', 'en-US': 'Disability support' },
  difficult_child: { 'zh-CN': '困境儿童关爱', 'en-US': 'Children in difficulty' },
  elderly_alone: { 'zh-CN': '孤寡老人关爱', 'en-US': 'Elderly living alone' },
  temporary_relief: { 'zh-CN': '临时救助', 'en-US': 'Temporary relief' },
  other: { 'zh-CN': '其他帮扶', 'en-US': 'Other assistance' },
};

const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const Day = Type.String({ format: 'date', pattern: DATE_PATTERN, description: 'YYYY-MM-DD' });
const Id = Type.String({ minLength: 1, maxLength: 36 });

export const CreateSpecialPopulationBodySchema = Type.Object(
  {
    category: Type.Enum([...SPECIAL_POPULATION_CATEGORIES]),
    riskLevel: Type.Enum([...RISK_LEVELS]),
    supervisingUnit: Type.String({ minLength: 1, maxLength: 100, description: 'Who supervises: 司法所, 派出所, 卫生院…' }),
    startDate: Day,
    endDate: Type.Optional(Day),
    details: Type.Optional(Type.String({ maxLength: 2000, description: 'Sealed at rest; shown only to roles with person.special' })),
  },
  { additionalProperties: false },
);
export type CreateSpecialPopulationBody = Static<typeof CreateSpecialPopulationBodySchema>;

export const UpdateSpecialPopulationBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    riskLevel: Type.Optional(Type.Enum([...RISK_LEVELS])),
    supervisingUnit: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    endDate: Type.Optional(Day),
    details: Type.Optional(Type.String({ maxLength: 2000 })),
    /** Ending a record (endDate on or before today) needs a reason. */
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 2 },
);
export type UpdateSpecialPopulationBody = Static<typeof UpdateSpecialPopulationBodySchema>;

export const SpecialPopulationSchema = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  idNumber: Type.Union([Type.String({ description: 'Masked' }), Type.Null()]),
  path: Type.String(),
  category: Type.Enum([...SPECIAL_POPULATION_CATEGORIES]),
  riskLevel: Type.Enum([...RISK_LEVELS]),
  supervisingUnit: Type.String(),
  startDate: Type.String(),
  endDate: Type.Union([Type.String(), Type.Null()]),
  endReason: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type SpecialPopulationView = Static<typeof SpecialPopulationSchema>;

export const SpecialPopulationListQuerySchema = Type.Object(
  {
    category: Type.Optional(Type.Enum([...SPECIAL_POPULATION_CATEGORIES])),
    riskLevel: Type.Optional(Type.Enum([...RISK_LEVELS])),
    villageId: Type.Optional(Id),
    active: Type.Optional(Type.Boolean()),
    after: Type.Optional(Type.String({ maxLength: 36 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type SpecialPopulationListQuery = Static<typeof SpecialPopulationListQuerySchema>;

export const CreateAssistanceBodySchema = Type.Object(
  {
    kind: Type.Enum([...ASSISTANCE_KINDS]),
    measures: Type.String({ minLength: 1, maxLength: 1000, description: 'What is done: allowance, visits, care arrangements…' }),
    startDate: Day,
    endDate: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type CreateAssistanceBody = Static<typeof CreateAssistanceBodySchema>;

export const UpdateAssistanceBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    measures: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    endDate: Type.Optional(Day),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 2 },
);
export type UpdateAssistanceBody = Static<typeof UpdateAssistanceBodySchema>;

export const AssistanceSchema = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  kind: Type.Enum([...ASSISTANCE_KINDS]),
  measures: Type.String(),
  startDate: Type.String(),
  endDate: Type.Union([Type.String(), Type.Null()]),
  endReason: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type AssistanceView = Static<typeof AssistanceSchema>;
