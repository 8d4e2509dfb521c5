// The audit trail (等保 安全审计): who did what to which record, when and from where. Entries are
// appended in the same transaction as the change they describe, each hashing the previous one,
// so that `gridwork audit verify` finds any entry changed or removed afterwards.
import { sql, type Kysely, type Transaction } from 'kysely';
import { canonicalJson, newId, type AuditAction, type AuditOutcome } from '@gridwork/core';
import type { Database } from '../db/schema.js';
import type { AuditLogTable } from '../db/tables/audit.table.js';
import type { DatabaseKind } from './config.js';
import { digestHex, type HashAlgorithm } from './crypto.js';

export const GENESIS_HASH = '0'.repeat(64);

/** Any lock key will do as long as every server uses the same one. */
const AUDIT_LOCK_KEY = 7_311_2019;

export interface AuditActor {
  readonly id: string | null;
  readonly username: string | null;
  readonly role: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface AuditEntryInput {
  readonly action: AuditAction;
  readonly outcome?: AuditOutcome;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly orgPath?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** The fields a hash covers: everything but the hash itself. */
export function hashedContent(row: Omit<AuditLogTable, 'hash'>): string {
  return canonicalJson({
    seq: row.seq,
    id: row.id,
    at: row.at,
    actor_id: row.actor_id,
    actor_username: row.actor_username,
    actor_role: row.actor_role,
    action: row.action,
    outcome: row.outcome,
    object_type: row.object_type,
    object_id: row.object_id,
    org_path: row.org_path,
    ip: row.ip,
    user_agent: row.user_agent,
    details: row.details,
    hash_alg: row.hash_alg,
    prev_hash: row.prev_hash,
  });
}

export function entryHash(row: Omit<AuditLogTable, 'hash'>): string {
  return digestHex(row.hash_alg, `${row.prev_hash}\n${hashedContent(row)}`);
}

export interface AuditTrail {
  /** Appends within the caller's transaction; call it inside `db.transaction()`. */
  append(trx: Transaction<Database>, actor: AuditActor, entry: AuditEntryInput): Promise<void>;
  /** Appends in a transaction of its own, for events with no other write (denials, failures). */
  appendAlone(actor: AuditActor, entry: AuditEntryInput): Promise<void>;
}

export function createAuditTrail(
  db: Kysely<Database>,
  dialect: DatabaseKind,
  algorithm: HashAlgorithm,
  clock: () => number,
): AuditTrail {
  async function append(
    trx: Transaction<Database>,
    actor: AuditActor,
    entry: AuditEntryInput,
  ): Promise<void> {
    // Serialise appenders across every server: the chain needs one writer at a time. SQLite
    // transactions already run one at a time on the single connection.
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
    const last = await lastEntry(trx);
    const row: Omit<AuditLogTable, 'hash'> = {
      seq: (last?.seq ?? 0) + 1,
      id: newId(),
      at: new Date(clock()).toISOString(),
      actor_id: actor.id,
      actor_username: actor.username,
      actor_role: actor.role,
      action: entry.action,
      outcome: entry.outcome ?? 'ok',
      object_type: entry.objectType ?? null,
      object_id: entry.objectId ?? null,
      org_path: entry.orgPath ?? null,
      ip: actor.ip?.slice(0, 64) ?? null,
      user_agent: actor.userAgent?.slice(0, 512) ?? null,
      details: canonicalJson(entry.details ?? {}),
      hash_alg: algorithm,
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    await trx
      .insertInto('audit_log')
      .values({ ...row, hash: entryHash(row) })
      .execute();
  }

  return {
    append,
    appendAlone: (actor, entry) => db.transaction().execute((trx) => append(trx, actor, entry)),
  };
}

function lastEntry(db: Executor) {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface ChainReport {
  readonly entries: number;
  readonly ok: boolean;
  /** The first entry whose hash, link or sequence number is wrong. */
  readonly brokenAt: number | null;
  readonly reason: 'hash_mismatch' | 'broken_link' | 'missing_entry' | null;
}

/** Walks the whole chain in pages; memory stays flat however long the trail is. */
export async function verifyAuditChain(db: Executor, pageSize = 1000): Promise<ChainReport> {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let entries = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { entries, ok: false, brokenAt: expectedSeq, reason: 'missing_entry' };
      if (row.prev_hash !== previousHash) return { entries, ok: false, brokenAt: seq, reason: 'broken_link' };
      const { hash, ...rest } = row;
      if (entryHash({ ...rest, seq }) !== hash)
        return { entries, ok: false, brokenAt: seq, reason: 'hash_mismatch' };
      previousHash = hash;
      expectedSeq += 1;
      entries += 1;
    }
    if (page.length < pageSize) return { entries, ok: true, brokenAt: null, reason: null };
  }
}
