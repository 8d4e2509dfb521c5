// Department payloads.
import { Type, type Static } from 'typebox';
import { DEPARTMENT_KINDS } from '../departments/department-kinds.js';
import { EVENT_CATEGORY_CODE_PATTERN } from '../events/event-categories.js';
import { ORG_PATH_PATTERN } from './account.schema.js';

const CategoryCodes = Type.Array(Type.String({ pattern: EVENT_CATEGORY_CODE_PATTERN }), {
  maxItems: 50,
  uniqueItems: true,
});

export const DepartmentSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Enum([...DEPARTMENT_KINDS]),
  orgPath: Type.String(),
  categories: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  staff: Type.Array(
    Type.Object({
      id: Type.String(),
      displayName: Type.String(),
      role: Type.String(),
      lastSignInAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type Department = Static<typeof DepartmentSchema>;

export const CreateDepartmentBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.Enum([...DEPARTMENT_KINDS]),
    orgPath: Type.String({
      pattern: ORG_PATH_PATTERN,
      maxLength: 255,
      description: 'the township or county it serves',
    }),
    categories: CategoryCodes,
  },
  { additionalProperties: false },
);
export type CreateDepartmentBody = Static<typeof CreateDepartmentBodySchema>;

export const UpdateDepartmentBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    categories: Type.Optional(CategoryCodes),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDepartmentBody = Static<typeof UpdateDepartmentBodySchema>;
