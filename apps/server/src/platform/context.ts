// What every service needs, passed explicitly: configuration, the database, the audit trail and
// a clock that tests can move forward.
import type { AppConfig } from './config.js';
import type { Db } from '../db/database.js';
import { createAuditTrail, type AuditTrail } from './audit.js';
import { hashAlgorithmOf } from './crypto.js';
import { outboxSmsSender, type SmsSender } from './sms.js';
import { createFieldCrypto, loadKeyRing, type FieldCrypto } from './field-crypto.js';

export type Clock = () => number;

export interface AppContext {
  readonly config: AppConfig;
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditTrail;
  readonly sms: SmsSender;
  /** Seals sensitive fields; the key ring is read (or made) on first use. */
  fieldCrypto(): FieldCrypto;
}

export function createContext(config: AppConfig, db: Db, clock: Clock = Date.now): AppContext {
  let fieldCrypto: FieldCrypto | undefined;
  return {
    config,
    db,
    clock,
    audit: createAuditTrail(db.kysely, db.kind, hashAlgorithmOf(config.cryptoSuite), clock),
    sms: outboxSmsSender,
    fieldCrypto: () => (fieldCrypto ??= createFieldCrypto(config.cryptoSuite, loadKeyRing(config.keyFile, config.dataDir))),
  };
}
