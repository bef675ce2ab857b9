export * from './database.js';
export * from './embedded-postgres.js';
export * from './migrate.js';
export * from './open-database.js';
export * from './channel-listener.js';
export * from './json-lines.js';
export * from './copy-text.js';
