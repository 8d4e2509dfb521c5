// Schemas shared by every endpoint: the error envelope and the health answer.
import { Type, type Static } from 'typebox';

export const FieldIssueSchema = Type.Object({
  field: Type.String({ description: 'Dotted path of the field, e.g. body.username' }),
  rule: Type.String(),
  message: Type.String(),
});

export const ErrorResponseSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable code from the error catalogue, e.g. VALIDATION_FAILED' }),
      message: Type.String({ description: "Message in the caller's locale" }),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  },
  { description: 'Every error answers this shape' },
);
export type ErrorResponse = Static<typeof ErrorResponseSchema>;

export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  migration: Type.String({ description: 'Name of the latest applied migration' }),
  version: Type.String(),
});
export type Health = Static<typeof HealthSchema>;
