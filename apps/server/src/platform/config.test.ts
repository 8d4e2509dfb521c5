import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('runs on embedded SQLite under ./data with safe defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/gridwork');
    expect(config.database).toEqual({ kind: 'sqlite', file: '/srv/gridwork/data/gridwork.sqlite' });
    expect(config.port).toBe(3000);
    expect(config.locale).toBe('zh-CN');
    expect(config.sessionIdleMinutes).toBe(30);
    expect(config.passwordPolicy).toBe('dengbao3');
    expect(config.cryptoSuite).toBe('intl');
  });

  it('takes a postgres:// DATABASE_URL with its pool size and schema', () => {
    const config = loadConfig(
      {
        DATABASE_URL: 'postgres://grid:pw@db.local:5433/gridwork',
        GRIDWORK_DB_POOL_SIZE: '20',
        GRIDWORK_DB_SCHEMA: 'county_511124',
      },
      '/srv',
    );
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://grid:pw@db.local:5433/gridwork',
      poolSize: 20,
      schema: 'county_511124',
    });
  });

  it('takes a sqlite: DATABASE_URL relative to the working directory', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:db/county.sqlite' }, '/srv').database).toEqual({
      kind: 'sqlite',
      file: '/srv/db/county.sqlite',
    });
  });

  it.each([
    ['not a url', 'is not a valid URL'],
    ['mysql://u:p@host/db', 'must start with postgres://'],
    ['postgres://u:p@host', 'has no database name'],
    ['postgres://u:p@host/', 'has no database name'],
    ['sqlite:', 'names no SQLite file'],
  ])('refuses the malformed DATABASE_URL %j, saying what is wrong', (url, reason) => {
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(reason);
  });

  it('never repeats the database password in its error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:s3cret@host/db' })).toThrow(/^(?!.*s3cret)/);
  });

  it.each([
    ['PORT', 'abc', 'whole number'],
    ['PORT', '70000', 'between 0 and 65535'],
    ['GRIDWORK_LOCALE', 'fr-FR', 'zh-CN or en-US'],
    ['GRIDWORK_PASSWORD_POLICY', 'weak', 'dengbao3, asvs'],
    ['GRIDWORK_CRYPTO_SUITE', 'des', 'intl, sm'],
    ['GRIDWORK_SESSION_IDLE_MINUTES', '0', 'between 1'],
    ['GRIDWORK_TRUST_PROXY', 'maybe', 'true or false'],
    ['GRIDWORK_DB_SCHEMA', 'Robert"); drop', 'SQL identifier'],
  ])('refuses %s=%j and names the variable', (name, value, reason) => {
    const env = { DATABASE_URL: 'postgres://u:p@h/db', [name]: value };
    expect(() => loadConfig(env)).toThrow(name);
    expect(() => loadConfig(env)).toThrow(reason);
  });

  it('reads flags and the English locale', () => {
    const config = loadConfig({
      GRIDWORK_TRUST_PROXY: 'yes',
      GRIDWORK_SECURE_COOKIES: '1',
      GRIDWORK_LOCALE: 'en-US',
    });
    expect(config.trustProxy).toBe(true);
    expect(config.secureCookies).toBe(true);
    expect(config.locale).toBe('en-US');
  });
});
