export * from './metrics.js';
export * from './observability.module.js';
export * from './spean-logger.js';
export * from './serve.js';
