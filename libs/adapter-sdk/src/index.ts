export * from './adapter-definition.js';
export * from './adapter.config.js';
export * from './adapter.module.js';
export * from './adapter.app.js';
export * from './run-adapter.js';
export * from './intake/intake.service.js';
export * from './intake/intake.exception.js';
