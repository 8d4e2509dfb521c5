// Text messages to accounts' phones. Services hand messages to an SmsSender inside their own
// transaction; the default sender writes them to the sms_outbox table, from which a gateway
// (the county's SMS platform) delivers them and stamps sent_at. Another sender plugs in here.
import { newId } from '@gridwork/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

export interface SmsMessage {
  readonly accountId: string;
  readonly text: string;
}

export interface SmsSender {
  send(trx: Transaction<Database> | Kysely<Database>, messages: readonly SmsMessage[], at: string): Promise<void>;
}

/** Every message is signed with the platform's name, as SMS gateways in China require. */
export const SMS_SIGNATURE = '【网格平台】';

export const outboxSmsSender: SmsSender = {
  async send(trx, messages, at) {
    if (messages.length === 0) return;
    await trx
      .insertInto('sms_outbox')
      .values(messages.map((message) => ({ id: newId(), account_id: message.accountId, text: `${SMS_SIGNATURE}${message.text}`.slice(0, 500), created_at: at, sent_at: null })))
      .execute();
  },
};
