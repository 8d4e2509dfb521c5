// Sign-in and session payloads: the console and the field app type their calls with these.
import { Type, type Static } from 'typebox';
import { ROLES } from '../access/roles.js';
import { LOCALES } from '../i18n/locale.js';

export const RoleSchema = Type.Enum([...ROLES]);
export const LocaleSchema = Type.Enum([...LOCALES]);

export const SignInBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBodySchema>;

export const CurrentUserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  orgPath: Type.String(),
  mustChangePassword: Type.Boolean(),
  locale: LocaleSchema,
});
export type CurrentUser = Static<typeof CurrentUserSchema>;

export const SessionSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  ip: Type.String(),
  userAgent: Type.String(),
  current: Type.Boolean(),
});
export type Session = Static<typeof SessionSchema>;

export const ChangePasswordBodySchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 128 }),
    newPassword: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBodySchema>;
