export * from './env-reader.js';
export * from './common.config.js';
export * from './key-file.js';
export * from './kafka-credentials.js';
