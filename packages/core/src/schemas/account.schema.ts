// Account administration payloads (console and API share them).
import { Type, type Static } from 'typebox';
import { RoleSchema } from './auth.schema.js';

export const USERNAME_PATTERN = '^[A-Za-z0-9._-]{3,64}$';
export const ORG_PATH_PATTERN = '^/([0-9A-Za-z]+/)*$';

export const AccountSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  orgPath: Type.String(),
  departmentId: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  lastSignInAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type Account = Static<typeof AccountSchema>;

export const AccountListQuerySchema = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    orgPath: Type.Optional(Type.String({ pattern: ORG_PATH_PATTERN, maxLength: 255 })),
    departmentId: Type.Optional(Type.String({ maxLength: 36 })),
    q: Type.Optional(Type.String({ maxLength: 64 })),
    includeDisabled: Type.Optional(Type.Boolean()),
    after: Type.Optional(
      Type.String({ maxLength: 64, description: 'username of the last row of the previous page' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type AccountListQuery = Static<typeof AccountListQuerySchema>;

export const CreateAccountBodySchema = Type.Object(
  {
    username: Type.String({ pattern: USERNAME_PATTERN }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    role: RoleSchema,
    orgPath: Type.String({ pattern: ORG_PATH_PATTERN, maxLength: 255 }),
    departmentId: Type.Optional(Type.String({ maxLength: 36 })),
    password: Type.String({
      minLength: 1,
      maxLength: 128,
      description: 'initial password; must be changed at first sign-in',
    }),
  },
  { additionalProperties: false },
);
export type CreateAccountBody = Static<typeof CreateAccountBodySchema>;

export const UpdateAccountBodySchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    orgPath: Type.Optional(Type.String({ pattern: ORG_PATH_PATTERN, maxLength: 255 })),
    departmentId: Type.Optional(Type.Union([Type.String({ maxLength: 36 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAccountBody = Static<typeof UpdateAccountBodySchema>;

export const AssignRoleBodySchema = Type.Object({ role: RoleSchema }, { additionalProperties: false });
export const ResetPasswordBodySchema = Type.Object(
  { newPassword: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
export const HandoverBodySchema = Type.Object(
  { toAccountId: Type.String({ minLength: 1, maxLength: 36 }) },
  { additionalProperties: false },
);

export const HandoverResultSchema = Type.Object({
  fromAccountId: Type.String(),
  toAccountId: Type.String(),
  moved: Type.Record(Type.String(), Type.Integer(), {
    description: 'how many items of each kind moved, e.g. grids',
  }),
});
export type HandoverResult = Static<typeof HandoverResultSchema>;
