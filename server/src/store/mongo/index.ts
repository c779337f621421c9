export type { MongoStoreOptions } from './mongo-store.js';
export { mongoConnectOptions, openMongoStore } from './mongo-store.js';
