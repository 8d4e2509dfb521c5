// Record ids are UUIDv7, so a phone in a village with no signal can name a report before the
// server sees it, and ids made later sort after ids made earlier.
import { describe, expect, it } from 'vitest';
import { isUuidV7, newId, UUID_PATTERN } from './uuidv7.js';

const UUID_REGEXP = new RegExp(UUID_PATTERN);

/** The Unix milliseconds in the first 48 bits of a UUIDv7. */
function timestampOf(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

describe('newId', () => {
  it('makes a lower-case UUIDv7 of 36 characters', () => {
    const id = newId();
    expect(id).toHaveLength(36);
    expect(id).toBe(id.toLowerCase());
    expect(isUuidV7(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(id).toMatch(UUID_REGEXP);
  });

  it('makes ids that sort in the order they were made, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
  });

  it('never makes the same id twice in 1000 tries', () => {
    const ids = Array.from({ length: 1000 }, () => newId());
    expect(new Set(ids).size).toBe(1000);
  });

  it('writes the current time into the id', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(timestampOf(id)).toBeGreaterThanOrEqual(before);
    expect(timestampOf(id)).toBeLessThanOrEqual(after);
  });

  it('sorts ids made later after ids made earlier, as plain strings, across several milliseconds', () => {
    const ids: string[] = [];
    const start = Date.now();
    while (Date.now() - start < 5 || ids.length < 100) ids.push(newId());
    expect(timestampOf(ids.at(-1) ?? '')).toBeGreaterThan(timestampOf(ids[0] ?? ''));
    for (let i = 1; i < ids.length; i += 1) {
      expect((ids[i - 1] ?? '') < (ids[i] ?? '')).toBe(true);
    }
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('isUuidV7', () => {
  it('accepts a well-formed UUIDv7, in either case', () => {
    expect(isUuidV7('01936b2e-5c3a-7d4f-9a2b-3c4d5e6f7a8b')).toBe(true);
    expect(isUuidV7('01936B2E-5C3A-7D4F-9A2B-3C4D5E6F7A8B')).toBe(true);
  });

  it('refuses a random (v4) uuid and a time-based v1 uuid', () => {
    expect(isUuidV7('9b2f6c1e-4f0a-4c3b-8a1d-2e5f7a9c0b1d')).toBe(false);
    expect(isUuidV7('c232ab00-9414-11ec-b3c8-9f6bdeced846')).toBe(false);
  });

  it.each([
    '',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    '01936b2e5c3a7d4f9a2b3c4d5e6f7a8b',
    '01936b2e-5c3a-7d4f-9a2b-3c4d5e6f7a8',
    '01936b2e-5c3a-7d4f-9a2b-3c4d5e6f7a8bc',
    '01936b2e-5c3a-7d4f-ca2b-3c4d5e6f7a8b',
    '01936b2e-5c3a-7d4f-9a2b-3c4d5e6f7a8g',
    ' 01936b2e-5c3a-7d4f-9a2b-3c4d5e6f7a8b',
  ])('refuses %j', (value) => {
    expect(isUuidV7(value)).toBe(false);
  });
});

describe('UUID_PATTERN', () => {
  it('matches canonical lower-case uuids of versions 1 to 8', () => {
    expect(UUID_REGEXP.test(newId())).toBe(true);
    expect(UUID_REGEXP.test('9b2f6c1e-4f0a-4c3b-8a1d-2e5f7a9c0b1d')).toBe(true);
    expect(UUID_REGEXP.test('01936b2e-5c3a-8d4f-9a2b-3c4d5e6f7a8b')).toBe(true);
  });

  it('is anchored, so that junk around a uuid does not pass', () => {
    expect(UUID_REGEXP.test(`x${newId()}`)).toBe(false);
    expect(UUID_REGEXP.test(`${newId()}x`)).toBe(false);
  });

  it('refuses the nil uuid, a wrong variant and upper-case digits', () => {
    expect(UUID_REGEXP.test('00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(UUID_REGEXP.test('01936b2e-5c3a-7d4f-ca2b-3c4d5e6f7a8b')).toBe(false);
    expect(UUID_REGEXP.test('01936B2E-5C3A-7D4F-9A2B-3C4D5E6F7A8B')).toBe(false);
  });
});
