import type { Store } from '../domain/store.js';
import { openSqliteStore } from './sqlite/index.js';

/**
 * Opens the configured store: MongoDB when a URI is given (scale-out), otherwise the embedded
 * SQLite file. The MongoDB adapter is loaded only when used, so embedded mode never loads mongoose.
 */
export async function openStore(options: { mongodbUri: string | null; dataDir: string }): Promise<Store> {
  if (options.mongodbUri) {
    const { openMongoStore } = await import('./mongo/index.js');
    return openMongoStore({ uri: options.mongodbUri });
  }
  return openSqliteStore({ dataDir: options.dataDir });
}
