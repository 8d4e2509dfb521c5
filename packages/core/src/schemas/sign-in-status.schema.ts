// Whether every township, village and department signed in on a day (每天定时登录).
import { Type, type Static } from 'typebox';
import { DATE_PATTERN } from '../time/shanghai-day.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const SignInStatusQuerySchema = Type.Object(
  {
    date: Type.Optional(
      Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD in Asia/Shanghai; today by default' }),
    ),
  },
  { additionalProperties: false },
);

export const UnitSignInSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  path: Type.String(),
  accounts: Type.Integer({ description: 'enabled accounts of the unit' }),
  signedIn: Type.Boolean({ description: 'some account of the unit signed in on the day' }),
  lastSignInAt: Nullable(Type.String()),
});

export const SignInStatusSchema = Type.Object({
  date: Type.String(),
  units: Type.Array(UnitSignInSchema),
  departments: Type.Array(UnitSignInSchema),
});
export type SignInStatus = Static<typeof SignInStatusSchema>;
