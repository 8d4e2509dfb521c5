// What every service needs, passed explicitly: configuration, the database and a clock that tests
// can move forward.
import type { AppConfig } from './config.js';
import type { Db } from '../db/database.js';

export type Clock = () => number;

export interface AppContext {
  readonly config: AppConfig;
  readonly db: Db;
  readonly clock: Clock;
}
