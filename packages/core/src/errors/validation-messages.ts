// Turns schema-validation failures into field-level messages in the caller's language, so that a
// form can show each message beside its field. The input shape is Ajv's (Fastify's validator): a
// keyword, a JSON pointer and the keyword's parameters (missingProperty, additionalProperty, …).
import type { Locale } from '../i18n/locale.js';
import { interpolate } from '../i18n/locale.js';

export interface SchemaViolation {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export type RequestPart = 'body' | 'querystring' | 'params' | 'headers';

export interface FieldIssue {
  /** Dotted path of the field, e.g. `body.username` or `body.members.0.name`. */
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

const RULE_MESSAGES: Record<string, Record<Locale, string>> = {
  required: { 'zh-CN': '必填', 'en-US': 'is required' },
  type: { 'zh-CN': '类型应为{type}', 'en-US': 'must be of type {type}' },
  minLength: { 'zh-CN': '至少 {limit} 个字符', 'en-US': 'must have at least {limit} characters' },
  maxLength: { 'zh-CN': '最多 {limit} 个字符', 'en-US': 'must have at most {limit} characters' },
  minimum: { 'zh-CN': '不能小于 {limit}', 'en-US': 'must be at least {limit}' },
  maximum: { 'zh-CN': '不能大于 {limit}', 'en-US': 'must be at most {limit}' },
  minItems: { 'zh-CN': '至少 {limit} 项', 'en-US': 'must have at least {limit} items' },
  maxItems: { 'zh-CN': '最多 {limit} 项', 'en-US': 'must have at most {limit} items' },
  pattern: { 'zh-CN': '格式不正确', 'en-US': 'has the wrong format' },
  format: { 'zh-CN': '不是有效的{format}', 'en-US': 'is not a valid {format}' },
  enum: { 'zh-CN': '不是允许的取值', 'en-US': 'is not one of the allowed values' },
  const: { 'zh-CN': '不是允许的取值', 'en-US': 'is not one of the allowed values' },
  anyOf: { 'zh-CN': '不是允许的取值', 'en-US': 'is not one of the allowed values' },
  additionalProperties: { 'zh-CN': '不是可接受的字段', 'en-US': 'is not an accepted field' },
};

const TYPE_NAMES: Record<string, Record<Locale, string>> = {
  string: { 'zh-CN': '文本', 'en-US': 'string' },
  integer: { 'zh-CN': '整数', 'en-US': 'integer' },
  number: { 'zh-CN': '数字', 'en-US': 'number' },
  boolean: { 'zh-CN': '是/否', 'en-US': 'boolean' },
  object: { 'zh-CN': '对象', 'en-US': 'object' },
  array: { 'zh-CN': '列表', 'en-US': 'array' },
  null: { 'zh-CN': '空值', 'en-US': 'null' },
};

const FORMAT_NAMES: Record<string, Record<Locale, string>> = {
  'date-time': { 'zh-CN': '日期时间', 'en-US': 'date-time' },
  date: { 'zh-CN': '日期', 'en-US': 'date' },
  email: { 'zh-CN': '电子邮箱', 'en-US': 'email address' },
  uuid: { 'zh-CN': '编号', 'en-US': 'identifier' },
  uri: { 'zh-CN': '网址', 'en-US': 'URL' },
};

const FALLBACK: Record<Locale, string> = { 'zh-CN': '不符合要求', 'en-US': 'is invalid' };

function pointerToPath(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function fieldOf(part: RequestPart, violation: SchemaViolation): string {
  const segments = pointerToPath(violation.instancePath);
  const params = violation.params;
  if (violation.keyword === 'required' && typeof params['missingProperty'] === 'string') {
    segments.push(params['missingProperty']);
  }
  if (violation.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
    segments.push(params['additionalProperty']);
  }
  return [part, ...segments].join('.');
}

function describe(violation: SchemaViolation, locale: Locale): string {
  const templates = RULE_MESSAGES[violation.keyword];
  if (!templates) return FALLBACK[locale];
  const params = violation.params;
  const type = typeof params['type'] === 'string' ? params['type'] : '';
  const format = typeof params['format'] === 'string' ? params['format'] : '';
  const limit = typeof params['limit'] === 'number' ? params['limit'] : '';
  return interpolate(templates[locale], {
    type: TYPE_NAMES[type]?.[locale] ?? type,
    format: FORMAT_NAMES[format]?.[locale] ?? format,
    limit,
  });
}

/**
 * One issue per field: a union that fails produces several violations for the same path (one per
 * branch), of which the first says enough.
 */
export function toFieldIssues(
  part: RequestPart,
  violations: readonly SchemaViolation[],
  locale: Locale,
): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const violation of violations) {
    const field = fieldOf(part, violation);
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ field, rule: violation.keyword, message: describe(violation, locale) });
  }
  return issues;
}

export function summarizeIssues(issues: readonly FieldIssue[], locale: Locale): string {
  const separator = locale === 'zh-CN' ? '；' : '; ';
  return issues.map((issue) => `${issue.field} ${issue.message}`).join(separator);
}
