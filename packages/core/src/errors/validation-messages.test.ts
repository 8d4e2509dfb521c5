// A form shows each message beside its field: schema violations (as Ajv reports them to the
// server) become one message per field, in the reader's language.
import { describe, expect, it } from 'vitest';
import type { FieldIssue, SchemaViolation } from './validation-messages.js';
import { summarizeIssues, toFieldIssues } from './validation-messages.js';

function violation(
  keyword: string,
  instancePath: string,
  params: Record<string, unknown> = {},
): SchemaViolation {
  return { keyword, instancePath, params };
}

describe('toFieldIssues', () => {
  describe('a sign-in form submitted without a password', () => {
    const missing = [violation('required', '', { missingProperty: 'password' })];

    it('points at the missing field, not at the object that lacks it', () => {
      expect(toFieldIssues('body', missing, 'en-US')).toEqual([
        { field: 'body.password', rule: 'required', message: 'is required' },
      ]);
    });

    it('says so in Chinese to a zh-CN reader', () => {
      expect(toFieldIssues('body', missing, 'zh-CN')).toEqual([
        { field: 'body.password', rule: 'required', message: '必填' },
      ]);
    });

    it('appends the missing property below a nested object', () => {
      const [issue] = toFieldIssues(
        'body',
        [violation('required', '/members/2', { missingProperty: 'role' })],
        'en-US',
      );
      expect(issue?.field).toBe('body.members.2.role');
    });
  });

  it('names a field the schema does not accept', () => {
    expect(
      toFieldIssues(
        'body',
        [violation('additionalProperties', '', { additionalProperty: 'isAdmin' })],
        'zh-CN',
      ),
    ).toEqual([{ field: 'body.isAdmin', rule: 'additionalProperties', message: '不是可接受的字段' }]);
    expect(
      toFieldIssues(
        'querystring',
        [violation('additionalProperties', '', { additionalProperty: 'page' })],
        'en-US',
      ),
    ).toEqual([
      { field: 'querystring.page', rule: 'additionalProperties', message: 'is not an accepted field' },
    ]);
  });

  it('tells the minimum length of a too-short field', () => {
    const violations = [violation('minLength', '/username', { limit: 3 })];
    expect(toFieldIssues('body', violations, 'en-US')).toEqual([
      { field: 'body.username', rule: 'minLength', message: 'must have at least 3 characters' },
    ]);
    expect(toFieldIssues('body', violations, 'zh-CN')[0]?.message).toBe('至少 3 个字符');
  });

  it.each<[string, number, string, string]>([
    ['maxLength', 64, 'must have at most 64 characters', '最多 64 个字符'],
    ['minimum', 1, 'must be at least 1', '不能小于 1'],
    ['maximum', 500, 'must be at most 500', '不能大于 500'],
    ['minItems', 1, 'must have at least 1 items', '至少 1 项'],
    ['maxItems', 50, 'must have at most 50 items', '最多 50 项'],
  ])('tells the limit of %s (%i) in both languages', (keyword, limit, english, chinese) => {
    const violations = [violation(keyword, '/x', { limit })];
    expect(toFieldIssues('body', violations, 'en-US')[0]?.message).toBe(english);
    expect(toFieldIssues('body', violations, 'zh-CN')[0]?.message).toBe(chinese);
  });

  it.each<[string, string, string]>([
    ['string', 'must be of type string', '类型应为文本'],
    ['integer', 'must be of type integer', '类型应为整数'],
    ['number', 'must be of type number', '类型应为数字'],
    ['boolean', 'must be of type boolean', '类型应为是/否'],
    ['object', 'must be of type object', '类型应为对象'],
    ['array', 'must be of type array', '类型应为列表'],
    ['null', 'must be of type null', '类型应为空值'],
  ])('names the expected type %s in the reader’s words', (type, english, chinese) => {
    const violations = [violation('type', '/limit', { type })];
    expect(toFieldIssues('querystring', violations, 'en-US')).toEqual([
      { field: 'querystring.limit', rule: 'type', message: english },
    ]);
    expect(toFieldIssues('querystring', violations, 'zh-CN')[0]?.message).toBe(chinese);
  });

  it('shows an unknown type name as it is', () => {
    expect(toFieldIssues('body', [violation('type', '/x', { type: 'bigint' })], 'zh-CN')[0]?.message).toBe(
      '类型应为bigint',
    );
  });

  it.each<[string, string, string]>([
    ['date-time', 'is not a valid date-time', '不是有效的日期时间'],
    ['date', 'is not a valid date', '不是有效的日期'],
    ['email', 'is not a valid email address', '不是有效的电子邮箱'],
    ['uuid', 'is not a valid identifier', '不是有效的编号'],
    ['uri', 'is not a valid URL', '不是有效的网址'],
    ['ipv4', 'is not a valid ipv4', '不是有效的ipv4'],
  ])('names the expected format %s in the reader’s words', (format, english, chinese) => {
    const violations = [violation('format', '/from', { format })];
    expect(toFieldIssues('querystring', violations, 'en-US')[0]?.message).toBe(english);
    expect(toFieldIssues('querystring', violations, 'zh-CN')[0]?.message).toBe(chinese);
  });

  it.each<[string, string, string]>([
    ['pattern', 'has the wrong format', '格式不正确'],
    ['enum', 'is not one of the allowed values', '不是允许的取值'],
    ['const', 'is not one of the allowed values', '不是允许的取值'],
    ['anyOf', 'is not one of the allowed values', '不是允许的取值'],
  ])('explains a %s violation without parameters', (keyword, english, chinese) => {
    expect(toFieldIssues('body', [violation(keyword, '/role')], 'en-US')[0]?.message).toBe(english);
    expect(toFieldIssues('body', [violation(keyword, '/role')], 'zh-CN')[0]?.message).toBe(chinese);
  });

  it('falls back to a general message for a keyword it has no words for', () => {
    const violations = [violation('uniqueItems', '/categories', { i: 1, j: 0 })];
    expect(toFieldIssues('body', violations, 'en-US')).toEqual([
      { field: 'body.categories', rule: 'uniqueItems', message: 'is invalid' },
    ]);
    expect(toFieldIssues('body', violations, 'zh-CN')[0]?.message).toBe('不符合要求');
  });

  it('never leaves a bare placeholder when a parameter is missing', () => {
    for (const keyword of ['type', 'format', 'minLength']) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        expect(toFieldIssues('body', [violation(keyword, '/x')], locale)[0]?.message).not.toMatch(/\{\w+\}/);
      }
    }
  });

  describe('field paths', () => {
    it('turns a nested JSON pointer into a dotted path', () => {
      expect(
        toFieldIssues('body', [violation('minLength', '/members/0/name', { limit: 1 })], 'en-US')[0]?.field,
      ).toBe('body.members.0.name');
    });

    it('names the request part alone for a violation of the whole part', () => {
      expect(toFieldIssues('body', [violation('type', '', { type: 'object' })], 'en-US')[0]?.field).toBe(
        'body',
      );
    });

    it.each(['body', 'querystring', 'params', 'headers'] as const)(
      'starts with the request part %s',
      (part) => {
        expect(toFieldIssues(part, [violation('pattern', '/id')], 'en-US')[0]?.field).toBe(`${part}.id`);
      },
    );

    it('unescapes ~1 to a slash and ~0 to a tilde', () => {
      const [slash, tilde, both] = toFieldIssues(
        'body',
        [
          violation('type', '/links/a~1b', { type: 'string' }),
          violation('type', '/links/c~0d', { type: 'string' }),
          violation('type', '/links/~01', { type: 'string' }),
        ],
        'en-US',
      );
      expect(slash?.field).toBe('body.links.a/b');
      expect(tilde?.field).toBe('body.links.c~d');
      // RFC 6901: "~01" is "~1" written out, not a slash.
      expect(both?.field).toBe('body.links.~1');
    });
  });

  describe('one message per field', () => {
    it('keeps only the first of several violations of a union on one field', () => {
      const anyOfBranches = [
        violation('type', '/departmentId', { type: 'string' }),
        violation('type', '/departmentId', { type: 'null' }),
        violation('anyOf', '/departmentId'),
      ];
      expect(toFieldIssues('body', anyOfBranches, 'en-US')).toEqual([
        { field: 'body.departmentId', rule: 'type', message: 'must be of type string' },
      ]);
    });

    it('keeps one message for each of several fields, in the order reported', () => {
      const issues = toFieldIssues(
        'body',
        [
          violation('minLength', '/username', { limit: 1 }),
          violation('required', '', { missingProperty: 'password' }),
          violation('maxLength', '/username', { limit: 64 }),
          violation('additionalProperties', '', { additionalProperty: 'remember' }),
        ],
        'en-US',
      );
      expect(issues.map((issue) => issue.field)).toEqual(['body.username', 'body.password', 'body.remember']);
    });

    it('tells two missing properties apart although both are reported at the root', () => {
      const issues = toFieldIssues(
        'body',
        [
          violation('required', '', { missingProperty: 'username' }),
          violation('required', '', { missingProperty: 'password' }),
        ],
        'zh-CN',
      );
      expect(issues).toHaveLength(2);
    });

    it('answers nothing for no violations', () => {
      expect(toFieldIssues('body', [], 'zh-CN')).toEqual([]);
    });
  });
});

describe('summarizeIssues', () => {
  const issues: FieldIssue[] = [
    { field: 'body.username', rule: 'minLength', message: 'must have at least 1 characters' },
    { field: 'body.password', rule: 'required', message: 'is required' },
  ];

  it('joins the issues with a semicolon and a space for en-US readers', () => {
    expect(summarizeIssues(issues, 'en-US')).toBe(
      'body.username must have at least 1 characters; body.password is required',
    );
  });

  it('joins the issues with a full-width semicolon for zh-CN readers', () => {
    const chinese = toFieldIssues(
      'body',
      [
        violation('minLength', '/username', { limit: 1 }),
        violation('required', '', { missingProperty: 'password' }),
      ],
      'zh-CN',
    );
    expect(summarizeIssues(chinese, 'zh-CN')).toBe('body.username 至少 1 个字符；body.password 必填');
  });

  it('is empty when there is nothing to say, and a single issue needs no separator', () => {
    expect(summarizeIssues([], 'zh-CN')).toBe('');
    expect(summarizeIssues(issues.slice(0, 1), 'en-US')).toBe(
      'body.username must have at least 1 characters',
    );
  });
});
