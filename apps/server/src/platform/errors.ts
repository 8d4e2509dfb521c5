// The one place where anything thrown becomes HTTP: `{ error: { code, message, details } }` with
// the message in the caller's locale. Nothing else in the server writes an error body.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  describeBoundaryProblem,
  describeRegistryProblem,
  describeEventError,
  describePasswordProblems,
  errorStatus,
  errorTemplate,
  interpolate,
  negotiateLocale,
  summarizeIssues,
  toFieldIssues,
  type ErrorCode,
  type ErrorDetails,
  type Locale,
  type RequestPart,
  type SchemaViolation,
} from '@gridwork/core';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's language, from Accept-Language, else the configured default. */
    locale: Locale;
  }
}

export function installLocale(app: FastifyInstance, fallback: Locale): void {
  app.decorateRequest('locale', fallback);
  app.addHook('onRequest', (request, _reply, done) => {
    request.locale = negotiateLocale(request.headers['accept-language'], fallback);
    done();
  });
}

export function sendError(
  reply: FastifyReply,
  locale: Locale,
  code: ErrorCode,
  details: ErrorDetails = {},
  params: Readonly<Record<string, string | number>> = {},
): FastifyReply {
  const message = interpolate(errorTemplate(code, locale), { ...messageParams(details, locale), ...params });
  return reply
    .code(errorStatus(code))
    .type('application/json; charset=utf-8')
    .send({ error: { code, message, details } });
}

/** Message parameters from details; a few detail kinds are phrased in the reader's language. */
export function messageParams(details: ErrorDetails, locale: Locale): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (Array.isArray(details['problems'])) params['reason'] = describePasswordProblems(details['problems'], locale);
  const boundaryProblem = describeBoundaryProblem(details['problem'], locale);
  if (boundaryProblem) params['reason'] = boundaryProblem;
  const registryProblem = describeRegistryProblem(details['problem'], locale);
  if (registryProblem) params['reason'] = registryProblem;
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  return { ...params, ...describeEventError(details, locale) };
}

const FRAMEWORK_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_JSON_BODY',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

function isRequestPart(value: unknown): value is RequestPart {
  return value === 'body' || value === 'querystring' || value === 'params' || value === 'headers';
}

export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale;
    if (error instanceof DomainError) {
      return sendError(reply, locale, error.code, error.details);
    }
    if (error.validation) {
      const part = isRequestPart(error.validationContext) ? error.validationContext : 'body';
      const fields = toFieldIssues(part, error.validation as readonly SchemaViolation[], locale);
      return sendError(
        reply,
        locale,
        'VALIDATION_FAILED',
        { fields },
        { summary: summarizeIssues(fields, locale) },
      );
    }
    const mapped = error.code ? FRAMEWORK_CODES[error.code] : undefined;
    if (mapped === 'UNSUPPORTED_MEDIA_TYPE') {
      return sendError(reply, locale, mapped, { contentType: request.headers['content-type'] ?? '' });
    }
    if (mapped === 'PAYLOAD_TOO_LARGE') return sendError(reply, locale, mapped, { limit: bodyLimit });
    if (mapped === 'VALIDATION_FAILED') {
      return sendError(reply, locale, mapped, { fields: [] }, { summary: error.message });
    }
    if (mapped) return sendError(reply, locale, mapped);
    if (error instanceof SyntaxError && error.statusCode === 400)
      return sendError(reply, locale, 'MALFORMED_JSON');
    const status = error.statusCode ?? 500;
    const byStatus: Partial<Record<number, ErrorCode>> = {
      401: 'UNAUTHENTICATED',
      403: 'FORBIDDEN',
      404: 'NOT_FOUND',
      429: 'RATE_LIMITED',
    };
    const statusCode = byStatus[status];
    if (statusCode) return sendError(reply, locale, statusCode);
    if (status >= 400 && status < 500) {
      request.log.warn({ code: error.code }, 'client error without a catalogue code');
      return sendError(
        reply,
        locale,
        'VALIDATION_FAILED',
        { fields: [] },
        { summary: error.code ?? String(status) },
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, locale, 'INTERNAL', { requestId: request.id });
  });
}

/**
 * Tells a wrong method (405 with Allow) from an unknown route (404): Fastify answers 404 for both,
 * so the registered paths are kept as patterns to look up.
 */
export function createRouteIndex(app: FastifyInstance): (url: string) => string[] {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    // Catch-all routes (the static apps) match every path and say nothing about methods.
    if (route.url.endsWith('*')) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
    const source = route.url
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : escapeRegExp(segment)))
      .join('/');
    routes.push({ pattern: new RegExp(`^${source}/?$`), methods });
  });
  /** Methods that other routes accept at this URL; empty when the URL is unknown. */
  return (url: string) => {
    const pathOnly = url.split('?')[0] ?? url;
    const allowed = new Set<string>();
    for (const route of routes)
      if (route.pattern.test(pathOnly)) route.methods.forEach((m) => allowed.add(m));
    return [...allowed];
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
