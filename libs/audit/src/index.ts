export * from './audit-entry.js';
export * from './audit.exception.js';
export * from './audit-hash.js';
export * from './audit.repository.js';
export * from './audit-log.js';
export * from './verify-audit-log.js';
export * from './audit-signer.js';
