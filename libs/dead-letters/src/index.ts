export * from './dead-letter.js';
export * from './dead-letter.exception.js';
export * from './dead-letter-metadata.js';
export * from './dead-letter.repository.js';
export * from './dead-letter.service.js';
export * from './subscribe-with-dead-letters.js';
