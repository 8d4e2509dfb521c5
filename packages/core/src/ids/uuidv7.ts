// Record ids are UUIDv7: time-ordered (good B-tree locality on both databases) and makeable
// offline by the field app, so a phone can name a record before the server has seen it.
import { v7, validate, version } from 'uuid';

export function newId(): string {
  return v7();
}

export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7;
}

export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
