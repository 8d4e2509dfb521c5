// Every error answers one envelope, and the health endpoint one shape.
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, errorTemplate } from '../errors/error-catalogue.js';
import { toFieldIssues } from '../errors/validation-messages.js';
import { ErrorResponseSchema, FieldIssueSchema, HealthSchema } from './common.schema.js';

describe('ErrorResponseSchema', () => {
  it('accepts an error with a code, a message and empty details', () => {
    expect(
      Value.Check(ErrorResponseSchema, {
        error: { code: 'UNAUTHENTICATED', message: '请先登录', details: {} },
      }),
    ).toBe(true);
  });

  it('accepts details of any shape, such as the field issues of a failed validation', () => {
    const fields = toFieldIssues(
      'body',
      [{ keyword: 'required', instancePath: '', params: { missingProperty: 'password' } }],
      'zh-CN',
    );
    expect(
      Value.Check(ErrorResponseSchema, {
        error: { code: 'VALIDATION_FAILED', message: '提交的内容有误', details: { fields, summary: 'x' } },
      }),
    ).toBe(true);
  });

  it('fits every code of the catalogue', () => {
    for (const code of Object.keys(ERROR_CATALOGUE) as (keyof typeof ERROR_CATALOGUE)[]) {
      const body = { error: { code, message: errorTemplate(code, 'en-US'), details: {} } };
      expect(Value.Check(ErrorResponseSchema, body)).toBe(true);
    }
  });

  it('refuses an error without details, code or message', () => {
    expect(Value.Check(ErrorResponseSchema, { error: { code: 'FORBIDDEN', message: 'no' } })).toBe(false);
    expect(Value.Check(ErrorResponseSchema, { error: { message: 'no', details: {} } })).toBe(false);
    expect(Value.Check(ErrorResponseSchema, { error: { code: 'FORBIDDEN', details: {} } })).toBe(false);
  });

  it('refuses a bare error that is not wrapped in { error }', () => {
    expect(Value.Check(ErrorResponseSchema, { code: 'FORBIDDEN', message: 'no', details: {} })).toBe(false);
  });

  it('refuses details that are not an object', () => {
    expect(
      Value.Check(ErrorResponseSchema, { error: { code: 'FORBIDDEN', message: 'no', details: 'x' } }),
    ).toBe(false);
  });
});

describe('FieldIssueSchema', () => {
  it('accepts the issues that toFieldIssues makes', () => {
    const issues = toFieldIssues(
      'querystring',
      [{ keyword: 'maximum', instancePath: '/limit', params: { limit: 500 } }],
      'en-US',
    );
    expect(issues).toHaveLength(1);
    for (const issue of issues) expect(Value.Check(FieldIssueSchema, issue)).toBe(true);
  });

  it('refuses an issue without a message', () => {
    expect(Value.Check(FieldIssueSchema, { field: 'body.username', rule: 'required' })).toBe(false);
  });
});

describe('HealthSchema', () => {
  it('accepts a healthy answer on either database', () => {
    for (const database of ['sqlite', 'postgres']) {
      expect(
        Value.Check(HealthSchema, { status: 'ok', database, migration: '0001_initial', version: '0.1.0' }),
      ).toBe(true);
    }
  });

  it('refuses a status or a database it does not know', () => {
    const healthy = { status: 'ok', database: 'sqlite', migration: '0001_initial', version: '0.1.0' };
    expect(Value.Check(HealthSchema, { ...healthy, status: 'degraded' })).toBe(true);
    expect(Value.Check(HealthSchema, { ...healthy, status: 'down' })).toBe(false);
    expect(Value.Check(HealthSchema, { ...healthy, database: 'mysql' })).toBe(false);
  });
});
