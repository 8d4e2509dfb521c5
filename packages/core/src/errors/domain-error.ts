// The one exception type services throw; the server maps it to HTTP in one place.
import type { ErrorCode } from './error-catalogue.js';

export type ErrorDetails = Readonly<Record<string, unknown>>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
