// Public surface of @gridwork/core: pure rules, schemas and catalogues, no I/O.
export * from './i18n/locale.js';
export * from './errors/error-catalogue.js';
export * from './errors/domain-error.js';
export * from './errors/validation-messages.js';
export * from './ids/uuidv7.js';
export * from './time/utc.js';
export * from './access/roles.js';
export * from './access/password-policy.js';
export * from './schemas/common.schema.js';
export * from './schemas/auth.schema.js';
export * from './access/permissions.js';
export * from './audit/canonical-json.js';
export * from './audit/audit-actions.js';
export * from './schemas/account.schema.js';
export * from './schemas/audit.schema.js';
