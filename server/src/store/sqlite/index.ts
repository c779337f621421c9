export type { SqliteStore, SqliteStoreOptions } from './sqlite-store.js';
export { openSqliteStore } from './sqlite-store.js';
