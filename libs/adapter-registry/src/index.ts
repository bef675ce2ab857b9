export * from './adapter-registration.js';
export * from './adapter-permissions.js';
export * from './adapter-registry.exception.js';
export * from './adapter-registry.repository.js';
export * from './adapter-registry.service.js';
export * from './adapter-approvals.js';
export * from './adapter-directory.js';
