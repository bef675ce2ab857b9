export * from './env-reader.js';
export * from './common.config.js';
