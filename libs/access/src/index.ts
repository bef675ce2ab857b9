export * from './principal.js';
export * from './secret-hasher.js';
export * from './access-token.js';
export * from './remote-key-set.js';
export * from './bearer-authentication.js';
export * from './client.repository.js';
export * from './client-credentials.service.js';
export * from './access-denied.exception.js';
