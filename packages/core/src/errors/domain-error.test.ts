// Services refuse work by throwing a DomainError with a catalogue code; the server recognises it
// and answers the code's status and message.
import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from './domain-error.js';

describe('DomainError', () => {
  it('carries the code and the details a message needs', () => {
    const error = new DomainError('USERNAME_TAKEN', { username: 'grid01' });
    expect(error.code).toBe('USERNAME_TAKEN');
    expect(error.details).toEqual({ username: 'grid01' });
  });

  it('has empty details when none are given', () => {
    expect(new DomainError('FORBIDDEN').details).toEqual({});
  });

  it('is an Error with a name, a message naming the code and a stack', () => {
    const error = new DomainError('ACCOUNT_LOCKED', { minutes: 15 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.message).toBe('ACCOUNT_LOCKED');
    expect(error.stack).toContain('DomainError');
  });

  it('can be thrown and caught like any error', () => {
    const refuse = (): never => {
      throw new DomainError('NOT_FOUND', { id: 'x' });
    };
    expect(refuse).toThrow(DomainError);
    expect(refuse).toThrow('NOT_FOUND');
  });
});

describe('isDomainError', () => {
  it('recognises a DomainError', () => {
    expect(isDomainError(new DomainError('INTERNAL', { requestId: 'r1' }))).toBe(true);
  });

  it('does not mistake other errors or look-alike objects for one', () => {
    expect(isDomainError(new Error('NOT_FOUND'))).toBe(false);
    expect(isDomainError(new TypeError('x'))).toBe(false);
    expect(isDomainError({ name: 'DomainError', code: 'NOT_FOUND', details: {} })).toBe(false);
    expect(isDomainError('NOT_FOUND')).toBe(false);
    expect(isDomainError(null)).toBe(false);
    expect(isDomainError(undefined)).toBe(false);
  });
});
